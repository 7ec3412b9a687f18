package dev.groundwork.core.dsp;

import dev.groundwork.core.audio.AudioBuffer;

/**
 * Stereo-linked look-ahead brickwall limiter whose peak detection looks between the samples
 * (8x polyphase interpolation, a superset of the true-peak meter's 4x points), so the ceiling holds for
 * the true peak, not only the sample peak.
 *
 * <p>Gain computer: the gain each frame needs ({@code ceiling / truePeak}, at most 1) is min-held over
 * the look-ahead window, released smoothly (one-pole toward 1), then averaged over the same window.
 * Every frame covered by the average was inside each min-hold window, so the applied gain never exceeds
 * the gain a peak needs: the ceiling is a property of the algorithm, not of tuning. Audio that never
 * reaches the ceiling passes bit-exactly, delayed by {@link #latencyFrames()}.
 */
public final class TruePeakLimiter implements Processor {

    /** Ceiling in dBTP, look-ahead (= attack) in ms, release time constant in ms. */
    public record Settings(double ceilingDbtp, double lookaheadMs, double releaseMs) {
        public static final Settings DEFAULT = new Settings(-1.0, 1.5, 80);

        public Settings {
            if (!(ceilingDbtp >= -30 && ceilingDbtp <= 0)) throw new IllegalArgumentException("limiter ceiling must be in [-30, 0] dBTP, not " + ceilingDbtp);
            if (!(lookaheadMs >= 0.1 && lookaheadMs <= 20)) throw new IllegalArgumentException("limiter look-ahead must be in [0.1, 20] ms, not " + lookaheadMs);
            if (!(releaseMs >= 1 && releaseMs <= 2000)) throw new IllegalArgumentException("limiter release must be in [1, 2000] ms, not " + releaseMs);
        }

        public double ceilingLinear() { return Math.pow(10, ceilingDbtp / 20); }
    }

    /**
     * What the limiter did: frames processed, frames turned down by at least {@link #ACTIVE_DB} (active), deepest reduction, and
     * the reduction of the mean gain while active.
     */
    public record Statistics(long frames, long limitedFrames, double maxGainReductionDb, double meanGainReductionDb) {
        public double limitedFraction() { return frames == 0 ? 0 : (double) limitedFrames / frames; }
    }

    private final Settings settings;
    private PeakDetector detector;
    private GainEnvelope envelope;
    private float[][] delay;
    private float[] peaks = new float[0];
    private int delayLength, delayPos;
    private int channels;

    public TruePeakLimiter(Settings settings) {
        this.settings = java.util.Objects.requireNonNull(settings);
    }

    public Settings settings() { return settings; }

    @Override
    public void prepare(ProcessSpec spec) {
        channels = spec.channels();
        int lookahead = lookaheadFrames(settings, spec.sampleRate());
        double c = settings.ceilingLinear();
        detector = PeakDetector.eightTimes(channels, c);
        envelope = new GainEnvelope(c, lookahead, releaseCoefficient(settings, spec.sampleRate()));
        delayLength = detector.delay() + lookahead;
        delay = new float[channels][delayLength];
        delayPos = 0;
        peaks = new float[spec.maxBlockFrames()];
    }

    public static int lookaheadFrames(Settings s, double sampleRate) {
        return Math.max(1, (int) Math.round(s.lookaheadMs() * 1e-3 * sampleRate));
    }

    public static double releaseCoefficient(Settings s, double sampleRate) {
        return 1 - Math.exp(-1 / (s.releaseMs() * 1e-3 * sampleRate));
    }

    @Override
    public void reset() {
        detector.reset();
        envelope.reset();
        for (float[] d : delay) java.util.Arrays.fill(d, 0f);
        delayPos = 0;
    }

    @Override
    public int latencyFrames() {
        if (envelope == null) throw new IllegalStateException("prepare the limiter first");
        return delayLength;
    }

    public Statistics statistics() { return envelope.statistics(); }

    @Override
    public void process(AudioBuffer in, AudioBuffer out) {
        int n = in.frames();
        if (in.channels() != channels || out.channels() != channels) throw new IllegalArgumentException("channel count differs from prepare()");
        if (peaks.length < n) peaks = new float[n];
        float[][] x = in.data(), y = out.data();
        detector.process(x, n, peaks);
        gains(n);
        // each channel through its delay line on its own: one short loop per channel instead of a channel loop per frame
        int pos = delayPos;
        for (int ch = 0; ch < channels; ch++) delayed(delay[ch], pos, x[ch], y[ch], n);
        delayPos = (int) ((pos + (long) n) % delayLength);
        out.setFrames(n);
    }

