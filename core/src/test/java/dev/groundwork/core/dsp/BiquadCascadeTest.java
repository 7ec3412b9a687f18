package dev.groundwork.core.dsp;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class BiquadCascadeTest {
    @Test
    void givesExactlyTheSameSamplesAsTheSectionsRunOneAfterAnother() {
        double fs = 44100;
        Biquad.Coefficients[] c = {BiquadDesign.lowShelf(fs, 60, 0.7, 2), BiquadDesign.peaking(fs, 1000, 1, -3),
                BiquadDesign.highShelf(fs, 10000, 0.7, 1.5), BiquadDesign.highPass(fs, 20, 0.54)};
        Random rnd = new Random(9);
        float[] x = new float[10000];
        for (int i = 0; i < x.length; i++) x[i] = (float) rnd.nextGaussian() * 0.3f;
        float[] a = x.clone(), b = x.clone();
        for (Biquad.Coefficients k : c) {
            Biquad q = new Biquad(1);
            q.setCoefficients(k);
            q.process(0, a, 0, 3000);
            q.process(0, a, 3000, 7000);
        }
        BiquadCascade cascade = new BiquadCascade(c, 1);
        cascade.process(0, b, 0, 77);
        cascade.process(0, b, 77, 10000 - 77);
        assertArrayEquals(a, b);
    }
}
