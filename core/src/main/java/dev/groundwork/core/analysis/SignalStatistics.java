package dev.groundwork.core.analysis;

import dev.groundwork.core.audio.AudioBuffer;

/**
 * Streaming per-channel statistics of the raw samples: mean (DC offset), mean square (RMS), peak,
 * clipped samples, and the correlation of the first two channels. Sums are doubles, added in sample
 * order, so the result does not depend on the block sizes fed.
 *
 * <p>Clipping: a sample counts as clipped when it is part of a run of at least
 * {@value #CLIP_RUN} consecutive samples with |x| ≥ {@value #CLIP_LEVEL} in one channel (every sample
 * of the run counts). A single full-scale sample is a legitimate peak; two or more in a row are the
 * flat top that a clipper or an overloaded converter leaves.
 */
public final class SignalStatistics {
    public static final float CLIP_LEVEL = 0.999f;
    public static final int CLIP_RUN = 2;

    private final int channels;
    private final double[] sum, sumSquares;
    private final float[] peak;
    private final long[] clipped;
    private final int[] run;
    private double cross;
    private long frames;

    public SignalStatistics(int channels) {
        if (channels < 1) throw new IllegalArgumentException("channels must be >= 1: " + channels);
        this.channels = channels;
        sum = new double[channels];
        sumSquares = new double[channels];
        peak = new float[channels];
        clipped = new long[channels];
        run = new int[channels];
    }

    public void add(AudioBuffer block) {
        if (block.channels() != channels) throw new IllegalArgumentException("expected " + channels + " channels, got " + block.channels());
        int n = block.frames();
        // the sample loops are small methods: the JIT compiles each once, not this method once per loop it enters
        for (int c = 0; c < channels; c++) channel(c, block.channel(c), n);
        if (channels >= 2) cross(block.channel(0), block.channel(1), n);
        frames += n;
    }

    private void channel(int c, float[] x, int n) {
        double s = sum[c], q = sumSquares[c];
        float p = peak[c];
        int r = run[c];
        long k = clipped[c];
        for (int i = 0; i < n; i++) {
            float v = x[i];
            s += v;
            q += (double) v * v;
            float a = Math.abs(v);
            p = Math.max(p, a);
            if (a >= CLIP_LEVEL) {
                r++;
                if (r == CLIP_RUN) k += CLIP_RUN; else if (r > CLIP_RUN) k++;
            } else {
                r = 0;
            }
        }
        sum[c] = s; sumSquares[c] = q; peak[c] = p; run[c] = r; clipped[c] = k;
    }

    private void cross(float[] l, float[] rr, int n) {
        double x = cross;
        for (int i = 0; i < n; i++) x += (double) l[i] * rr[i];
        cross = x;
    }

    public long frames() { return frames; }

    public int channels() { return channels; }

    /** Mean of channel c (its DC offset), linear. */
    public double mean(int c) { return frames == 0 ? 0 : sum[c] / frames; }

    public double meanSquare(int c) { return frames == 0 ? 0 : sumSquares[c] / frames; }

    public double peak(int c) { return peak[c]; }

    public long clippedSamples(int c) { return clipped[c]; }

    public long clippedSamples() {
        long t = 0;
        for (long k : clipped) t += k;
        return t;
    }

    /** Mean square over all channels together. */
    public double meanSquare() {
        double t = 0;
        for (int c = 0; c < channels; c++) t += meanSquare(c);
        return t / channels;
    }

    public double peak() {
        float m = 0;
        for (float p : peak) m = Math.max(m, p);
        return m;
    }

    /**
     * Correlation of channels 0 and 1 (left, right) about zero, as a phase-correlation meter shows it:
     * +1 identical, 0 unrelated, −1 opposite polarity. NaN when there is no second channel or a channel
     * is silent.
     */
    public double stereoCorrelation() {
        if (channels < 2 || sumSquares[0] == 0 || sumSquares[1] == 0) return Double.NaN;
        return Math.max(-1, Math.min(1, cross / Math.sqrt(sumSquares[0] * sumSquares[1])));
    }
}
