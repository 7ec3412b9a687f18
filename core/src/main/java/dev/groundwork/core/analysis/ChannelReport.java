package dev.groundwork.core.analysis;

/**
 * Measurements of one channel (numbered from 1); null where a level does not exist (silence).
 * {@code integratedLufs} is the channel's loudness on its own, as a mono signal (null for LFE).
 */
public record ChannelReport(int channel, Double integratedLufs, Double truePeakDbtp, Double samplePeakDbfs, Double rmsDbfs,
                            Double dcOffsetDbfs, long clippedSamples) { }
