package dev.groundwork.master.plan;

import dev.groundwork.core.dsp.TruePeakLimiter;

/**
 * Gain into the true-peak limiter, then a final trim (only ever negative) that keeps the measured true
 * peak under the ceiling. The expected values are what the render measured when the plan was made.
 */
public record LoudnessStage(double gainDb, TruePeakLimiter.Settings limiter, double trimDb,
                            double expectedLufs, double expectedTruePeakDbtp, double limiterLossLu, String reason) {
    public LoudnessStage {
        if (!(gainDb >= -60 && gainDb <= 60)) throw new IllegalArgumentException("loudness gain must be in [-60, 60] dB, not " + gainDb);
        if (!(trimDb >= -6 && trimDb <= 0)) throw new IllegalArgumentException("trim must be in [-6, 0] dB, not " + trimDb);
    }
}
