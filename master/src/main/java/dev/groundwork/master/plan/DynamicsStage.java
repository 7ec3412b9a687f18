package dev.groundwork.master.plan;

import dev.groundwork.core.dsp.Compressor;

/**
 * Gentle glue compression (stereo-linked); {@code enabled} false leaves the dynamics alone. {@code multiband} is the
 * optional per-band stage (null in plans written before it existed: off).
 */
public record DynamicsStage(boolean enabled, Compressor.Settings compressor, double intensityPercent, String reason,
                            MultibandStage multiband) {
    public DynamicsStage(boolean enabled, Compressor.Settings compressor, double intensityPercent, String reason) {
        this(enabled, compressor, intensityPercent, reason, null);
    }

    public boolean multibandEnabled() { return multiband != null && multiband.enabled(); }

    public DynamicsStage withMultiband(MultibandStage m) { return new DynamicsStage(enabled, compressor, intensityPercent, reason, m); }
}
