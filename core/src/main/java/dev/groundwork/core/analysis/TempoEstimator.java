package dev.groundwork.core.analysis;

import org.jtransforms.fft.DoubleFFT_1D;

import java.util.Arrays;

/**
 * Tempo from an onset envelope ({@link OnsetEnvelope}) by autocorrelation and a comb over beat periods:
 * the envelope, with its local mean removed, is autocorrelated (through the FFT, unbiased); every tempo
 * from 40 to 240 BPM in 0.05 BPM steps is scored by the mean autocorrelation at one to four of its beat
 * periods (interpolated between lags, so the longer periods give the precision), weighted by a broad
 * log-normal preference around 130 BPM that only settles near-ties between a tempo and its double or half.
 * Confidence is how far the winner stands above the typical candidate.
 */
public final class TempoEstimator {
    public static final double MIN_BPM = 40, MAX_BPM = 240;
    private static final double STEP_BPM = 0.05;
    private static final double PRIOR_CENTRE_BPM = 130, PRIOR_OCTAVES = 1.0;
    private static final int PERIODS = 4;
    private static final double BEAT_MIN_BPM = 60, BEAT_MAX_BPM = 200;
    private static final double MIN_FLUX_PER_SECOND = 0.05;

    private TempoEstimator() { }

    /** The estimate for an envelope sampled at {@code frameRate} hops per second; confidence 0 when it is too short or flat. */
    public static TempoEstimate estimate(float[] envelope, double frameRate) {
        double maxLagSeconds = PERIODS * 60 / MIN_BPM;
        int n = envelope.length;
        int maxLag = (int) Math.ceil(maxLagSeconds * frameRate) + 2;
        if (n < 4 * 60 / MIN_BPM * frameRate || n < maxLag + 2) return new TempoEstimate(120, 0, 0);
        double[] onsets = highPass(envelope, frameRate);
        double flux = 0;
        for (double v : onsets) flux += v;
        // Below this much rise per second there are no onsets, only rounding noise (a held tone, silence).
        if (!(flux / (n / frameRate) > MIN_FLUX_PER_SECOND)) return new TempoEstimate(120, 0, 0);
        double[] acf = autocorrelation(onsets, Math.min(maxLag, n - 1));
        if (!(acf[0] > 0)) return new TempoEstimate(120, 0, 0);
        int count = (int) Math.round((MAX_BPM - MIN_BPM) / STEP_BPM) + 1;
        double[] score = new double[count];
        double best = -1, bestBpm = 120, bestRaw = 0;
        for (int i = 0; i < count; i++) {
            double bpm = MIN_BPM + i * STEP_BPM;
            double s = combScore(acf, bpm, frameRate);
            score[i] = s;
            double octaves = Math.log(bpm / PRIOR_CENTRE_BPM) / Math.log(2) / PRIOR_OCTAVES;
            double weighted = s * Math.exp(-0.5 * octaves * octaves);
            if (weighted > best) {
                best = weighted;
                bestBpm = bpm;
                bestRaw = s;
            }
        }
        // Octave: the comb scores a pulse and its half alike when every other beat is weak; the envelope can tell them
        // apart. At the beat level the off-beats are much weaker than the beats, while one level slower they are
        // beats themselves (as strong): choose the level of the family (×2, ×½) between 60 and 200 BPM where that contrast
        // is largest. (Slower levels are bars, whose own contrast, downbeat against beat 3, would win.)
        double chosen = bestBpm, bestContrast = -2;
        for (double level = chosen / 4; level <= chosen * 4 + 1e-9; level *= 2) {
            if (level < BEAT_MIN_BPM - 1e-9 || level > BEAT_MAX_BPM + 1e-9) continue;
            double contrast = offbeatRatio(onsets, 120 * frameRate / level) - offbeatRatio(onsets, 60 * frameRate / level);
            if (contrast > bestContrast + 1e-9) {
                bestContrast = contrast;
                bestBpm = level;
            }
        }
        if (bestBpm != chosen) bestBpm = refine(acf, bestBpm, frameRate);
        if (bestBpm != chosen) bestRaw = combScore(acf, bestBpm, frameRate);
        double[] sorted = score.clone();
        Arrays.sort(sorted);
        double median = sorted[count / 2];
        // A steady pulse scores far above the typical candidate; a stem without one scores near it.
        double confidence = bestRaw <= 0 ? 0 : Math.max(0, Math.min(1, (bestRaw - median) / (0.25 * (1 - median))));
        return new TempoEstimate(Math.round(bestBpm * 100) / 100.0, Math.round(confidence * 1000) / 1000.0, Math.round(bestRaw * 1000) / 1000.0);
    }