    /** peaks[0..n) becomes the gain of each frame (× 1f where nothing is limited: exact, and no branch later). */
    private void gains(int n) {
        final float[] p = peaks;
        final GainEnvelope env = envelope;
        for (int i = 0; i < n; i++) p[i] = (float) env.push(p[i]);
    }

    /** y[i] = the sample delayLength frames before x[i], times the frame's gain; the ring d holds the last delayLength inputs. */
    private void delayed(float[] d, int pos, float[] x, float[] y, int n) {
        final float[] g = peaks;
        final int length = delayLength;
        for (int i = 0; i < n; i++) {
            float old = d[pos];
            d[pos] = x[i];
            y[i] = old * g[i];
            pos = pos + 1 == length ? 0 : pos + 1;
        }
    }

    /**
     * Stereo-linked inter-sample peak per frame, {@link #delay()} frames late: the largest of |x[n]| and the
     * interpolated values on both sides of it, over all channels. The interpolator is the true-peak
     * meter's own design ({@link TruePeakOversampler#design}): at 4x it sees what the meter will measure,
     * at 8x ({@link #eightTimes}) also the points between. Blocks whose samples cannot reach {@code floor} (bounded by the filter's L1 norm)
     * skip the interpolation and report sample peaks, which are then below the floor too: a gain
     * computer that ignores values below the floor gets the same answer for a fraction of the cost.
     */
    public static final class PeakDetector {
        static final int RATIO = 4, SUB = 64;
        /** Frames between feeding a frame and getting its peak (the meter's filter, any ratio). */
        public static final int DELAY = TruePeakOversampler.TAPS_PER_PHASE / 2;
        /** Longest stretch interpolated at once: the shifted copies of a long filter stay in the cache. */
        private static final int RUN = 512;
        private static final float[][] METER = TruePeakOversampler.design(RATIO);
        private static final float[][] EIGHT_TIMES = TruePeakOversampler.design(2 * RATIO);

        /** Fine phases run only where the coarse reading comes this close to the floor (dB as a ratio). */
        private static final float FINE_HEADROOM = (float) Math.pow(10, 1.0 / 20);

        private final int channels;
        /** Every other phase (the ×4 points of a ×8 detector) runs over every loud stretch, the others only near the floor. */
        private final float[][] coarse, fine;
        private final int taps, half, historyLength;
        private final float fineGate;
        private final float[][] history;
        // sized for blocks up to BLOCK frames (the mastering chain's) here, not on the first call: a branch that only a detector's first call
        // takes makes the JIT recompile process() when the next detector (the limiter's, after the loudness model's) starts
        private static final int BLOCK = 8192;
        private float[] window, q;
        private final float[] y = new float[RUN];
        private final float[][] shifted;
        /**
         * A stretch is loud when some |sample| exceeds floor / (largest sum of |taps|): |x| > that limit, tested as
         * |x| ≥ the next float up, which is the same test, by the oversampler's own loop (one loop to compile).
         */
        private final float loudAtLeast;
        private float previousQ;

        /** The true-peak meter's own ×4 interpolator ({@link TruePeakOversampler#design}). */
        public PeakDetector(int channels, double floor) {
            this(channels, floor, METER);
        }

        /**
         * The limiter's detector: the meter's filter design at ×8. Its even phases are the meter's ×4 phases,
         * so it reads at least what the meter reads; the odd ones catch the peaks between them (up to 0.5 dB
         * higher for content near the top of the band), which a ×4 limiter lets through to a finer meter.
         */
        public static PeakDetector eightTimes(int channels, double floor) {
            return new PeakDetector(channels, floor, EIGHT_TIMES);
        }

        /**
         * @param floor peaks below this value may be reported as sample peaks (any value below the floor).
         * @param phases the in-between phases of a polyphase interpolator, each with the same even number of taps
         */
        PeakDetector(int channels, double floor, float[][] phases) {
            this.channels = channels;
            // a ratio-r interpolator holds r - 1 phases; for even r > 2, phases 2, 4, ... form the ratio-r/2 one
            boolean split = phases.length > 3 && phases.length % 2 == 1;
            java.util.List<float[]> c = new java.util.ArrayList<>(), f = new java.util.ArrayList<>();
            for (int p = 0; p < phases.length; p++) (split && p % 2 == 0 ? f : c).add(phases[p]);
            this.coarse = c.toArray(new float[0][]);
            this.fine = f.toArray(new float[0][]);
            this.fineGate = (float) (floor / FINE_HEADROOM);
            this.taps = phases[0].length;
            this.half = taps / 2;
            this.historyLength = taps - 1;
            this.history = new float[channels][historyLength];
            this.window = new float[historyLength + BLOCK];
            this.q = new float[BLOCK];
            this.shifted = new float[taps][RUN];
            this.loudAtLeast = Math.nextUp((float) (floor / TruePeakOversampler.maxPhaseL1(phases)));
        }

