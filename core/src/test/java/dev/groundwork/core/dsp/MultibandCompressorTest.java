package dev.groundwork.core.dsp;

import dev.groundwork.core.audio.AudioBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.*;

class MultibandCompressorTest {
    static final Compressor.Settings IDLE = new Compressor.Settings(0, 2, 10, 150, 0, 0, 0);

    static MultibandCompressor prepared(MultibandCompressor.Settings s, double fs, int block) {
        MultibandCompressor m = new MultibandCompressor(s);
        m.prepare(new ProcessSpec(fs, block, 2));
        return m;
    }

    /** |H(f)| in dB of an impulse response, by direct DFT at one frequency. */
    static double magnitudeDb(float[] h, double f, double fs) {
        double re = 0, im = 0;
        for (int i = 0; i < h.length; i++) {
            re += h[i] * Math.cos(2 * Math.PI * f * i / fs);
            im -= h[i] * Math.sin(2 * Math.PI * f * i / fs);
        }
        return 10 * Math.log10(re * re + im * im);
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {44100, 96000})
    void theBandsSumFlatWithinATenthOfADbWhenNoBandCompresses(double fs) {
        int n = (int) fs; // 1 s: the filters' tails have long died out
        MultibandCompressor m = prepared(new MultibandCompressor.Settings(150, 3000, IDLE, IDLE, IDLE), fs, n);
        AudioBuffer b = AudioBuffer.allocate(2, n, fs);
        b.channel(0)[0] = 0.01f; // -40 dBFS: far under every threshold
        b.channel(1)[0] = 0.01f;
        m.process(b, b);
        for (double f = 20; f <= 20000; f *= Math.pow(2, 1 / 6.0)) {
            assertEquals(-40, magnitudeDb(b.channel(0), f, fs), 0.1, f + " Hz");
        }
        assertArrayEquals(new double[]{0, 0, 0}, m.maxGainReductionDb(), 1e-9);
    }

    @Test
    void aLoudBassCompressesOnlyTheLowBand() {
        double fs = 48000;
        Compressor.Settings firm = new Compressor.Settings(-30, 3, 10, 150, 0, 0, 0);
        MultibandCompressor m = prepared(new MultibandCompressor.Settings(150, 3000, firm, firm, firm), fs, 4800);
        AudioBuffer b = AudioBuffer.allocate(2, 4800, fs);
        for (int block = 0; block < 10; block++) {
            for (int c = 0; c < 2; c++) for (int i = 0; i < 4800; i++) {
                double t = (block * 4800 + i) / fs;
                b.channel(c)[i] = (float) (0.5 * Math.sin(2 * Math.PI * 50 * t) + 0.003 * Math.sin(2 * Math.PI * 8000 * t));
            }
            m.process(b, b);
        }
        double[] gr = m.maxGainReductionDb();
        assertTrue(gr[0] > 5, "low band compressed: " + gr[0]);
        assertEquals(0, gr[2], 1e-9, "high band untouched");
    }

    @Test
    void outputDoesNotDependOnBlockSize() {
        double fs = 44100;
        Compressor.Settings firm = new Compressor.Settings(-24, 2.5, 5, 100, 6, 0, 0);
        MultibandCompressor.Settings s = new MultibandCompressor.Settings(120, 2500, firm, firm, firm);
        int n = 20000;
        float[] x = new float[n];
        java.util.Random rnd = new java.util.Random(2);
        for (int i = 0; i < n; i++) x[i] = (float) (0.3 * rnd.nextGaussian() * (i % 5000 < 2500 ? 1 : 0.1));
        float[] whole = run(s, fs, x, n), small = run(s, fs, x, 64);
        assertArrayEquals(whole, small);
    }

    private static float[] run(MultibandCompressor.Settings s, double fs, float[] x, int block) {
        MultibandCompressor m = prepared(s, fs, block);
        float[] out = new float[x.length];
        AudioBuffer b = AudioBuffer.allocate(2, block, fs);
        for (int pos = 0; pos < x.length; pos += block) {
            int len = Math.min(block, x.length - pos);
            b.setFrames(len);
            for (int c = 0; c < 2; c++) System.arraycopy(x, pos, b.channel(c), 0, len);
            m.process(b, b);
            System.arraycopy(b.channel(0), 0, out, pos, len);
        }
        return out;
    }

    @Test
    void crossoversOutsideTheirRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MultibandCompressor.Settings(20, 3000, IDLE, IDLE, IDLE));
        assertThrows(IllegalArgumentException.class, () -> new MultibandCompressor.Settings(500, 600, IDLE, IDLE, IDLE));
    }
}
