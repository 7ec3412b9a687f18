package dev.groundwork.core.analysis;

/**
 * Loudness over time, one value every {@code stepSeconds} (100 ms): value i covers the window ending at
 * (i + 1) × step. Silence is −infinity. 36 000 values per hour each.
 */
public record LoudnessCurves(double stepSeconds, double[] momentaryLufs, double[] shortTermLufs) {
    /** End time in seconds of the window of value i. */
    public double timeSeconds(int i) { return (i + 1) * stepSeconds; }
}
