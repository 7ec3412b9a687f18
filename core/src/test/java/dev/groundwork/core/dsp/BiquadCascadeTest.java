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

    @Test
    void anyNumberOfSectionsAndBothChannelsTogetherGiveTheSameSamplesAsSectionsOneAfterAnother() {
        double fs = 48000;
        Random rnd = new Random(11);
        for (int sections = 1; sections <= 10; sections++) {
            Biquad.Coefficients[] c = new Biquad.Coefficients[sections];
            for (int k = 0; k < sections; k++) c[k] = BiquadDesign.peaking(fs, 100 * (k + 1) * (k + 1), 0.8 + 0.1 * k, k % 2 == 0 ? 2.5 : -1.5);
            float[][] x = new float[2][5000];
            for (float[] ch : x) for (int i = 0; i < ch.length; i++) ch[i] = (float) rnd.nextGaussian() * 0.3f;
            float[][] expected = {x[0].clone(), x[1].clone()};
            for (Biquad.Coefficients k : c) {
                Biquad q = new Biquad(2);
                q.setCoefficients(k);
                for (int ch = 0; ch < 2; ch++) q.process(ch, expected[ch], 0, 5000);
            }
            float[][] mono = {x[0].clone(), x[1].clone()}, stereo = {x[0].clone(), x[1].clone()};
            BiquadCascade one = new BiquadCascade(c, 2), two = new BiquadCascade(c, 2);
            for (int ch = 0; ch < 2; ch++) {
                one.process(ch, mono[ch], 0, 1234);
                one.process(ch, mono[ch], 1234, 5000 - 1234);
            }
            two.processStereo(stereo[0], stereo[1], 0, 999);
            two.processStereo(stereo[0], stereo[1], 999, 5000 - 999);
            for (int ch = 0; ch < 2; ch++) {
                assertArrayEquals(expected[ch], mono[ch], sections + " sections, channel " + ch);
                assertArrayEquals(expected[ch], stereo[ch], sections + " sections, stereo, channel " + ch);
            }
        }
    }
}
