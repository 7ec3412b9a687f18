package dev.groundwork.core.dsp;

import java.util.Arrays;

/**
 * Streaming true-peak detector (ITU-R BS.1770-4 Annex 2): oversamples each channel ×4 below 96 kHz,
 * ×2 below 192 kHz, ×1 from 192 kHz, and keeps the largest absolute value of the oversampled signal.
 *
 * <p>The interpolator is a Kaiser-windowed sinc cut off at the input Nyquist frequency, split into
 * polyphase branches. Because the sinc is zero at every multiple of the ratio, phase 0 is the input
 * sample itself, so only the {@code ratio - 1} in-between phases are filtered (the input samples are
 * covered by the sample peak). With {@value #TAPS_PER_PHASE} taps per phase the passband is flat within
 * ±0.15 dB up to 0.45·fs (every branch, magnitude), so a steady sine of any frequency
 * up to 0.45·fs reads within +0.2/−0.4 dB of its amplitude (its true peak).
 *
 * <p>Speed: each branch is computed for a whole chunk at once as a sum of scaled, shifted copies of the
 * input (one axpy per tap). The copies are made once per chunk so that every loop reads its arrays at
 * the same index, which is what the JDK 17 auto-vectoriser needs (it gives up on {@code x[j + q]}).
 * The running maximum is kept per lane ({@code lanes[j] = max(lanes[j], |y[j]|)}), element-wise and so
 * vectorisable too, and reduced only when queried. Float arithmetic is plenty for a peak reading. The
 * sum for every output runs over the taps in the same order whatever the chunking, so results do not
 * depend on how the stream is split into blocks.
 */
public final class TruePeakOversampler {
    /** Taps of each interpolating phase (half on each side of the interpolated point). */
    public static final int TAPS_PER_PHASE = 24;
    private static final int CHUNK = 1024;
    // chosen for the flattest passband up to 0.45·fs with 24 taps: within ±0.15 dB (a larger beta droops there)
    private static final double KAISER_BETA = 3.75;

    /** Accurate estimator ({@link #accurate}): ×16 with 64 taps per phase, Kaiser β 8 (about 80 dB stopband). */
    public static final int ACCURATE_RATIO = 16, ACCURATE_TAPS = 64;
    private static final double ACCURATE_BETA = 8;
    private static final int ACCURATE_CHUNK = 256;
    /** Gate sub-block of the accurate estimator, in input samples. */
    private static final int GATE = 64;
    /**
     * A sampled band-limited signal (band B) sampled at step T never peaks more than 1/cos(πBT) above its
     * samples; at ×4 of a signal below Nyquist that is 0.69 dB. 1.5 dB leaves room for the cheap ×4
     * filter's droop (the best of its three phases: 0.06 dB at 0.45·fs, 0.4 dB at 0.46·fs, 0.7 dB at 0.465·fs).
     */
    private static final double GATE_HEADROOM = Math.pow(10, 1.5 / 20);

