package dev.groundwork.core.analysis;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * Measurements of one channel (numbered from 1). {@code integratedLufs} is the channel's loudness on
 * its own, as a mono signal (null for silence and for LFE); levels in dB are −infinity (JSON null)
 * where they do not exist.
 */
public record ChannelReport(int channel, Double integratedLufs,
                            @JsonDeserialize(using = NullAsMinusInfinity.class) double truePeakDbtp,
                            @JsonDeserialize(using = NullAsMinusInfinity.class) double samplePeakDbfs,
                            @JsonDeserialize(using = NullAsMinusInfinity.class) double rmsDbfs,
                            @JsonDeserialize(using = NullAsMinusInfinity.class) double dcOffsetDbfs,
                            long clippedSamples) { }
