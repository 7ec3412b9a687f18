package dev.groundwork.mix.render;

import java.util.Map;

/**
 * What the render measured: the mix loudness and peaks after the bus, the safety trim applied if the
 * peak would have passed the ceiling, and each stem's mean compression and ducking.
 */
public record MixReport(double durationSeconds, Double integratedLufs, double samplePeakDbfs,
                        double ceilingTrimDb, double drumBusReductionDb, Map<String, Double> compressionDb,
                        Map<String, Double> duckingDb, double renderSeconds) { }