    private final int channels;
    private final int ratio;
    private final int taps;
    private final int chunk;
    /** phases[p - 1][q] is the weight of window sample q for output phase p (1 ≤ p < ratio). */
    private final float[][] phases;
    private final float[][] history;
    private final float[] window;
    private final float[][] shifted;
    private final float[][] out;
    /** Accurate mode: the cheap ×4 phases that decide where the long ones run. */
    private final float[][] gateOut;
    /** Accurate mode: the largest |value| of the three gate phases at each window position (one array to test and raise). */
    private final float[] gateMax;
    /** Accurate mode: sub-blocks whose ×4 phases stay below this / {@link #GATE_HEADROOM} skip the other phases (0: never skip). */
    private final float floor;
    /** Per channel, the running max |y| of every lane j of the chunk. */
    private final float[][] lanes;
    private final float[] samplePeak;
    /** Samples fed per channel, capped: interpolation starts once a whole window of real samples is in. */
    private final int[] fed;
    /** Samples fed per channel, all of them. */
    private final long[] totalFed;
    /** Per channel, the largest interpolated reading so far; chunks that cannot beat it are skipped. */
    private final float[] runningPeak;
    /**
     * No interpolated point exceeds the largest |sample| under its window times this: the largest sum of
     * |taps| over the phases (the gate's too), raised a little for float rounding.
     */
    private final float boundGain;
    /**
     * Accurate mode with the meter's reading ({@link #accurateWithMeter}), else null: per channel, the running max
     * of |the ×4 points| lane by lane (the gate's phases, which are the meter's), and the first samples, from which
     * the meter's first points (before the long window's first full one) are computed when asked.
     */
    private final float[][] meterLanes;
    /** Per channel, the largest ×4 reading so far (a chunk that cannot beat it may still be skipped). */
    private final float[] meterRunning;
    /**
     * Per channel, the first {@link #METER_HEAD} samples and how many are in. Kept in every mode (a few floats), so
     * {@link #process} takes the same branches in every mode: the JIT compiles it once for the input's meter and
     * does not throw that code away when an output's accurate estimator takes a branch the meter never took.
     */
    private final float[][] head;
    private final int[] headFill;
    /** Per channel, the level a chunk's bound must reach to change any reading kept (the smallest of them). */
    private final float[] beat;
    /** Accurate mode with a floor: the long phases run only near it ({@link #interpolateGated}). */
    private final boolean gated;

    public TruePeakOversampler(int channels, double sampleRate) {
        if (channels < 1) throw new IllegalArgumentException("channels must be >= 1: " + channels);
        if (!(sampleRate > 0)) throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        this.channels = channels;
        this.ratio = ratioFor(sampleRate);
        this.taps = TAPS_PER_PHASE;
        this.chunk = CHUNK;
        this.phases = design(ratio);
        this.floor = 0;
        this.history = new float[channels][taps - 1];
        this.window = new float[taps - 1 + chunk];
        this.shifted = new float[taps][chunk];
        this.out = new float[Math.max(ratio - 1, 1)][chunk];
        this.gateOut = new float[0][];
        this.gateMax = new float[0];
        this.lanes = new float[channels][chunk];
        this.samplePeak = new float[channels];
        this.fed = new int[channels];
        this.totalFed = new long[channels];
        this.runningPeak = new float[channels];
        this.boundGain = boundGain(phases);
        this.meterLanes = null;
        this.meterRunning = null;
        this.head = new float[channels][METER_HEAD];
        this.headFill = new int[channels];
        this.beat = new float[channels];
        this.gated = false;
    }

    private TruePeakOversampler(int channels, float floor, boolean withMeter) {
        this.channels = channels;
        this.ratio = ACCURATE_RATIO;
        this.taps = ACCURATE_TAPS;
        this.chunk = ACCURATE_CHUNK;
        this.phases = design(ratio, taps, ACCURATE_BETA);
        this.floor = floor;
        this.history = new float[channels][taps - 1];
        this.window = new float[taps - 1 + chunk];
        this.shifted = new float[taps][chunk];
        this.out = new float[ratio - 1][chunk];
        this.gateOut = new float[3][chunk];
        this.gateMax = new float[chunk];
        this.lanes = new float[channels][chunk];
        this.samplePeak = new float[channels];
        this.fed = new int[channels];
        this.totalFed = new long[channels];
        this.runningPeak = new float[channels];
        this.boundGain = Math.max(boundGain(phases), boundGain(GATE_PHASES));
        this.meterLanes = withMeter ? new float[channels][chunk] : null;
        this.meterRunning = withMeter ? new float[channels] : null;
        this.head = new float[channels][METER_HEAD];
        this.headFill = new int[channels];
        this.beat = new float[channels];
        this.gated = floor > 0;
    }

    /**
     * Samples from the stream's start that hold every window of the meter's points before the long window's first
     * full one: the meter's first point follows sample {@code TAPS_PER_PHASE / 2 - 1}, the long window's
     * {@code ACCURATE_TAPS / 2 - 1}, and each point reads {@code TAPS_PER_PHASE / 2} samples past it.
     */
    private static final int METER_HEAD = ACCURATE_TAPS / 2 - 1 + TAPS_PER_PHASE / 2; // within the history: taps - 1 samples

