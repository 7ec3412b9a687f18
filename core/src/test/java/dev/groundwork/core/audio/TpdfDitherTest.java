package dev.groundwork.core.audio;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TpdfDitherTest {
    private static final int DRAWS = 2_000_000, BINS = 20;

    @Test
    void valuesFollowATriangleOfOneLsbPeakWithZeroMean() {
        TpdfDither d = new TpdfDither(TpdfDither.DEFAULT_SEED);
        long[] hist = new long[BINS];
        double sum = 0, sumSq = 0, lagProduct = 0, prev = 0;
        for (int i = 0; i < DRAWS; i++) {
            double v = d.next();
            assertTrue(v >= -1 && v < 1, "dither out of ±1 LSB: " + v);
            hist[(int) ((v + 1) / 2 * BINS)]++;
            sum += v;
            sumSq += v * v;
            lagProduct += v * prev;
            prev = v;
        }
        double mean = sum / DRAWS, variance = sumSq / DRAWS - mean * mean;
        assertEquals(0, mean, 0.002, "mean");
        assertEquals(1.0 / 6, variance, 0.002, "variance of the sum of two uniforms of width 1 is 1/6");
        assertEquals(0, lagProduct / DRAWS / variance, 0.005, "successive values are uncorrelated");
        for (int b = 0; b < BINS; b++) {
            // the triangle's probability over bin [lo, hi): integral of 1 - |x|
            double lo = -1 + 2.0 * b / BINS, hi = lo + 2.0 / BINS, mid = (lo + hi) / 2;
            double expected = (1 - Math.abs(mid)) * (hi - lo) * DRAWS;
            assertEquals(expected, hist[b], expected * 0.03 + 50, "bin " + b + " of the triangle");
        }
        // the two outer bins hold about 1/100 of the central ones: a triangle, not a uniform or a bell
        assertTrue(hist[0] * 10 < hist[BINS / 2], "outer bin " + hist[0] + " vs centre " + hist[BINS / 2]);
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedDoesNot() {
        float[][] quiet = new float[2][4096];
        for (int i = 0; i < 4096; i++) { quiet[0][i] = (float) (1e-4 * Math.sin(i * 0.05)); quiet[1][i] = -quiet[0][i]; }
        PcmCodec codec = PcmCodec.signed(16, false);
        byte[] first = new byte[4096 * 4], second = new byte[4096 * 4], other = new byte[4096 * 4];
        codec.encode(quiet, 0, 4096, first, 0, new TpdfDither(TpdfDither.DEFAULT_SEED), (f, c, v) -> { });
        codec.encode(quiet, 0, 4096, second, 0, new TpdfDither(TpdfDither.DEFAULT_SEED), (f, c, v) -> { });
        codec.encode(quiet, 0, 4096, other, 0, new TpdfDither(12345), (f, c, v) -> { });
        assertArrayEquals(first, second);
        assertFalse(java.util.Arrays.equals(first, other));
    }
}