        /** Frames between feeding a frame and getting its peak. */
        public int delay() { return half; }

        public void reset() {
            for (float[] hist : history) java.util.Arrays.fill(hist, 0f);
            previousQ = 0;
        }

        /** Feeds {@code n} frames; writes the peaks of the {@code n} frames ending {@link #delay()} frames ago. */
        public void process(float[][] x, int n, float[] peaks) {
            int hl = historyLength;
            if (window.length < hl + n) {
                window = new float[hl + n];
                q = new float[n];
            }
            java.util.Arrays.fill(q, 0, n, 0f);
            // the per-frame loops are small methods: this one loops once per channel, so the JIT compiles it once
            // instead of entering each long loop mid-way first (an OSR compile per loop) and then compiling it whole
            for (int c = 0; c < channels; c++) {
                float[] w = window, hist = history[c];
                System.arraycopy(hist, 0, w, 0, hl);
                System.arraycopy(x[c], 0, w, hl, n);
                raiseToCentres(w, n);
                interpolateLoud(w, n);
                System.arraycopy(w, n, hist, 0, hl);
            }
            previousQ = framePeaks(q, n, previousQ, peaks);
        }

        /** Window j covers w[j .. j+taps-1]; its centre sample is w[j+half-1], the frame reported at j. */
        private void raiseToCentres(float[] w, int n) {
            for (int j = 0; j < n; j++) q[j] = Math.max(q[j], Math.abs(w[j + half - 1]));
        }

        /** Interpolates only the stretches loud enough to matter (most of a quiet passage is skipped). */
        private void interpolateLoud(float[] w, int n) {
            int runStart = -1;
            for (int s0 = 0; s0 < n; s0 += SUB) {
                boolean loud = TruePeakOversampler.reaches(w, s0, Math.min(n, s0 + SUB) + taps - 1, loudAtLeast);
                if (loud && runStart < 0) runStart = s0;
                if (!loud && runStart >= 0) {
                    interpolate(w, runStart, s0 - runStart);
                    runStart = -1;
                }
            }
            if (runStart >= 0) interpolate(w, runStart, n - runStart);
        }

        /**
         * q covers a frame and the interval after it; the frame's peak also covers the interval before.
         * @return the last q, which the next block's first frame needs
         */
        private static float framePeaks(float[] q, int n, float prev, float[] peaks) {
            for (int j = 0; j < n; j++) {
                float v = q[j];
                peaks[j] = Math.max(v, prev);
                prev = v;
            }
            return prev;
        }

        /** Raises q[from .. from+len) to the interpolated peaks, at most {@link #RUN} frames at a time. */
        private void interpolate(float[] w, int from, int len) {
            for (int done = 0; done < len; done += RUN) {
                int m = Math.min(RUN, len - done);
                interpolateRun(w, from + done, m);
                // the fine phases (×8 only) reuse the run's shifted copies; chosen here, not inside interpolateRun, so the
                // loudness model's ×4 detector and the limiter's ×8 one after it share interpolateRun's compiled code
                if (fine.length > 0) fineRuns(from + done, m);
            }
        }

        /**
         * The coarse phases over one run. Shifted copies keep every inner loop a plain, vectorisable axpy;
         * {@link #fineRuns} reuses them.
         */
        private void interpolateRun(float[] w, int from, int len) {
            for (int k = 0; k < taps; k++) System.arraycopy(w, from + k, shifted[k], 0, len);
            for (float[] g : coarse) phase(g, from, 0, len);
        }

        /**
         * The fine phases over the runs of frames whose coarse reading comes within 1 dB of the floor: between ×4
         * points that stay further down, band-limited audio (up to 0.45·fs) cannot rise above the floor, and values
         * below it do not matter to the gain computer.
         */
        private void fineRuns(int from, int len) {
            // decided frame by frame, never by sub-blocks: where the blocks fall must not change what is computed
            int runStart = -1;
            for (int j = 0; j <= len; j++) {
                boolean near = j < len && q[from + j] > fineGate;
                if (near && runStart < 0) runStart = j;
                if (!near && runStart >= 0) {
                    for (float[] g : fine) phase(g, from, runStart, j);
                    runStart = -1;
                }
            }
        }

        /** Raises q[from + lo .. from + hi) to |the phase g| over shifted positions lo..hi-1. */
        private void phase(float[] g, int from, int lo, int hi) {
            TruePeakOversampler.fir(shifted, 0, g, taps, y, lo, hi);
            for (int j = lo; j < hi; j++) q[from + j] = Math.max(q[from + j], Math.abs(y[j]));
        }
    }

