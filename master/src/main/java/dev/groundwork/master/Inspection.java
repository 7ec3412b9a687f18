package dev.groundwork.master;

import dev.groundwork.core.analysis.Analysis;
import dev.groundwork.master.analysis.InputAnalysis;

/**
 * The Inspect stage's measurements: what the decisions use, and the shared analysis report with its curves.
 * {@code spectra} false: the reports (this one and the master's, measured alike) list no band spectrum.
 */
public record Inspection(InputAnalysis measured, Analysis analysis, boolean spectra) {
    public Inspection(InputAnalysis measured, Analysis analysis) {
        this(measured, analysis, true);
    }
}