    /**
     * The comb score {@link #estimate} gives one tempo on this envelope (the {@code periodicity} of an estimate at that
     * tempo): how strongly the onsets repeat at one to four of its beat periods. Lets a caller weigh a tempo against
     * its double or half; 0 when the envelope is too short or flat.
     */
    public static double periodicity(float[] envelope, double frameRate, double bpm) {
        int n = envelope.length;
        int maxLag = (int) Math.ceil(PERIODS * 60 / Math.max(MIN_BPM, Math.min(MAX_BPM, bpm)) * frameRate) + 2;
        if (n < maxLag + 2) return 0;
        double[] acf = autocorrelation(highPass(envelope, frameRate), maxLag);
        return acf[0] > 0 ? combScore(acf, bpm, frameRate) : 0;
    }

    static double combScore(double[] acf, double bpm, double frameRate) {
        double period = 60 * frameRate / bpm, s = 0;
        for (int k = 1; k <= PERIODS; k++) s += interpolate(acf, k * period);
        return s / (PERIODS * acf[0]);
    }

    /** The best comb score within ±2 % of a tempo (an octave jump lands near, not on, the grid's best). */
    private static double refine(double[] acf, double bpm, double frameRate) {
        double best = -Double.MAX_VALUE, at = bpm;
        for (double b = bpm * 0.98; b <= bpm * 1.02; b += STEP_BPM) {
            if (b < MIN_BPM || b > MAX_BPM) continue;
            double s = combScore(acf, b, frameRate);
            if (s > best) {
                best = s;
                at = b;
            }
        }
        return at;
    }

    /**
     * Onset strength halfway between beats over strength on the beats, with the beat phase that makes the beats
     * strongest, found afresh every eight beats (so a tempo a fraction of a percent off does not drift off the grid).
     * Near 0 when only the beats hit, near 1 when the off-beats hit as hard.
     */
    static double offbeatRatio(double[] onsets, double period) {
        int phases = Math.max(1, (int) Math.floor(period));
        double on = 0, off = 0;
        for (double start = 0; start + 8 * period < onsets.length; start += 8 * period) {
            double bestOn = -1, mid = 0;
            for (int p = 0; p < phases; p++) {
                double o = pulse(onsets, start + p, period, 8);
                if (o > bestOn) {
                    bestOn = o;
                    mid = pulse(onsets, start + p + period / 2, period, 8);
                }
            }
            on += bestOn;
            off += mid;
        }
        return on > 0 ? off / on : 0;
    }

    /** Sum of the envelope's local maxima (±2 hops, for timing jitter) at {@code beats} points from {@code phase}, a period apart. */
    private static double pulse(double[] x, double phase, double period, int beats) {
        double sum = 0;
        for (int k = 0; k < beats; k++) {
            int i = (int) Math.round(phase + k * period);
            double v = 0;
            for (int j = Math.max(0, i - 2); j <= Math.min(x.length - 1, i + 2); j++) v = Math.max(v, x[j]);
            sum += v;
        }
        return sum;
    }

    /** Removes the local mean (a 1 s moving average) and keeps what rises above it. */
    private static double[] highPass(float[] e, double frameRate) {
        int n = e.length, half = Math.max(1, (int) Math.round(0.5 * frameRate));
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) prefix[i + 1] = prefix[i] + e[i];
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            int a = Math.max(0, i - half), b = Math.min(n, i + half + 1);
            out[i] = Math.max(0, e[i] - (prefix[b] - prefix[a]) / (b - a));
        }
        return out;
    }

    /** Unbiased autocorrelation up to {@code maxLag} (each lag divided by the number of products in it). */
    private static double[] autocorrelation(double[] x, int maxLag) {
        int n = x.length, size = Integer.highestOneBit(Math.max(1, 2 * n - 1)) << 1;
        double[] buf = new double[2 * size];
        for (int i = 0; i < n; i++) buf[2 * i] = x[i];
        DoubleFFT_1D fft = new DoubleFFT_1D(size);
        fft.complexForward(buf);
        for (int k = 0; k < size; k++) {
            buf[2 * k] = buf[2 * k] * buf[2 * k] + buf[2 * k + 1] * buf[2 * k + 1];
            buf[2 * k + 1] = 0;
        }
        fft.complexInverse(buf, true);
        double[] acf = new double[maxLag + 1];
        for (int lag = 0; lag <= maxLag; lag++) acf[lag] = buf[2 * lag] / (n - lag);
        return acf;
    }

    private static double interpolate(double[] a, double x) {
        int i = (int) x;
        if (i + 1 >= a.length) return a[a.length - 1];
        double f = x - i;
        return a[i] * (1 - f) + a[i + 1] * f;
    }
}
