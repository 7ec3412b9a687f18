package dev.groundwork.core.dsp;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BiquadCascadeTest {
    /** The sections one after another over a double buffer, rounded to float at the end. */
    private static float[] sectionsInDouble(Biquad.Coefficients[] c, float[] x, int from, int to) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) d[i] = x[i];
        for (Biquad.Coefficients k : c) {
            Biquad q = new Biquad(1);
            q.setCoefficients(k);
            q.process(0, d, 0, from);
            q.process(0, d, from, to - from);
        }
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) out[i] = (float) d[i];
        return out;
    }

    @Test
    void upToFourSectionsGiveExactlyTheSectionsRunOneAfterAnotherInDouble() {
        double fs = 44100;
        Biquad.Coefficients[] all = {BiquadDesign.lowShelf(fs, 60, 0.7, 2), BiquadDesign.peaking(fs, 1000, 1, -3),
                BiquadDesign.highShelf(fs, 10000, 0.7, 1.5), BiquadDesign.highPass(fs, 20, 0.54)};
        Random rnd = new Random(9);
        float[] x = new float[10000];
        for (int i = 0; i < x.length; i++) x[i] = (float) rnd.nextGaussian() * 0.3f;
        for (int sections = 1; sections <= 4; sections++) {
            Biquad.Coefficients[] c = java.util.Arrays.copyOf(all, sections);
            float[] b = x.clone();
            BiquadCascade cascade = new BiquadCascade(c, 1);
            cascade.process(0, b, 0, 77);
            cascade.process(0, b, 77, 10000 - 77);
            assertArrayEquals(sectionsInDouble(c, x, 3000, 10000), b, sections + " sections");
        }
    }

    @Test
    void anyNumberOfSectionsAndBothChannelsTogetherGiveTheSameSamples() {
        double fs = 48000;
        Random rnd = new Random(11);
        for (int sections = 1; sections <= 10; sections++) {
            Biquad.Coefficients[] c = new Biquad.Coefficients[sections];
            for (int k = 0; k < sections; k++) c[k] = BiquadDesign.peaking(fs, 100 * (k + 1) * (k + 1), 0.8 + 0.1 * k, k % 2 == 0 ? 2.5 : -1.5);
            float[][] x = new float[2][5000];
            for (float[] ch : x) for (int i = 0; i < ch.length; i++) ch[i] = (float) rnd.nextGaussian() * 0.3f;
            float[][] mono = {x[0].clone(), x[1].clone()}, stereo = {x[0].clone(), x[1].clone()};
            BiquadCascade one = new BiquadCascade(c, 2), two = new BiquadCascade(c, 2);
            for (int ch = 0; ch < 2; ch++) {
                one.process(ch, mono[ch], 0, 1234);
                one.process(ch, mono[ch], 1234, 5000 - 1234);
            }
            two.processStereo(stereo[0], stereo[1], 0, 999);
            two.processStereo(stereo[0], stereo[1], 999, 5000 - 999);
            for (int ch = 0; ch < 2; ch++) {
                // the passes group sections differently (4/3/2 for one channel, pairs for two), so they round to float
                // at different places: the same filter to float precision
                float[] expected = sectionsInDouble(c, x[ch], 2500, 5000);
                for (int i = 0; i < 5000; i++) {
                    assertEquals(expected[i], mono[ch][i], 1e-6, sections + " sections, channel " + ch + ", sample " + i);
                    assertEquals(expected[i], stereo[ch][i], 1e-6, sections + " sections, stereo, channel " + ch + ", sample " + i);
                }
                if (sections <= 2) assertArrayEquals(expected, stereo[ch], sections + " sections in one stereo pass: exact");
            }
        }
    }
}
