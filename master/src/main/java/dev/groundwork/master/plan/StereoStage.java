package dev.groundwork.master.plan;

import dev.groundwork.core.dsp.StereoWidth;

/** M/S width and mono bass. */
public record StereoStage(StereoWidth.Settings stereo, double measuredCorrelation, String reason) { }