    private static float boundGain(float[][] phases) {
        return (float) (maxPhaseL1(phases) * 1.001);
    }

    /**
     * The largest sum of |taps| over the phases (at least 1): no interpolated value can exceed the input's peak by
     * more than this factor, so a chunk whose sample peak times it stays under a level needs no interpolation.
     */
    static double maxPhaseL1(float[][] phases) {
        double g = 1;
        for (float[] p : phases) {
            double sum = 0;
            for (float v : p) sum += Math.abs(v);
            g = Math.max(g, sum);
        }
        return g;
    }

    /**
     * A true-peak estimator far closer to the continuous signal than the ×4 meter, for verifying that an
     * output stays under a ceiling against any compliant meter: ×16 at every sample rate, 64 taps per
     * phase (passband flat within 0.01 dB to 0.45·fs), so a sine anywhere up to 0.45·fs reads within
     * 0.04 dB of its true peak (the ×16 grid's worst phase) instead of the ×4 meter's −0.7 dB.
     * It costs 15 × 64 multiply-adds per sample, so with a positive {@code floor} it first runs the
     * meter's cheap ×4 filter and computes the long phases only over 64-sample stretches where that comes
     * within 1.5 dB of {@code floor} and of the largest reading so far: readings at or above {@code floor} are exact (for content up to
     * 0.465·fs, where the cheap filter's droop stays under the 0.8 dB left after the 0.69 dB bound),
     * readings below it may be low (still at least the ×4 value).
     *
     * @param floor linear; 0 computes every phase everywhere
     */
    public static TruePeakOversampler accurate(int channels, double floor) {
        if (channels < 1) throw new IllegalArgumentException("channels must be >= 1: " + channels);
        return new TruePeakOversampler(channels, (float) floor, false);
    }

    /**
     * {@link #accurate} that also gives the BS.1770 meter's ×4 reading ({@link #meterPeak}), bit for bit what a
     * {@code new TruePeakOversampler(channels, rate)} fed the same samples reads at rates below 96 kHz: its gate
     * already computes the meter's points, so one pass over the output measures both (a loudness meter reads it
     * through {@link dev.groundwork.core.meter.LoudnessMeter}'s shared-oversampler constructor).
     *
     * @param floor linear, above 0
     */
    public static TruePeakOversampler accurateWithMeter(int channels, double floor) {
        if (channels < 1) throw new IllegalArgumentException("channels must be >= 1: " + channels);
        if (!(floor > 0)) throw new IllegalArgumentException("the meter's reading comes from the gate, which needs a floor above 0: " + floor);
        return new TruePeakOversampler(channels, (float) floor, true);
    }

    /** The oversampling factor BS.1770 asks for at this rate. */
    public static int ratioFor(double sampleRate) {
        if (sampleRate < 96_000) return 4;
        if (sampleRate < 192_000) return 2;
        return 1;
    }

    public int ratio() { return ratio; }

    public void reset() {
        for (float[] h : history) Arrays.fill(h, 0f);
        for (float[] l : lanes) Arrays.fill(l, 0f);
        Arrays.fill(samplePeak, 0f);
        Arrays.fill(fed, 0);
        Arrays.fill(totalFed, 0);
        Arrays.fill(runningPeak, 0f);
        Arrays.fill(headFill, 0);
        Arrays.fill(beat, 0f);
        if (meterLanes != null) {
            for (float[] l : meterLanes) Arrays.fill(l, 0f);
            Arrays.fill(meterRunning, 0f);
        }
    }

