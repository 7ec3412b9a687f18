package dev.groundwork.core.dsp;

import dev.groundwork.core.audio.AudioBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class TruePeakLimiterTest {
    static final double FS = 48000;

    /** Music-like: a chord, kick-like thumps and noise bursts, at a chosen peak level. */
    static float[][] music(int frames, double peak, long seed) {
        Random rnd = new Random(seed);
        float[][] x = new float[2][frames];
        double[] f = {110, 220 * Math.pow(2, 4 / 12.0), 220 * Math.pow(2, 7 / 12.0), 3520, 9000};
        for (int i = 0; i < frames; i++) {
            double t = i / FS, beat = t % 0.5;
            double kick = Math.exp(-beat * 30) * Math.sin(2 * Math.PI * (50 + 100 * Math.exp(-beat * 40)) * beat);
            double chord = 0;
            for (double fr : f) chord += Math.sin(2 * Math.PI * fr * t) / f.length;
            double noise = (t % 0.25 < 0.03 ? 1 : 0.05) * rnd.nextGaussian() * 0.3;
            x[0][i] = (float) (kick + 0.6 * chord + noise);
            x[1][i] = (float) (0.9 * kick + 0.6 * chord - noise);
        }
        // real recordings carry little energy in the top 10 % of the band: roll the noise off like a cymbal
        Biquad lp = new Biquad(2);
        lp.setCoefficients(BiquadDesign.lowPass(FS, 16000, 0.7));
        for (int c = 0; c < 2; c++) lp.process(c, x[c], 0, frames);
        double max = 0;
        for (float[] c : x) for (float v : c) max = Math.max(max, Math.abs(v));
        for (float[] c : x) for (int i = 0; i < frames; i++) c[i] = (float) (c[i] / max * peak);
        return x;
    }

    static float[][] run(TruePeakLimiter lim, float[][] x, int block) {
        int ch = x.length, n = x[0].length;
        lim.prepare(new ProcessSpec(FS, block, ch));
        float[][] y = new float[ch][n];
        AudioBuffer buf = AudioBuffer.allocate(ch, block, FS);
        for (int pos = 0; pos < n; pos += block) {
            int m = Math.min(block, n - pos);
            for (int c = 0; c < ch; c++) System.arraycopy(x[c], pos, buf.channel(c), 0, m);
            buf.setFrames(m);
            lim.process(buf, buf);
            for (int c = 0; c < ch; c++) System.arraycopy(buf.channel(c), 0, y[c], pos, m);
        }
        return y;
    }

    /** Independent reference: 8x oversampling with a long (±64 taps) Blackman-windowed sinc. */
    static double referenceTruePeak(float[][] x) {
        int over = 8, half = 48;
        double max = 0;
        for (float[] c : x) {
            // skip the edges, where a cut signal rings (Gibbs) in any band-limited reconstruction
            for (int i = half; i < c.length - half; i++) {
                max = Math.max(max, Math.abs(c[i]));
                for (int p = 1; p < over; p++) {
                    double t0 = i + (double) p / over, acc = 0;
                    for (int k = i - half + 1; k <= i + half; k++) {
                        if (k < 0 || k >= c.length) continue;
                        double t = t0 - k, w = 0.42 + 0.5 * Math.cos(Math.PI * t / half) + 0.08 * Math.cos(2 * Math.PI * t / half);
                        acc += c[k] * Math.sin(Math.PI * t) / (Math.PI * t) * w;
                    }
                    max = Math.max(max, Math.abs(acc));
                }
            }
        }
        return 20 * Math.log10(max);
    }

    @Test
    void audioBelowTheCeilingComesOutBitExactAfterExactlyTheLatency() {
        float[][] x = music(20000, 0.3, 1);
        TruePeakLimiter lim = new TruePeakLimiter(new TruePeakLimiter.Settings(-1, 1.5, 80));
        float[][] y = run(lim, x, 512);
        int latency = lim.latencyFrames();
        assertEquals(12 + 72, latency);
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < latency; i++) assertEquals(0f, y[c][i]);
            for (int i = latency; i < x[c].length; i++) assertEquals(x[c][i - latency], y[c][i], "frame " + i);
        }
        assertEquals(0, lim.statistics().limitedFrames());
    }

    @Test
    void loudMaterialNeverExceedsTheCeilingMeasuredByAnIndependentOversampler() {
        float[][] x = music(24000, 2.5, 2); // +8 dB over full scale
        TruePeakLimiter lim = new TruePeakLimiter(new TruePeakLimiter.Settings(-1, 1.5, 60));
        float[][] y = run(lim, x, 1024);
        double tp = referenceTruePeak(y);
        // an 8x reference sees between the 4x points the limiter (and BS.1770) look at: allow that grid error
        assertTrue(tp <= -1 + 0.15, "true peak " + tp);
        assertTrue(tp > -2.0, "limiter should not over-limit: " + tp);
        TruePeakLimiter.Statistics s = lim.statistics();
        assertTrue(s.maxGainReductionDb() > 7 && s.maxGainReductionDb() < 12, "max GR " + s.maxGainReductionDb());
    }

    /**
     * Before: every frame with any gain under 1 counted as limited, and an 80 ms release takes its last hundredths of a dB
     * back over more than a second, so a master with a caught peak every second read "active 100 % of the time".
     */
    @Test
    void theLimiterCountsAsActiveWhileItReducesByATenthOfADbOrMore() {
        int burst = (int) (0.2 * FS), n = (int) (5.2 * FS);
        float[][] x = new float[2][n];
        float[][] loud = music(burst, 2.0, 3); // 6 dB over full scale, limited to -1 dBTP: about 7 dB of reduction
        for (int c = 0; c < 2; c++) {
            System.arraycopy(loud[c], 0, x[c], 0, burst);
            for (int i = burst; i < n; i++) x[c][i] = (float) (0.1 * Math.sin(2 * Math.PI * 440 * i / FS)); // -20 dBFS
        }
        TruePeakLimiter lim = new TruePeakLimiter(new TruePeakLimiter.Settings(-1, 1.5, 80));
        float[][] y = run(lim, x, 1024);
        TruePeakLimiter.Statistics s = lim.statistics();
        double activeSeconds = s.limitedFrames() / FS;
        // the burst, then the release from about 7 dB to 0.1 dB (ln(0.55 / 0.0115) frames / (1 - exp(-1 / 80 ms)) ≈ 0.31 s)
        assertTrue(activeSeconds > 0.2 && activeSeconds < 0.6, "active " + activeSeconds + " s");
        // the quiet tone after the release comes out at its own level: within a tenth of a dB, so not counted
        double tail = 0;
        for (int i = n - (int) FS; i < n - lim.latencyFrames(); i++) tail = Math.max(tail, Math.abs(y[0][i]));
        assertTrue(20 * Math.log10(tail / 0.1) > -TruePeakLimiter.ACTIVE_DB, "tail " + 20 * Math.log10(tail / 0.1) + " dB");
        assertTrue(s.meanGainReductionDb() >= TruePeakLimiter.ACTIVE_DB && s.meanGainReductionDb() < s.maxGainReductionDb());
    }

    @Test
    void interSamplePeaksAreCaughtEvenWhenEverySampleIsBelowTheCeiling() {
        // fs/4 sine at 45 degrees: samples at 0.707 (-3 dBFS), true peak 1.0 (0 dBTP)
        int n = 9600;
        float[][] x = new float[1][n];
        for (int i = 0; i < n; i++) x[0][i] = (float) Math.sin(Math.PI / 2 * i + Math.PI / 4);
        TruePeakLimiter lim = new TruePeakLimiter(new TruePeakLimiter.Settings(-1, 1, 50));
        float[][] y = run(lim, x, 256);
        float[][] steady = {java.util.Arrays.copyOfRange(y[0], 2000, n - 200)};
        double tp = referenceTruePeak(steady);
        assertTrue(tp <= -1.0 + 0.05 && tp > -1.3, "true peak " + tp);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 64, 4096})
    void outputDoesNotDependOnBlockSize(int block) {
        float[][] x = music(12000, 1.8, 3);
        float[][] ref = run(new TruePeakLimiter(TruePeakLimiter.Settings.DEFAULT), x, 333);
        float[][] y = run(new TruePeakLimiter(TruePeakLimiter.Settings.DEFAULT), x, block);
        for (int c = 0; c < 2; c++) assertArrayEquals(ref[c], y[c]);
    }

    @Test
    void releaseIsSmoothAfterAPeak() {
        int n = 144000;
        float[][] x = new float[1][n];
        for (int i = 0; i < n; i++) x[0][i] = (float) (0.5 * Math.sin(2 * Math.PI * 100 * i / FS) * (i >= 10000 && i < 10100 ? 4 : 1));
        TruePeakLimiter lim = new TruePeakLimiter(new TruePeakLimiter.Settings(-1, 1.5, 100));
        lim.prepare(new ProcessSpec(FS, 1, 1));
        TruePeakLimiter.GainEnvelope env = new TruePeakLimiter.GainEnvelope(Math.pow(10, -1 / 20.0), 72, TruePeakLimiter.releaseCoefficient(lim.settings(), FS));
        double prev = 1, maxStep = 0;
        for (int i = 0; i < n; i++) {
            double g = env.push(Math.abs(x[0][i]));
            maxStep = Math.max(maxStep, Math.abs(g - prev));
            prev = g;
        }
        // attack spreads over the look-ahead and release over ~100 ms: no sample-to-sample jumps
        assertTrue(maxStep < 0.02, "largest gain step " + maxStep);
        assertEquals(1.0, prev);
    }

    @Test
    void settingsOutsideTheirRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TruePeakLimiter.Settings(0.5, 1.5, 80));
        assertThrows(IllegalArgumentException.class, () -> new TruePeakLimiter.Settings(-1, 0, 80));
        assertThrows(IllegalArgumentException.class, () -> new TruePeakLimiter.Settings(-1, 1.5, Double.NaN));
    }
}
