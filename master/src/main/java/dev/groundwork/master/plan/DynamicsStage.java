package dev.groundwork.master.plan;

import dev.groundwork.core.dsp.Compressor;

/** Gentle glue compression (stereo-linked); {@code enabled} false leaves the dynamics alone. */
public record DynamicsStage(boolean enabled, Compressor.Settings compressor, double intensityPercent, String reason) { }