    /** Feeds {@code frames} samples of one channel starting at {@code offset}. */
    public void process(int channel, float[] x, int offset, int frames) {
        if (ratio == 1) {
            samplePeak[channel] = Math.max(samplePeak[channel], absMax(x, offset, frames));
            return;
        }
        final int h = taps - 1;
        float[] hist = history[channel];
        // once the head is full this copies nothing: no branch that only the first block takes
        int filled = headFill[channel], m = Math.min(METER_HEAD - filled, frames);
        System.arraycopy(x, offset, head[channel], filled, m);
        headFill[channel] = filled + m;
        int done = 0;
        while (done < frames) {
            int len = Math.min(chunk, frames - done);
            System.arraycopy(hist, 0, window, 0, h);
            System.arraycopy(x, offset + done, window, h, len);
            // windows reaching before the first sample would interpolate a step up from assumed silence
            int from = Math.max(0, h - fed[channel]);
            // a chunk whose samples are all far enough under the reading so far cannot raise it (most music
            // stays well under its own peak most of the time): the reading is the same without it (with the
            // meter's reading kept too, the chunk must be unable to raise either)
            if (from < len && absMax(window, 0, h + len) * boundGain >= beat[channel]) {
                // two methods, not one with a branch per mode: each is compiled for the mode that runs it
                if (gated) interpolateGated(window, from, len, channel);
                else interpolateAll(window, from, len, channel);
            }
            System.arraycopy(window, len, hist, 0, h);
            fed[channel] = (int) Math.min(h, (long) fed[channel] + len);
            done += len;
        }
        samplePeak[channel] = Math.max(samplePeak[channel], absMax(x, offset, frames));
        totalFed[channel] += frames;
    }

    /**
     * Largest absolute value of the oversampled signal so far. The points between the last
     * {@code TAPS_PER_PHASE / 2} samples (and the first ones) are not interpolated: they would depend on
     * what is assumed beyond the ends of the stream, and a hard cut would ring; their samples still count.
     */
    public double peak(int channel) {
        float m = samplePeak[channel];
        for (float v : lanes[channel]) m = Math.max(m, v);
        return m;
    }

    /**
     * The BS.1770 ×4 meter's reading of a channel so far (linear): {@link #peak(int)} of a plain meter; for
     * {@link #accurateWithMeter} exactly what a plain meter at a rate below 96 kHz reads. The meter's points
     * nearest the stream's ends, outside the long window's reach, are computed here from the first samples and
     * the history (a query: the state does not change).
     */
    public double meterPeak(int channel) {
        if (meterLanes == null) return peak(channel);
        float m = Math.max(samplePeak[channel], meterRunning[channel]);
        for (float v : meterLanes[channel]) m = Math.max(m, v);
        long total = totalFed[channel];
        int half = TAPS_PER_PHASE / 2;
        // head: the meter's points after samples half-1 .. ACCURATE_TAPS/2 - 2 (those the stream holds whole windows for)
        long lastCentre = total - half - 1;
        for (long c = half - 1; c <= Math.min(ACCURATE_TAPS / 2 - 2, lastCentre); c++) m = Math.max(m, meterPoints(head[channel], (int) c - (half - 1)));
        // tail: the points after the long window's last full one, from the history (the last taps - 1 samples)
        float[] hist = history[channel];
        long histStart = total - (taps - 1);
        for (long c = Math.max(half - 1, total - ACCURATE_TAPS / 2); c <= lastCentre; c++) m = Math.max(m, meterPoints(hist, (int) (c - (half - 1) - histStart)));
        return m;
    }

    /** Largest |value| of the meter's three ×4 points of the window starting at x[start], summed in the meter's order. */
    private static float meterPoints(float[] x, int start) {
        float m = 0;
        for (float[] g : GATE_PHASES) {
            float y = g[0] * x[start];
            for (int q = 1; q < g.length; q++) y += g[q] * x[start + q];
            m = Math.max(m, Math.abs(y));
        }
        return m;
    }

    /** Largest absolute input sample so far (the true peak's phase 0). */
    public double samplePeak(int channel) {
        return samplePeak[channel];
    }

    /** Largest true peak over all channels (linear). */
    public double peak() {
        double m = 0;
        for (int c = 0; c < channels; c++) m = Math.max(m, peak(c));
        return m;
    }

    /** Updates the channel's lanes with |y| of every in-between phase for outputs from..len-1 (window w[j .. j+TAPS-1]). */
    private void interpolateAll(float[] w, int from, int len, int channel) {
        float[] lane = lanes[channel];
        for (int q = 0; q < taps; q++) System.arraycopy(w, q, shifted[q], 0, len);
        for (int p = 0; p < ratio - 1; p++) phase(p, 0, len, from, lane);
        runningPeak[channel] = absMax(lane, 0, chunk);
        beat[channel] = runningPeak[channel];
    }

