package dev.groundwork.core.dsp;

import dev.groundwork.core.audio.AudioBuffer;

/**
 * Feed-forward compressor with a soft knee, stereo-linked detection and an optional external
 * sidechain (for ducking bass under the kick). The gain computer works in dB; the gain reduction
 * is smoothed with separate attack and release time constants, then make-up gain is applied.
 * Detection is the peak of all channels (linked) or an RMS over {@link Settings#rmsMs()} when it is
 * above zero. Keeps gain-reduction statistics for reports.
 */
public final class Compressor implements Processor {

    /** Every parameter has a minimum and a maximum; {@link #DEFAULT} is a gentle bus setting. */
    public record Settings(double thresholdDb, double ratio, double attackMs, double releaseMs,
                           double kneeDb, double makeupDb, double rmsMs) {
        public static final Settings DEFAULT = new Settings(-18, 2, 10, 150, 6, 0, 0);

        public Settings {
            check("threshold_db", thresholdDb, -80, 0);
            check("ratio", ratio, 1, 100);
            check("attack_ms", attackMs, 0.01, 500);
            check("release_ms", releaseMs, 1, 5000);
            check("knee_db", kneeDb, 0, 24);
            check("makeup_db", makeupDb, -24, 36);
            check("rms_ms", rmsMs, 0, 300);
        }

        private static void check(String name, double v, double min, double max) {
            if (!(v >= min && v <= max)) throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + v);
        }

        public Settings withThreshold(double db) { return new Settings(db, ratio, attackMs, releaseMs, kneeDb, makeupDb, rmsMs); }

