package dev.groundwork.core.dsp;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecibelMathTest {
    @Test
    void levels_match_the_library_logarithm_to_1e_11_dB() {
        SplittableRandom random = new SplittableRandom(7);
        double worst = 0;
        for (int i = 0; i < 1_000_000; i++) {
            // amplitudes from -120 dBFS to +12 dBFS, every mantissa pattern
            float x = (float) Math.pow(10, random.nextDouble(-6, 0.6));
            worst = Math.max(worst, Math.abs(DecibelMath.amplitudeToDb(x) - 20 * Math.log10(x)));
        }
        for (float x : new float[]{1f, 0.5f, 2f, Math.nextDown(1f), Math.nextUp(1f), 1e-5f, 3.999f}) {
            worst = Math.max(worst, Math.abs(DecibelMath.amplitudeToDb(x) - 20 * Math.log10(x)));
        }
        assertTrue(worst < 1e-11, "worst level error " + worst + " dB");
        assertEquals(0.0, DecibelMath.amplitudeToDb(1f), 0.0);
    }

    @Test
    void powers_match_the_library_logarithm_to_1e_11_dB() {
        SplittableRandom random = new SplittableRandom(13);
        double worst = 0;
        for (int i = 0; i < 1_000_000; i++) {
            // mean squares from -240 dB to +24 dB, every mantissa pattern of a double
            double p = Math.pow(10, random.nextDouble(-24, 2.4));
            worst = Math.max(worst, Math.abs(DecibelMath.powerToDb(p) - 10 * Math.log10(p)));
        }
        for (double p : new double[]{1, 0.5, 2, Math.nextDown(1.0), Math.nextUp(1.0), 1e-12, 3.999}) {
            worst = Math.max(worst, Math.abs(DecibelMath.powerToDb(p) - 10 * Math.log10(p)));
        }
        assertTrue(worst < 1e-11, "worst level error " + worst + " dB");
        assertEquals(0.0, DecibelMath.powerToDb(1), 0.0);
        // a power is an amplitude squared: half the octaves' dB per octave, the same level
        assertEquals(DecibelMath.amplitudeToDb(0.25f), DecibelMath.powerToDb(0.25 * 0.25), 1e-12);
    }

    @Test
    void gains_match_the_library_exponential_to_1e_14_relative_and_floats_agree() {
        SplittableRandom random = new SplittableRandom(11);
        double worst = 0;
        int floatsDiffer = 0;
        for (int i = 0; i < 1_000_000; i++) {
            double db = random.nextDouble(-140, 20);
            double exact = Math.exp(db * Math.log(10) / 20), fast = DecibelMath.dbToAmplitude(db);
            worst = Math.max(worst, Math.abs(fast / exact - 1));
            if ((float) fast != (float) exact) floatsDiffer++;
        }
        assertTrue(worst < 1e-14, "worst relative gain error " + worst);
        assertTrue(floatsDiffer <= 2, floatsDiffer + " of 1e6 gains round to a different float");
        assertEquals(1.0, DecibelMath.dbToAmplitude(0), 0.0);
        assertEquals(0.5, DecibelMath.dbToAmplitude(-20 * Math.log10(2)), 1e-15);
        assertEquals(0.0, DecibelMath.dbToAmplitude(-1e9), 0.0);
    }
}