    /** {@link #interpolateAll} for the accurate estimator with a floor: the long phases only where the ×4 ones come near it. */
    private void interpolateGated(float[] w, int from, int len, int channel) {
        float[] lane = lanes[channel];
        // accurate mode: the meter's cheap ×4 (24 taps, same centre) first, all 15 long phases only over the
        // runs of sub-blocks where it comes near the floor (whole runs keep the inner loops long). A stretch
        // that cannot beat the largest reading so far cannot change the answer either: skipped too. Only the
        // window samples the cheap filter reads are copied for the whole chunk, the others run by run.
        float gate = Math.max(floor, runningPeak[channel]) / (float) GATE_HEADROOM;
        int centre = taps / 2 - 1, offset = centre - (TAPS_PER_PHASE / 2 - 1);
        // the long loops live in small methods: this one loops a few times per call, so the JIT compiles it once
        // instead of first entering each of its loops mid-way (an OSR compile per loop) and then compiling it whole
        gatePhases(w, offset, from, len, channel);
        int runStart = -1;
        // sub-blocks of GATE samples, then one step at len that closes a run still open (also after a partial last sub-block)
        for (int s0 = 0; s0 <= len; s0 = s0 < len ? Math.min(len, s0 + GATE) : len + 1) {
            boolean loud = false;
            if (s0 < len) {
                int end = Math.min(len, s0 + GATE);
                loud = reaches(w, s0 + centre, end + centre, gate) || reaches(gateMax, s0, end, gate);
                // far under the floor: the ×4 reading stands (a lower bound, close enough below the floor)
                if (!loud) raise(gateMax, Math.max(from, s0), end, lane);
            }
            if (loud && runStart < 0) runStart = s0;
            if (!loud && runStart >= 0) {
                longPhases(w, offset, runStart, s0, Math.max(from, runStart), lane);
                runStart = -1;
            }
        }
        runningPeak[channel] = absMax(lane, 0, chunk);
        if (meterLanes == null) {
            beat[channel] = runningPeak[channel];
        } else {
            meterRunning[channel] = absMax(meterLanes[channel], 0, chunk);
            beat[channel] = Math.min(runningPeak[channel], meterRunning[channel]);
        }
    }

    /** The cheap ×4 phases over the whole chunk into {@link #gateOut} (and the meter's lanes, when kept). */
    private void gatePhases(float[] w, int offset, int from, int len, int channel) {
        for (int q = offset; q < offset + TAPS_PER_PHASE; q++) System.arraycopy(w, q, shifted[q], 0, len);
        for (int k = 0; k < 3; k++) phase(GATE_PHASES[k], offset, TAPS_PER_PHASE, gateOut[k], 0, len);
        // the three phases' largest |value| per position, in one vectorised pass: the gate tests and the lanes' raises
        // then read one array instead of three (a max of maxes, so every reading is the same)
        largestOfThree(gateOut[0], gateOut[1], gateOut[2], gateMax, len);
        if (meterLanes != null) raise(gateMax, from, len, meterLanes[channel]);
    }

    /** Every long phase over window positions lo..hi-1 (the window samples the gate did not copy are copied first). */
    private void longPhases(float[] w, int offset, int lo, int hi, int from, float[] lane) {
        for (int q = 0; q < taps; q++) {
            if (q == offset) q += TAPS_PER_PHASE;
            System.arraycopy(w, q + lo, shifted[q], lo, hi - lo);
        }
        for (int p = 0; p < ratio - 1; p++) phase(p, lo, hi, from, lane);
    }

    private static final float[][] GATE_PHASES = design(4);

    /** Output phase p + 1 for window positions lo..hi-1, raising lane[j] for j ≥ from. */
    private void phase(int p, int lo, int hi, int from, float[] lane) {
        phase(phases[p], 0, taps, out[p], lo, hi);
        raise(out[p], from, hi, lane);
    }

