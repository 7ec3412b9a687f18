package dev.groundwork.mix.plan;

import dev.groundwork.core.dsp.Compressor;

import java.util.List;

/** Sidechain ducking of a low-end stem under the kick: the key is the sum of the kick stems after their own chain. */
public record DuckingPlan(List<String> keyStems, double thresholdDb, double ratio, double attackMs, double releaseMs,
                          double depthDb, String reason) {
    public DuckingPlan {
        keyStems = List.copyOf(keyStems);
    }

    public Compressor.Settings settings() {
        return new Compressor.Settings(Math.max(-80, Math.min(0, thresholdDb)), ratio, attackMs, releaseMs, 2, 0, 0);
    }
}
