package dev.groundwork.mix.plan;

import dev.groundwork.core.dsp.Compressor;

import java.util.List;

/**
 * Sidechain ducking of a low-end stem under the kick: the key is the sum of the kick stems after their own chain.
 *
 * @param makeupDb the loudness the ducking takes from the stem, given back after it (null in plans written before
 *                 it was planned: no make-up)
 */
public record DuckingPlan(List<String> keyStems, double thresholdDb, double ratio, double attackMs, double releaseMs,
                          double depthDb, Double makeupDb, String reason) {
    public DuckingPlan {
        keyStems = List.copyOf(keyStems);
    }

    public Compressor.Settings settings() {
        return new Compressor.Settings(Math.max(-80, Math.min(0, thresholdDb)), ratio, attackMs, releaseMs, KNEE_DB,
                makeupDb == null ? 0 : makeupDb, 0);
    }

    /** The ducker's soft knee (dB). */
    public static final double KNEE_DB = 2;
}
