package dev.groundwork.core.analysis;

/** The result of analysing one stream: the printable report and the loudness curves for plots and jobs. */
public record Analysis(AnalysisReport report, LoudnessCurves curves) { }