        public Settings withMakeup(double db) { return new Settings(thresholdDb, ratio, attackMs, releaseMs, kneeDb, db, rmsMs); }
    }


    private Settings settings;
    private double sampleRate;
    private double attackCoef, releaseCoef, rmsCoef;
    private double envelopeDb;       // smoothed gain reduction, dB (<= 0)
    private double rmsState;         // mean-square detector state
    private double makeupGain;
    private float[] detector = new float[0];
    /** Per-frame levels, then gain changes, of the block being processed. */
    private double[] work = new double[0];

    // Statistics since the last reset.
    private double maxReductionDb;
    private double reductionSumDb;
    private long frames;

    public Compressor(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() { return settings; }

    /** Changes the settings; coefficients are recomputed once here, never per sample. */
    public void setSettings(Settings s) {
        this.settings = s;
        if (sampleRate > 0) derive();
    }

    @Override
    public void prepare(ProcessSpec spec) {
        this.sampleRate = spec.sampleRate();
        this.detector = new float[spec.maxBlockFrames()];
        this.work = new double[spec.maxBlockFrames()];
        derive();
        reset();
    }

    private void derive() {
        attackCoef = Math.exp(-1.0 / (settings.attackMs() * 1e-3 * sampleRate));
        releaseCoef = Math.exp(-1.0 / (settings.releaseMs() * 1e-3 * sampleRate));
        rmsCoef = settings.rmsMs() > 0 ? Math.exp(-1.0 / (settings.rmsMs() * 1e-3 * sampleRate)) : 0;
        makeupGain = Math.pow(10, settings.makeupDb() / 20);
    }

    @Override
    public void reset() {
        envelopeDb = 0;
        rmsState = 0;
        maxReductionDb = 0;
        reductionSumDb = 0;
        frames = 0;
    }

    @Override
    public void process(AudioBuffer in, AudioBuffer out) {
        process(in, in, out);
    }

    /**
     * Compresses {@code in} into {@code out} with the level detected on {@code sidechain}
     * (pass {@code in} itself for ordinary compression). All three have the same frame count.
     */
    public void process(AudioBuffer in, AudioBuffer sidechain, AudioBuffer out) {
        if (sampleRate == 0) throw new IllegalStateException("prepare() the compressor first");
        int n = in.frames();
        if (sidechain.frames() < n) throw new IllegalArgumentException("sidechain is shorter than the input block");
        if (detector.length < n) detector = new float[n];
        // each loop is its own small method: the JIT compiles (and, when the music first crosses the knee, recompiles)
        // one loop at a time instead of the whole block method once per loop it enters
        float[][] sc = sidechain.data();
        if (sc.length <= 2) {
            // one or two channels: the gain loop reads the level itself (max of |a| and |b|), no detector pass of its own
            gainCurve(sc[0], sc[sc.length - 1], n);
        } else {
            detect(sc, n);
            gainCurve(detector, detector, n);
        }
        frames += n;
        for (int c = 0; c < in.channels(); c++) applyGain(in.channel(c), out.channel(c), n);
        out.setFrames(n);
    }

    /** detector[0..n) = the largest |sample| over the sidechain's channels (three or more). */
    private void detect(float[][] sc, int n) {
        for (int i = 0; i < n; i++) {
            float m = 0;
            for (float[] ch : sc) m = Math.max(m, Math.abs(ch[i]));
            detector[i] = m;
        }
    }

    /**
     * Turns the levels max(|a[i]|, |b[i]|) into the linear gain of each frame in detector[0..n), make-up included; updates
     * the statistics. Either array may be the detector itself: each level is read before its frame's gain is written.
     * Four loops over the block, each doing one thing: the two recursions (RMS detector, gain smoothing) run alone, with
     * nothing but their own arithmetic on the critical path, and the conversions between them, which depend on no other
     * frame, overlap freely (one loop doing all of it ran at half the speed).
     */
    private void gainCurve(float[] a, float[] b, int n) {
        if (work.length < n) work = new double[n];
        if (settings.rmsMs() > 0) meanSquares(a, b, n);
        else peaks(a, b, n);
        targets(n);
        smooth(n);
        gains(n);
    }

    /** work[i] = the RMS detector's mean square after frame i. */
    private void meanSquares(float[] a, float[] b, int n) {
        final double c = rmsCoef, rest = 1 - rmsCoef;
        final double[] w = work;
        double state = rmsState;
        for (int i = 0; i < n; i++) {
            double x = Math.max(Math.abs(a[i]), Math.abs(b[i]));
            state = c * state + rest * x * x;
            w[i] = state;
        }
        rmsState = state;
    }

    /** work[i] = the peak of frame i. */
    private void peaks(float[] a, float[] b, int n) {
        final double[] w = work;
        for (int i = 0; i < n; i++) w[i] = Math.max(Math.abs(a[i]), Math.abs(b[i]));
    }

    /** work[i] = the static curve's gain change (dB, ≤ 0) for the level in work[i]. */
    private void targets(int n) {
        final double threshold = settings.thresholdDb(), knee = settings.kneeDb(), slope = 1 - 1 / settings.ratio();
        final boolean rms = settings.rmsMs() > 0;
        // Below the knee nothing happens: skip the logarithm there (most samples of most material).
        final double quietLin = Math.pow(10, (threshold - knee / 2) / 20), quiet = rms ? quietLin * quietLin : quietLin;
        final double[] w = work;
        for (int i = 0; i < n; i++) {
            double v = w[i];
            double level;
            if (v < quiet) level = Double.NEGATIVE_INFINITY;
            else level = rms ? DecibelMath.powerToDb(v) : DecibelMath.amplitudeToDb((float) v);
            w[i] = staticGainDb(level, threshold, knee, slope);
        }
    }

    /** work[i] = the smoothed gain change after frame i (attack while it falls, release while it rises); statistics. */
    private void smooth(int n) {
        final double attack = attackCoef, release = releaseCoef;
        final double[] w = work;
        double env = envelopeDb, max = maxReductionDb, sum = reductionSumDb;
        for (int i = 0; i < n; i++) {
            double target = w[i];
            double coef = target < env ? attack : release;
            env = coef * env + (1 - coef) * target;
            w[i] = env;
            if (env < max) max = env;
            sum += env;
        }
        envelopeDb = env;
        maxReductionDb = max;
        reductionSumDb = sum;
    }

    /** detector[i] = the linear gain for the smoothed change in work[i], make-up included. */
    private void gains(int n) {
        final double makeup = makeupGain;
        final double[] w = work;
        final float[] g = detector;
        for (int i = 0; i < n; i++) {
            double env = w[i];
            g[i] = (float) (env > -1e-6 ? makeup : DecibelMath.dbToAmplitude(env) * makeup);
        }
    }

    private void applyGain(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) y[i] = x[i] * detector[i];
    }

    /**
     * True when digital silence fed now leaves the detector below the knee all along (always for a peak detector;
     * for an RMS one, once its state has decayed under the knee), so {@link #skipSilence} can stand in for
     * {@link #process}: zeros in give zeros out, and only the state decays.
     */
    public boolean canSkipSilence() {
        if (sampleRate == 0) return false;
        if (settings.rmsMs() <= 0) return true;
        double quietLin = Math.pow(10, (settings.thresholdDb() - settings.kneeDb() / 2) / 20);
        return rmsState < quietLin * quietLin;
    }

    /**
     * Advances the state over {@code n} frames of digital silence without computing them (a multitrack stem is mostly
     * silence): the RMS detector and the gain release decay as {@link #process} would step them (in closed form, so
     * equal up to rounding), and the reduction statistics count the frames. Only when {@link #canSkipSilence}.
     */
    public void skipSilence(int n) {
        if (!canSkipSilence()) throw new IllegalStateException("the detector is above the knee: process the silence instead");
        rmsState *= Math.pow(rmsCoef, n);
        double decay = Math.pow(releaseCoef, n);
        // the envelope after each of the n steps is envelope·c^k (k = 1..n): their sum is envelope·c·(1 − c^n)/(1 − c)
        reductionSumDb += releaseCoef < 1 ? envelopeDb * releaseCoef * (1 - decay) / (1 - releaseCoef) : envelopeDb * n;
        envelopeDb *= decay;
        frames += n;
    }

    /**
     * The static curve: the gain change (dB, ≤ 0) for a detector level, with a quadratic soft knee of
     * {@code kneeDb} around the threshold; {@code slope} is 1 − 1/ratio. Silence ({@code -∞}) is left alone.
     * Shared with the mix planner, which runs the same curve over a stem's envelope to set make-up gain.
     */
    public static double staticGainDb(double levelDb, double thresholdDb, double kneeDb, double slope) {
        if (levelDb == Double.NEGATIVE_INFINITY) return 0;
        double over = levelDb - thresholdDb;
        if (kneeDb > 0 && 2 * Math.abs(over) <= kneeDb) {
            double k = over + kneeDb / 2;
            return -slope * k * k / (2 * kneeDb);
        }
        return over > 0 ? -slope * over : 0;
    }

    /** Largest gain reduction since reset, as a positive number of dB. */
    public double maxGainReductionDb() { return -maxReductionDb; }

    /** Average gain reduction since reset, as a positive number of dB. */
    public double meanGainReductionDb() { return frames == 0 ? 0 : -reductionSumDb / frames; }
}
