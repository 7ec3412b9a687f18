package dev.groundwork.core.dsp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TruePeakOversamplerTest {
    private static float[] sine(double fs, double seconds, double hz, double amplitude, double phase) {
        float[] x = new float[(int) (fs * seconds)];
        for (int i = 0; i < x.length; i++) x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / fs + phase));
        return x;
    }

    private static double readDb(double fs, float[] x) {
        TruePeakOversampler tp = new TruePeakOversampler(1, fs);
        tp.process(0, x, 0, x.length);
        return 20 * Math.log10(tp.peak(0));
    }

    /** Any sinusoid's true peak is its amplitude, whatever its frequency and phase. */
    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {22_050, 44_100, 48_000, 88_200})
    void sinesUpTo045FsReadTheirAmplitudeWithinTheEbuTolerance(double fs) {
        Random r = new Random(42);
        double worstLow = 0, worstHigh = 0;
        for (int k = 0; k < 60; k++) {
            double hz = fs * (0.005 + 0.445 * k / 59.0);
            double phase = 2 * Math.PI * r.nextDouble();
            double amplitude = 0.1 + 0.8 * r.nextDouble();
            double err = readDb(fs, sine(fs, 0.25, hz, amplitude, phase)) - 20 * Math.log10(amplitude);
            worstLow = Math.min(worstLow, err);
            worstHigh = Math.max(worstHigh, err);
            assertTrue(err <= 0.2 && err >= -0.4, "sine at " + hz + " Hz read " + err + " dB off");
        }
        // with a good interpolator steady sines read much better than the tolerance
        System.out.printf("true-peak error of sines at %.0f Hz: %.3f .. %.3f dB%n", fs, worstLow, worstHigh);
        assertTrue(worstHigh < 0.16 && worstLow > -0.2, "range " + worstLow + " .. " + worstHigh);
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {96_000, 192_000})
    void audibleSinesReadTheirAmplitudeAtHighRates(double fs) {
        // ×2 at 96 kHz and ×1 at 192 kHz: fine for the audible band, which is all that exists there in music
        for (double hz : new double[]{31.7, 997, 3001.7, 9973.3, 15101.1, 19997.9}) {
            for (double phase : new double[]{0, 0.7, 1.9, 2.6}) {
                double err = readDb(fs, sine(fs, 0.25, hz, 0.5, phase)) - 20 * Math.log10(0.5);
                assertTrue(err <= 0.2 && err >= -0.4, hz + " Hz read " + err + " dB off");
            }
        }
    }

    @Test
    void ratioFollowsBs1770() {
        assertEquals(4, TruePeakOversampler.ratioFor(44_100));
        assertEquals(4, TruePeakOversampler.ratioFor(88_200));
        assertEquals(2, TruePeakOversampler.ratioFor(96_000));
        assertEquals(2, TruePeakOversampler.ratioFor(176_400));
        assertEquals(1, TruePeakOversampler.ratioFor(192_000));
    }

    @Test
    void interSamplePeakOfAHalfNyquistSquareIsFound() {
        // samples +1, +1, −1, −1 … (fs/4 at 45°): the waveform through them peaks at √2
        float[] x = new float[4000];
        for (int i = 0; i < x.length; i++) x[i] = (i / 2) % 2 == 0 ? 0.5f : -0.5f;
        assertEquals(20 * Math.log10(0.5 * Math.sqrt(2)), readDb(48_000, x), 0.2);
    }

    @Test
    void anIsolatedPairOfSamplesShowsItsInterSamplePeak() {
        float[] x = new float[1000];
        x[500] = 0.8f;
        x[501] = 0.8f;
        TruePeakOversampler tp = new TruePeakOversampler(1, 48_000);
        tp.process(0, x, 0, x.length);
        assertTrue(tp.peak(0) > 0.9, "peak " + tp.peak(0));
    }

    @Test
    void aSineThatStartsAndStopsAbruptlyDoesNotReadTheRingingOfTheCut() {
        float[] x = sine(44_100, 0.1, 110, 0.5, 1.3);
        assertEquals(20 * Math.log10(0.5), readDb(44_100, x), 0.05);
    }

    @Test
    void silenceReadsZero() {
        TruePeakOversampler tp = new TruePeakOversampler(2, 44_100);
        tp.process(1, new float[5000], 0, 5000);
        assertEquals(0, tp.peak());
    }

    private static double accurateDb(float[] x, double floor, int block) {
        TruePeakOversampler tp = TruePeakOversampler.accurate(1, floor);
        for (int i = 0; i < x.length; i += block) tp.process(0, x, i, Math.min(block, x.length - i));
        return 20 * Math.log10(tp.peak(0));
    }

    @Test
    void theAccurateEstimatorReadsSinesUpTo045FsWithinFiveHundredthsOfADb() {
        Random r = new Random(7);
        double worstLow = 0, worstHigh = 0;
        for (int k = 0; k < 60; k++) {
            double hz = 44_100 * (0.005 + 0.445 * k / 59.0);
            double amplitude = 0.1 + 0.8 * r.nextDouble();
            double err = accurateDb(sine(44_100, 0.25, hz, amplitude, 2 * Math.PI * r.nextDouble()), 0, 4096) - 20 * Math.log10(amplitude);
            worstLow = Math.min(worstLow, err);
            worstHigh = Math.max(worstHigh, err);
        }
        System.out.printf("×16 true-peak error of sines at 44100 Hz: %.4f .. %.4f dB%n", worstLow, worstHigh);
        assertTrue(worstHigh < 0.01 && worstLow > -0.05, "range " + worstLow + " .. " + worstHigh);
    }

    @Test
    void theAccurateEstimatorSeesAnInterSamplePeakTheX4MeterMisses() {
        // fs/4 with every crest an eighth of a sample off the ×4 grid (at n + 0.625): the ×4 meter reads 0.17 dB low
        double fs = 48_000, hz = 0.25 * fs;
        float[] x = sine(fs, 0.25, hz, 0.5, Math.PI / 2 - 2 * Math.PI * 0.25 * 1000.625);
        double meter = readDb(fs, x), accurate = accurateDb(x, 0, 4096), truth = 20 * Math.log10(0.5);
        assertTrue(meter < truth - 0.1, "the ×4 meter should under-read here: " + meter);
        assertEquals(truth, accurate, 0.05);
    }

    @Test
    void theAccurateEstimatorIsBlockSizeInvariantAndItsGateChangesNothingAboveTheFloor() {
        Random r = new Random(3);
        float[] x = new float[30_000];
        for (int i = 0; i < x.length; i++) x[i] = (float) (r.nextGaussian() * (i % 9000 < 300 ? 0.3 : 0.02));
        double full = accurateDb(x, 0, 4096);
        assertEquals(full, accurateDb(x, 0, 77), 1e-6);
        // the loud bursts come within 1 dB of a floor set at their peak: the gated reading is the same
        assertEquals(full, accurateDb(x, Math.pow(10, full / 20), 1000), 1e-6);
        // far above everything, the gate skips the fine phases and the reading may only drop, never rise
        assertTrue(accurateDb(x, 4.0, 1000) <= full + 1e-6);
    }

    /**
     * Chunks whose samples stay far under the reading so far are skipped: the reading must still be exactly the largest
     * interpolated point of a direct, unskipped computation (a loud burst first, then quiet music with a later, lower peak
     * that only some chunks can reach, and a stretch whose samples are lower than the burst's but whose waveform is not).
     */
    @Test
    void skippingQuietChunksGivesExactlyTheDirectReading() {
        Random r = new Random(11);
        float[] x = new float[60_000];
        for (int i = 0; i < x.length; i++) {
            double level = i < 2_000 ? 0.12 : i >= 40_000 && i < 40_500 ? 0.08 : 0.01;
            x[i] = (float) (r.nextGaussian() * level);
        }
        float burst = 0;
        for (float v : x) burst = Math.max(burst, Math.abs(v));
        // a half-Nyquist square whose samples stay under the burst's but whose waveform peaks about 3 dB above them:
        // only a bound that counts every tap's weight lets its chunk through
        for (int i = 50_000; i < 50_064; i++) x[i] = 0.95f * burst * ((i / 2) % 2 == 0 ? 1 : -1);
        assertTrue(direct(x, TruePeakOversampler.design(4)) > 1.2 * burst);
        TruePeakOversampler meter = new TruePeakOversampler(1, 48_000);
        meter.process(0, x, 0, x.length);
        assertEquals(direct(x, TruePeakOversampler.design(4)), meter.peak(0));
        TruePeakOversampler accurate = TruePeakOversampler.accurate(1, 0);
        for (int at = 0; at < x.length; at += 1000) accurate.process(0, x, at, Math.min(1000, x.length - at));
        assertEquals(direct(x, TruePeakOversampler.design(16, 64, 8)), accurate.peak(0));
    }

    /** max(|sample|, |every phase at every whole window|), summed over the taps in the implementation's order. */
    private static double direct(float[] x, float[][] phases) {
        float m = 0;
        for (float v : x) m = Math.max(m, Math.abs(v));
        int taps = phases[0].length;
        for (float[] g : phases) {
            for (int s = 0; s + taps <= x.length; s++) {
                float y = g[0] * x[s];
                for (int q = 1; q < taps; q++) y += g[q] * x[s + q];
                m = Math.max(m, Math.abs(y));
            }
        }
        return m;
    }

    /**
     * The accurate oversampler's copy of the meter's reading is the plain ×4 meter's, bit for bit, and its ×16 reading is
     * unchanged by keeping it: for streams shorter than either window, loud samples at the very start or end (where
     * only the meter's short window reaches), and any block size.
     */
    @ParameterizedTest(name = "{0} samples")
    @ValueSource(ints = {5, 23, 24, 30, 43, 44, 63, 64, 65, 90, 300, 5000, 40_000})
    void accurateWithMeterReadsWhatTheMeterReads(int length) {
        Random r = new Random(length);
        for (int shape = 0; shape < 4; shape++) {
            float[] x = new float[length];
            for (int i = 0; i < length; i++) x[i] = (float) (0.05 * r.nextGaussian());
            // 0: noise alone; 1: a loud alternating burst at the start; 2: at the end; 3: in the middle
            int at = shape == 1 ? 0 : shape == 2 ? Math.max(0, length - 14) : length / 2;
            if (shape > 0) for (int i = at; i < Math.min(length, at + 14); i++) x[i] = (float) ((i % 2 == 0 ? 0.9 : -0.85) + 0.02 * r.nextGaussian());
            TruePeakOversampler meter = new TruePeakOversampler(1, 44_100);
            meter.process(0, x, 0, length);
            for (double floor : new double[]{1e-4, 0.5}) {
                TruePeakOversampler plain = TruePeakOversampler.accurate(1, floor);
                plain.process(0, x, 0, length);
                for (int block : new int[]{1, 7, 256, 4096}) {
                    TruePeakOversampler both = TruePeakOversampler.accurateWithMeter(1, floor);
                    for (int pos = 0; pos < length; pos += block) both.process(0, x, pos, Math.min(block, length - pos));
                    String what = "shape " + shape + ", floor " + floor + ", blocks of " + block;
                    assertEquals(meter.peak(0), both.meterPeak(0), 0.0, what);
                    assertEquals(meter.samplePeak(0), both.samplePeak(0), 0.0, what);
                    assertEquals(plain.peak(0), both.peak(0), 0.0, what);
                }
            }
        }
    }
}
