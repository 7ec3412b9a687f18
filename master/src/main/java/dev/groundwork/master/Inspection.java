package dev.groundwork.master;

import dev.groundwork.core.analysis.Analysis;
import dev.groundwork.master.analysis.InputAnalysis;

/** The Inspect stage's measurements: what the decisions use, and the shared analysis report with its curves. */
public record Inspection(InputAnalysis measured, Analysis analysis) { }
