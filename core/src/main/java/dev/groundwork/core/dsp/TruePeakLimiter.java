package dev.groundwork.core.dsp;

import dev.groundwork.core.audio.AudioBuffer;

/**
 * Stereo-linked look-ahead brickwall limiter whose peak detection looks between the samples
 * (4x polyphase interpolation), so the ceiling holds for the true peak, not only the sample peak.
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

    /** What the limiter did: frames processed, frames turned down, deepest and mean reduction. */
    public record Statistics(long frames, long limitedFrames, double maxGainReductionDb, double meanGainReductionDb) {
        public double limitedFraction() { return frames == 0 ? 0 : (double) limitedFrames / frames; }
    }

    private final Settings settings;
    private PeakDetector detector;
    private GainEnvelope envelope;
    private float[][] delay;
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
        detector = new PeakDetector(channels, c);
        envelope = new GainEnvelope(c, lookahead, releaseCoefficient(settings, spec.sampleRate()));
        delayLength = PeakDetector.DELAY + lookahead;
        delay = new float[channels][delayLength];
        delayPos = 0;
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
        float[][] x = in.data(), y = out.data();
        float[] frame = new float[channels];
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < channels; ch++) frame[ch] = x[ch][i];
            double peak = detector.push(frame);
            double gain = envelope.push(peak);
            float g = (float) gain;
            int pos = delayPos;
            for (int ch = 0; ch < channels; ch++) {
                float delayed = delay[ch][pos];
                delay[ch][pos] = frame[ch];
                y[ch][i] = gain == 1.0 ? delayed : delayed * g;
            }
            delayPos = pos + 1 == delayLength ? 0 : pos + 1;
        }
        out.setFrames(n);
    }

    /**
     * Stereo-linked inter-sample peak estimate per frame, {@link #DELAY} frames late: the largest of
     * |x[n]| and the 4x-interpolated values on both sides of it, over all channels. Frames whose
     * neighbourhood cannot reach {@code floor} (bounded by the filter's L1 norm) skip the interpolation
     * and report their sample peak, which is then below the floor too, so a gain computer that ignores
     * values below the floor sees the same answer for a fraction of the cost.
     */
    public static final class PeakDetector {
        static final int PHASES = 4, TAPS = 32, HALF = TAPS / 2;
        /** Frames between pushing a frame and getting its peak. */
        public static final int DELAY = HALF;
        private static final double[][] H = design();
        private static final double L1 = l1();

        private final int channels;
        private final double[][] history;
        private int pos;
        private long pushed;
        private long lastLoud = Long.MIN_VALUE / 2;
        private final double loudLimit;
        private double previousQ;

        /** @param floor peaks below this value may be reported as sample peaks (any value below the floor). */
        public PeakDetector(int channels, double floor) {
            this.channels = channels;
            this.history = new double[channels][2 * TAPS];
            this.loudLimit = floor / L1;
        }

        public void reset() {
            for (double[] h : history) java.util.Arrays.fill(h, 0);
            pos = 0;
            pushed = 0;
            lastLoud = Long.MIN_VALUE / 2;
            previousQ = 0;
        }

        /** Pushes one frame; returns the peak of the frame pushed {@link #DELAY} frames ago. */
        public double push(float[] frame) {
            double m = 0;
            for (int ch = 0; ch < channels; ch++) {
                double v = frame[ch];
                // two copies make every window contiguous in the ring
                history[ch][pos] = v;
                history[ch][pos + TAPS] = v;
                double a = Math.abs(v);
                if (a > m) m = a;
            }
            if (m > loudLimit) lastLoud = pushed;
            pos = pos + 1 == TAPS ? 0 : pos + 1;
            pushed++;
            // the window holds frames pushed-TAPS .. pushed-1; centre frame c = pushed-1-HALF, window c-HALF+1 .. c+HALF
            double q = 0;
            int start = pos; // oldest frame in the window
            if (lastLoud >= pushed - TAPS) {
                for (int ch = 0; ch < channels; ch++) {
                    double[] h = history[ch];
                    double centre = Math.abs(h[start + HALF - 1]);
                    if (centre > q) q = centre;
                    for (int p = 1; p < PHASES; p++) {
                        double[] c = H[p];
                        double acc = 0;
                        for (int k = 0; k < TAPS; k++) acc += c[k] * h[start + k];
                        acc = Math.abs(acc);
                        if (acc > q) q = acc;
                    }
                }
            } else {
                for (int ch = 0; ch < channels; ch++) {
                    double centre = Math.abs(history[ch][start + HALF - 1]);
                    if (centre > q) q = centre;
                }
            }
            // q covers frame c and the interval (c, c+1); the frame's peak also covers (c-1, c)
            double peak = Math.max(q, previousQ);
            previousQ = q;
            return peak;
        }

        /** Windowed-sinc (Kaiser, beta 8, 32 taps) interpolator: phase p gives x(c + p/4) from x(c-15) .. x(c+16); within 0.04 dB up to 0.42 fs. */
        private static double[][] design() {
            double[][] h = new double[PHASES][TAPS];
            double beta = 8, i0b = besselI0(beta);
            double cutoff = 0.97; // of the original Nyquist
            for (int p = 0; p < PHASES; p++) {
                double frac = (double) p / PHASES;
                double sum = 0;
                for (int k = 0; k < TAPS; k++) {
                    double t = (k - (HALF - 1)) - frac; // distance from the interpolation point
                    double sinc = t == 0 ? cutoff : Math.sin(Math.PI * cutoff * t) / (Math.PI * t);
                    double r = t / (HALF + 0.5);
                    double w = Math.abs(r) >= 1 ? 0 : besselI0(beta * Math.sqrt(1 - r * r)) / i0b;
                    h[p][k] = sinc * w;
                    sum += h[p][k];
                }
                for (int k = 0; k < TAPS; k++) h[p][k] /= sum; // unity gain at DC
            }
            return h;
        }

        private static double l1() {
            double m = 1;
            for (double[] c : H) {
                double s = 0;
                for (double v : c) s += Math.abs(v);
                m = Math.max(m, s);
            }
            return m;
        }

        private static double besselI0(double x) {
            double sum = 1, term = 1, q = x * x / 4;
            for (int k = 1; k < 50; k++) {
                term *= q / (k * k);
                sum += term;
                if (term < 1e-17 * sum) break;
            }
            return sum;
        }
    }

    /**
     * The gain computer on its own, fed one peak per frame, returning the gain for the frame pushed
     * {@code lookahead} frames earlier. Used by the limiter and by jobs that predict its effect
     * (a loudness solve) from stored peaks without re-running the audio path.
     */
    public static final class GainEnvelope {
        private static final double SNAP = 1e-7;
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
        private long limited;
        private double maxReductionDb, sumReductionDb;

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
            index = 0;
            limited = 0;
            maxReductionDb = sumReductionDb = 0;
        }

        public double push(double peak) {
            double target = peak > ceiling ? ceiling / peak : 1.0;
            // running minimum over the last `window` targets
            if (dqSize > 0 && dqIndex[dqHead] <= index - window) {
                dqHead = dqHead + 1 == window ? 0 : dqHead + 1;
                dqSize--;
            }
            while (dqSize > 0 && dqValue[(dqHead + dqSize - 1) % window] >= target) dqSize--;
            int tail = (dqHead + dqSize) % window;
            dqIndex[tail] = index;
            dqValue[tail] = target;
            dqSize++;
            double min = dqValue[dqHead];
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
            if (gain < 1.0) {
                limited++;
                double db = -20 * Math.log10(gain);
                sumReductionDb += db;
                if (db > maxReductionDb) maxReductionDb = db;
            }
            return gain;
        }

        public Statistics statistics() {
            return new Statistics(index, limited, maxReductionDb, limited == 0 ? 0 : sumReductionDb / limited);
        }
    }
}