    /** y[lo..hi) = the filter g (n taps) over window samples starting {@code first} samples into each window. */
    private void phase(float[] g, int first, int n, float[] y, int lo, int hi) {
        fir(shifted, first, g, n, y, lo, hi);
    }

    /**
     * y[lo..hi) = Σ g[q]·s[first + q][j] over the n taps, summed in tap order (so the sum is the same, bit for bit, as one
     * tap per pass). Four taps per pass: each pass reads and writes y once for four multiply-adds instead of one, and
     * every loop still reads its arrays at the same index, which the auto-vectoriser needs. The limiter's detector uses
     * it too.
     */
    static void fir(float[][] s, int first, float[] g, int n, float[] y, int lo, int hi) {
        // the first pass adds to zeros, which changes no sum (only a −0 becomes +0, and every caller takes |y|): one
        // loop nest instead of a first pass of its own, so the JIT compiles one hot loop (one OSR compile, not two)
        Arrays.fill(y, lo, hi, 0f);
        int q = 0;
        for (; q + 4 <= n; q += 4) {
            float g0 = g[q], g1 = g[q + 1], g2 = g[q + 2], g3 = g[q + 3];
            float[] s0 = s[first + q], s1 = s[first + q + 1], s2 = s[first + q + 2], s3 = s[first + q + 3];
            for (int j = lo; j < hi; j++) y[j] = y[j] + g0 * s0[j] + g1 * s1[j] + g2 * s2[j] + g3 * s3[j];
        }
        for (; q < n; q++) {
            float gq = g[q];
            float[] sq = s[first + q];
            for (int j = lo; j < hi; j++) y[j] += gq * sq[j];
        }
    }

    /**
     * True when some |y[j]|, lo ≤ j < hi, is at least {@code level} (a branch per sample beats a float max reduction).
     * The limiter's detector uses it too.
     */
    static boolean reaches(float[] y, int lo, int hi, float level) {
        for (int j = lo; j < hi; j++) if (Math.abs(y[j]) >= level) return true;
        return false;
    }

    private static void raise(float[] y, int from, int hi, float[] lane) {
        for (int j = from; j < hi; j++) lane[j] = Math.max(lane[j], Math.abs(y[j]));
    }

    private static void largestOfThree(float[] a, float[] b, float[] c, float[] m, int n) {
        for (int j = 0; j < n; j++) m[j] = Math.max(Math.abs(a[j]), Math.max(Math.abs(b[j]), Math.abs(c[j])));
    }

    private static float absMax(float[] x, int offset, int n) {
        float m = 0f;
        for (int i = offset, end = offset + n; i < end; i++) m = Math.max(m, Math.abs(x[i]));
        return m;
    }

    /**
     * Polyphase branches of a windowed sinc with cutoff at the input Nyquist frequency. Output phase p
     * sits p/ratio of a sample after window sample (TAPS/2 − 1); tap q multiplies window sample q.
     * Each branch is normalised to unity gain at DC.
     */
    static float[][] design(int ratio) {
        return design(ratio, TAPS_PER_PHASE, KAISER_BETA);
    }

    static float[][] design(int ratio, int tapsPerPhase, double beta) {
        if (ratio == 1) return new float[0][];
        int half = tapsPerPhase / 2;
        double reach = (double) ratio * half; // prototype half-length in oversampled samples
        float[][] g = new float[ratio - 1][tapsPerPhase];
        for (int p = 1; p < ratio; p++) {
            double[] taps = new double[tapsPerPhase];
            double sum = 0;
            for (int q = 0; q < tapsPerPhase; q++) {
                // distance, in oversampled samples, from window sample q to the output point
                double d = ratio * (half - 1 - q) + p;
                double t = d / ratio;
                double sinc = Math.sin(Math.PI * t) / (Math.PI * t);
                double r = d / reach;
                double kaiser = KaiserWindow.value(beta, r);
                taps[q] = sinc * kaiser;
                sum += taps[q];
            }
            for (int q = 0; q < tapsPerPhase; q++) g[p - 1][q] = (float) (taps[q] / sum);
        }
        return g;
    }
}
