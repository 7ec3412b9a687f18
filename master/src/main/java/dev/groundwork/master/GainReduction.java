package dev.groundwork.master;

/** What the gain-reducing stages did, for reports: deepest and mean reduction in dB, share of time limited. */
public record GainReduction(double compressorMaxDb, double compressorMeanDb,
                            double limiterMaxDb, double limiterMeanDb, double limiterActivePercent) { }
