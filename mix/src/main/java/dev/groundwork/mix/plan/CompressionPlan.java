package dev.groundwork.mix.plan;

import dev.groundwork.core.dsp.Compressor;

/** A compressor setting; the threshold is absolute (dBFS at the compressor's input, after the fader gain). */
public record CompressionPlan(double thresholdDb, double ratio, double attackMs, double releaseMs, double kneeDb, double makeupDb,
                              double rmsMs, double expectedReductionDb, String reason) {
    public Compressor.Settings settings() {
        return new Compressor.Settings(Math.max(-80, Math.min(0, thresholdDb)), ratio, attackMs, releaseMs, kneeDb, makeupDb, rmsMs);
    }
}