    /**
     * The gain computer on its own, fed one peak per frame, returning the gain for the frame pushed
     * {@code lookahead} frames earlier. Used by the limiter and by jobs that predict its effect
     * (a loudness solve) from stored peaks without re-running the audio path.
     */
    /**
     * A frame counts as limited from this much reduction on, as a gain-reduction meter shows it: the release takes its
     * last hundredths of a dB back so slowly (down to 1e-7) that counting them made a limiter that catches a peak a
     * second read "active 100 % of the time".
     */
    public static final double ACTIVE_DB = 0.1;

    public static final class GainEnvelope {
        private static final double SNAP = 1e-7;
        private static final double ACTIVE_GAIN = Math.pow(10, -ACTIVE_DB / 20);
        private final double ceiling;
        private final int window; // lookahead + 1
        private final double release;
        // monotonic deque of (index, value) for the running minimum over the last `window` targets
        private final long[] dqIndex;
        private final double[] dqValue;
        private int dqHead, dqSize;
        // ring of released values for the moving average, kept as deficits 1 - g so silence sums to exactly 0
        private final double[] deficits;
        private int ringPos, nonZero;
        private double deficitSum;
        private double held = 1;
        private long index;
        /** True when the window holds no reduction at all (min 1, held 1, every deficit 0). */
        private boolean idle = true;
        private long limited;
        private double minGain = 1, sumGain;

        public GainEnvelope(double ceiling, int lookahead, double releaseCoefficient) {
            this.ceiling = ceiling;
            this.window = lookahead + 1;
            this.release = releaseCoefficient;
            this.dqIndex = new long[window];
            this.dqValue = new double[window];
            this.deficits = new double[window];
        }

        public void reset() {
            dqHead = dqSize = 0;
            java.util.Arrays.fill(deficits, 0);
            ringPos = nonZero = 0;
            deficitSum = 0;
            held = 1;
            idle = true;
            index = 0;
            limited = 0;
            minGain = 1;
            sumGain = 0;
        }

        public double push(double peak) {
            double target = peak > ceiling ? ceiling / peak : 1.0;
            if (idle && target == 1.0) {
                // nothing is limited anywhere in the window and this frame needs nothing: the general
                // path below would leave exactly this state (a deque holding one 1, every deficit 0)
                dqHead = 0;
                dqSize = 1;
                dqIndex[0] = index;
                dqValue[0] = 1.0;
                ringPos = ringPos + 1 == window ? 0 : ringPos + 1;
                index++;
                return 1.0;
            }
            double min;
            if (target == 1.0 && dqSize == 1 && dqValue[dqHead] == 1.0) {
                // releasing after a peak, nothing left to hold: the general update below would leave the deque holding
                // this frame's 1 alone, so renew the one entry in place
                dqIndex[dqHead] = index;
                min = 1.0;
            } else {
                min = runningMinimum(target);
            }
            // instant attack to the held minimum, smooth release toward it from below
            if (min <= held) held = min;
            else {
                held += (min - held) * release;
                if (1 - held < SNAP && min == 1.0) held = 1.0;
            }
            // moving average over the window
            double d = 1 - held, old = deficits[ringPos];
            if (old != 0) nonZero--;
            if (d != 0) nonZero++;
            deficits[ringPos] = d;
            ringPos = ringPos + 1 == window ? 0 : ringPos + 1;
            deficitSum = nonZero == 0 ? 0 : deficitSum + d - old;
            index++;
            double gain = nonZero == 0 ? 1.0 : Math.min(1.0, 1 - deficitSum / window);
            idle = nonZero == 0 && held == 1.0 && min == 1.0;
            if (gain < 1.0) {
                // statistics in the linear domain: no logarithm per sample
                if (gain < minGain) minGain = gain;
                if (gain <= ACTIVE_GAIN) {
                    limited++;
                    sumGain += gain;
                }
            }
            return gain;
        }

        /** Adds this frame's target to the monotonic deque of the last `window` targets; returns their minimum. */
        private double runningMinimum(double target) {
            if (dqSize > 0 && dqIndex[dqHead] <= index - window) {
                dqHead = dqHead + 1 == window ? 0 : dqHead + 1;
                dqSize--;
            }
            // ring positions wrap by one subtraction: an integer division per sample costs more than the rest
            while (dqSize > 0 && dqValue[wrap(dqHead + dqSize - 1)] >= target) dqSize--;
            int tail = wrap(dqHead + dqSize);
            dqIndex[tail] = index;
            dqValue[tail] = target;
            dqSize++;
            return dqValue[dqHead];
        }

        private int wrap(int i) {
            return i >= window ? i - window : i;
        }

        public Statistics statistics() {
            return new Statistics(index, limited, -20 * Math.log10(minGain), limited == 0 ? 0 : -20 * Math.log10(sumGain / limited));
        }
    }
}
