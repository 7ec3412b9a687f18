package dev.groundwork.core.analysis;

/** Measurements of one channel; −infinity (null in JSON) where a level does not exist (silence). */
public record ChannelReport(int channel, double truePeakDbtp, double samplePeakDbfs, double rmsDbfs,
                            double dcOffsetDbfs, long clippedSamples) { }
