package dev.groundwork.master;

import java.util.List;

/**
 * What the gain-reducing stages did, for reports: deepest and mean reduction in dB, share of time limited, and the
 * deepest reduction of each multiband band (low, mid, high; empty when the stage is off).
 */
public record GainReduction(double compressorMaxDb, double compressorMeanDb,
                            double limiterMaxDb, double limiterMeanDb, double limiterActivePercent, List<Double> multibandMaxDb) {
    public GainReduction {
        multibandMaxDb = multibandMaxDb == null ? List.of() : List.copyOf(multibandMaxDb);
    }

    static List<Double> of(dev.groundwork.core.dsp.MultibandCompressor m) {
        if (m == null) return List.of();
        double[] d = m.maxGainReductionDb();
        return List.of(d[0], d[1], d[2]);
    }
}
