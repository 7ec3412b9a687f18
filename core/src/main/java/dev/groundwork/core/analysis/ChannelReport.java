package dev.groundwork.core.analysis;

/** Measurements of one channel (numbered from 1); null where a level does not exist (silence). */
public record ChannelReport(int channel, Double truePeakDbtp, Double samplePeakDbfs, Double rmsDbfs,
                            Double dcOffsetDbfs, long clippedSamples) { }
