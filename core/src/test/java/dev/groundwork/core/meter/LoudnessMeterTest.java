package dev.groundwork.core.meter;

import dev.groundwork.core.audio.AudioBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.EnumSet;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoudnessMeterTest {
    /** Seeded noise whose level changes every half second, with a few loud clicks: exercises every gate. */
    private static AudioBuffer varyingNoise(double fs, int channels, double seconds, long seed) {
        Random r = new Random(seed);
        int n = (int) (seconds * fs);
        AudioBuffer b = AudioBuffer.allocate(channels, n, fs);
        double level = 0.1;
        for (int i = 0; i < n; i++) {
            if (i % (int) (fs / 2) == 0) level = Math.pow(10, (-50 + 45 * r.nextDouble()) / 20);
            for (int c = 0; c < channels; c++) b.channel(c)[i] = (float) (level * r.nextGaussian() * 0.3);
            if (r.nextInt(20_000) == 0) b.channel(r.nextInt(channels))[i] = 0.95f;
        }
        return b;
    }

    @Test
    void resultsDoNotDependOnTheBlockSize() {
        AudioBuffer audio = varyingNoise(44_100, 2, 12, 7);
        LoudnessMeter reference = new LoudnessMeter(2, 44_100);
        Tones.feed(reference, audio, 4096);
        for (int block : new int[]{1, 7, 64, 4096, 44_100}) {
            LoudnessMeter m = new LoudnessMeter(2, 44_100);
            Tones.feed(m, audio, block);
            String at = "block size " + block;
            assertEquals(reference.integratedLufs(), m.integratedLufs(), at);
            assertEquals(reference.integratedLufs(1), m.integratedLufs(1), at);
            assertEquals(reference.loudnessRangeLu(), m.loudnessRangeLu(), at);
            assertEquals(reference.maxMomentaryLufs(), m.maxMomentaryLufs(), at);
            assertEquals(reference.maxShortTermLufs(), m.maxShortTermLufs(), at);
            assertArrayEquals(reference.momentaryCurveLufs(), m.momentaryCurveLufs(), at);
            assertArrayEquals(reference.shortTermCurveLufs(), m.shortTermCurveLufs(), at);
            assertEquals(reference.truePeakDbtp(), m.truePeakDbtp(), at);
            assertEquals(reference.truePeakDbtp(1), m.truePeakDbtp(1), at);
            assertEquals(reference.samplePeakDbfs(), m.samplePeakDbfs(), at);
        }
        assertTrue(reference.integratedLufs().isPresent());
        assertTrue(reference.loudnessRangeLu().orElseThrow() > 5, "the level steps make a wide range");
    }

    @Test
    void digitalSilenceHasNoLoudnessAndMinusInfinityPeaks() {
        LoudnessMeter m = Tones.measure(AudioBuffer.allocate(2, 48_000 * 5, 48_000));
        assertFalse(m.integratedLufs().isPresent());
        assertFalse(m.loudnessRangeLu().isPresent());
        assertFalse(m.maxMomentaryLufs().isPresent());
        assertFalse(m.maxShortTermLufs().isPresent());
        assertFalse(m.momentaryLufs().isPresent());
        assertEquals(Double.NEGATIVE_INFINITY, m.truePeakDbtp());
        assertEquals(Double.NEGATIVE_INFINITY, m.samplePeakDbfs());
        for (double v : m.shortTermCurveLufs()) assertEquals(Double.NEGATIVE_INFINITY, v);
        assertEquals(50, m.momentaryCurveLufs().length);
    }

    @Test
    void signalBelowTheAbsoluteGateHasNoIntegratedLoudness() {
        LoudnessMeter m = Tones.measure(Tones.steps(48_000, 2, 1000, Tones.seg(10, -75)));
        assertFalse(m.integratedLufs().isPresent());
        assertEquals(-75, m.maxMomentaryLufs().orElseThrow(), 0.1, "the curve still shows it");
    }

    @Test
    void aFileShorterThanOneGatingBlockHasNoIntegratedLoudnessButHasPeaks() {
        LoudnessMeter m = Tones.measure(Tones.sine(48_000, 2, 0.3, 1000, 0.5, 90));
        assertFalse(m.integratedLufs().isPresent());
        assertFalse(m.loudnessRangeLu().isPresent());
        assertEquals(-6.02, m.samplePeakDbfs(), 0.01);
        assertEquals(-6.02, m.truePeakDbtp(), 0.05);
    }

    @Test
    void peaksArePerChannel() {
        AudioBuffer b = Tones.perChannel(44_100, 1, 440, -3, -12);
        LoudnessMeter m = Tones.measure(b);
        assertEquals(-3, m.truePeakDbtp(0), 0.05);
        assertEquals(-12, m.truePeakDbtp(1), 0.05);
        assertEquals(-3, m.truePeakDbtp(), 0.05);
        assertEquals(-12, m.samplePeakDbfs(1), 0.05);
    }

    @Test
    void eachChannelHasItsOwnIntegratedLoudness() {
        // left 6 dB louder than right: each reads its own level as mono (a sine's mean square is −3 dB)
        LoudnessMeter m = Tones.measure(Tones.perChannel(48_000, 6, 1000, -20, -26));
        assertEquals(-23.0, m.integratedLufs(0).orElseThrow(), 0.1);
        assertEquals(-29.0, m.integratedLufs(1).orElseThrow(), 0.1);
        LoudnessMeter surround = Tones.measure(Tones.perChannel(48_000, 3, 1000, -20, -20, -20, -20, -20, -20));
        assertFalse(surround.integratedLufs(3).isPresent(), "LFE is not measured");
        assertEquals(-23.0, surround.integratedLufs(4).orElseThrow(), 0.1, "a surround channel alone reads as mono");
    }

    @Test
    void monoChannelLoudnessIsExactlyTheOverallLoudness() {
        LoudnessMeter m = Tones.measure(varyingNoise(44_100, 1, 8, 5));
        assertEquals(m.integratedLufs().orElseThrow(), m.integratedLufs(0).orElseThrow(), 0.0);
    }

    @ParameterizedTest(name = "{0} channels")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void everyStandardLayoutMeasuresAFrontTone(int channels) {
        // a tone in the first (front-left or mono) channel alone reads its own level
        double[] levels = new double[channels];
        java.util.Arrays.fill(levels, -200);
        levels[0] = -20;
        LoudnessMeter m = Tones.measure(Tones.perChannel(48_000, 5, 1000, levels));
        assertEquals(-23.0, m.integratedLufs().orElseThrow(), 0.1);
    }

    @Test
    void momentaryCurveRampsUpFromSilenceBeforeTheStart() {
        LoudnessMeter m = Tones.measure(Tones.steps(48_000, 2, 1000, Tones.seg(2, -23)));
        double[] mo = m.momentaryCurveLufs();
        // the first 100 ms fill a quarter of the 400 ms window: 6 dB below the steady level
        assertEquals(-23 - 6.02, mo[0], 0.1);
        assertEquals(-23, mo[3], 0.1);
    }

    @Test
    void meterComputesOnlyWhatWasAsked() {
        LoudnessMeter m = new LoudnessMeter(2, 48_000, EnumSet.of(LoudnessMeter.Measure.INTEGRATED));
        Tones.feed(m, Tones.steps(48_000, 2, 1000, Tones.seg(5, -23)), 1000);
        assertEquals(-23, m.integratedLufs().orElseThrow(), 0.1);
        assertThrows(IllegalStateException.class, m::truePeakDbtp);
        LoudnessMeter peaks = new LoudnessMeter(2, 48_000, EnumSet.of(LoudnessMeter.Measure.TRUE_PEAK));
        Tones.feed(peaks, Tones.sine(48_000, 2, 1, 1000, 0.25, 0), 512);
        assertEquals(-12.04, peaks.truePeakDbtp(), 0.05);
        assertThrows(IllegalStateException.class, peaks::integratedLufs);
    }

    @Test
    void blocksOfTheWrongShapeAreRejected() {
        LoudnessMeter m = new LoudnessMeter(2, 48_000);
        assertThrows(IllegalArgumentException.class, () -> m.add(AudioBuffer.allocate(1, 10, 48_000)));
        assertThrows(IllegalArgumentException.class, () -> m.add(AudioBuffer.allocate(2, 10, 44_100)));
        assertThrows(IllegalArgumentException.class, () -> new LoudnessMeter(9, 48_000));
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {8_000, 11_025, 22_050, 44_100, 88_200, 96_000, 176_400, 192_000})
    void anyRateReadsA997HzToneCorrectly(double fs) {
        LoudnessMeter m = Tones.measure(Tones.steps(fs, 1, 997, Tones.seg(4, -20)));
        // mono: a sine's mean square is half its peak squared (−3 dB) and K-weighting adds 0.691 at 997 Hz
        assertEquals(-23.01, m.integratedLufs().orElseThrow(), 0.05);
        assertEquals(40, m.momentaryCurveLufs().length);
    }
}
