package dev.groundwork.core.dsp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.*;

class ReverbTest {
    static final double FS = 48000;

    static float[][] impulseResponse(Reverb.Settings s, int frames, int block) {
        return ImpulseResponse.stereo(new Reverb(s), FS, frames, block);
    }

    /** Decay time from the slope of Schroeder's backward-integrated energy between -5 and -25 dB (T20). */
    static double measuredRt60(float[][] ir) {
        int n = ir[0].length;
        double[] edc = new double[n];
        double acc = 0;
        for (int i = n - 1; i >= 0; i--) {
            acc += ir[0][i] * ir[0][i] + ir[1][i] * ir[1][i];
            edc[i] = acc;
        }
        int a = -1, b = -1;
        for (int i = 0; i < n; i++) {
            double db = 10 * Math.log10(edc[i] / edc[0]);
            if (a < 0 && db <= -5) a = i;
            if (b < 0 && db <= -25) { b = i; break; }
        }
        return (b - a) / FS * 3.0;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.8, 1.6, 3.0})
    void lowFrequencyDecayFollowsTheSetRt60(double rt60) {
        // Damping set to the top so the broadband decay is the low-frequency decay.
        float[][] ir = impulseResponse(new Reverb.Settings(rt60, 0, 20000, 1.0), (int) (FS * rt60 * 1.5), 512);
        assertEquals(rt60, measuredRt60(ir), rt60 * 0.15);
    }

    @Test
    void dampingShortensTheDecay() {
        double bright = measuredRt60(impulseResponse(new Reverb.Settings(2.0, 0, 20000, 1.0), (int) FS * 3, 512));
        double dark = measuredRt60(impulseResponse(new Reverb.Settings(2.0, 0, 1500, 1.0), (int) FS * 3, 512));
        assertTrue(dark < bright * 0.9, "dark " + dark + " bright " + bright);
    }

    @Test
    void preDelayHoldsTheFirstEnergyBack() {
        float[][] ir = impulseResponse(new Reverb.Settings(1.0, 50, 8000, 1.0), (int) FS, 256);
        int first = -1;
        for (int i = 0; i < ir[0].length && first < 0; i++) if (Math.abs(ir[0][i]) > 1e-6 || Math.abs(ir[1][i]) > 1e-6) first = i;
        assertTrue(first >= 0.050 * FS, "first output at " + first);
    }

    @Test
    void leftAndRightAreDecorrelated() {
        float[][] ir = impulseResponse(Reverb.Settings.DEFAULT, (int) FS * 2, 1024);
        double lr = 0, ll = 0, rr = 0;
        for (int i = 0; i < ir[0].length; i++) { lr += ir[0][i] * ir[1][i]; ll += ir[0][i] * ir[0][i]; rr += ir[1][i] * ir[1][i]; }
        assertTrue(Math.abs(lr / Math.sqrt(ll * rr)) < 0.3, "correlation " + lr / Math.sqrt(ll * rr));
        assertTrue(ll > 0 && rr > 0);
    }

    @Test
    void blockSizeDoesNotChangeTheOutput() {
        float[][] a = impulseResponse(Reverb.Settings.DEFAULT, 20000, 1);
        float[][] b = impulseResponse(Reverb.Settings.DEFAULT, 20000, 7);
        float[][] c = impulseResponse(Reverb.Settings.DEFAULT, 20000, 4096);
        assertArrayEquals(a[0], b[0]);
        assertArrayEquals(a[1], c[1]);
    }
}
