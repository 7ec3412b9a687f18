package dev.groundwork.core.meter;

import dev.groundwork.core.dsp.Biquad;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KWeightingTest {
    @Test
    void bilinearDesignReproducesTheBs1770TableAt48kHz() {
        Biquad.Coefficients shelf = KWeighting.shelf(48_000);
        assertEquals(1.53512486, shelf.b0(), 1e-8);
        assertEquals(-2.69169619, shelf.b1(), 1e-8);
        assertEquals(1.19839281, shelf.b2(), 1e-8);
        assertEquals(-1.69065929, shelf.a1(), 1e-8);
        assertEquals(0.73248077, shelf.a2(), 1e-8);
        Biquad.Coefficients hp = KWeighting.highPass(48_000);
        assertEquals(1, hp.b0(), 0);
        assertEquals(-2, hp.b1(), 0);
        assertEquals(1, hp.b2(), 0);
        assertEquals(-1.99004745, hp.a1(), 1e-8);
        assertEquals(0.99007225, hp.a2(), 1e-8);
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {8_000, 22_050, 44_100, 48_000, 88_200, 96_000, 192_000})
    void curveIsTheSameAtEverySampleRate(double fs) {
        // reference: the 48 kHz curve; bilinear warping moves the others slightly (0.2 dB at 20 Hz at 8 kHz)
        for (double f : new double[]{20, 38, 100, 500, 1000, 1681, 2000, 3000}) {
            if (f > fs * 0.4) continue;
            double ref = gainDb(48_000, f), got = gainDb(fs, f);
            assertEquals(ref, got, f < 0.1 * fs ? 0.25 : 0.5, "K-weighting gain at " + f + " Hz");
        }
        // BS.1770's −0.691 offset exists to cancel the K-weighting gain at 997 Hz
        assertEquals(0.691, gainDb(fs, 997), 0.04);
    }

    private static double gainDb(double fs, double f) {
        return KWeighting.shelf(fs).magnitudeDb(f, fs) + KWeighting.highPass(fs).magnitudeDb(f, fs);
    }
}
