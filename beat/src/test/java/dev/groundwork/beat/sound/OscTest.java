package dev.groundwork.beat.sound;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The integer-phase sine and the FM voice built on it: accurate to the table's error, and in tune. */
class OscTest {

    @Test
    void theIntegerPhaseSineMatchesTheDoublePhaseSineAndMathSin() {
        double worst = 0;
        for (long k = 0; k < (1L << 32); k += 999_983) {
            int phase = (int) k;
            double turns = k / Osc.TURN;
            worst = Math.max(worst, Math.abs(Osc.sin(phase) - Math.sin(2 * Math.PI * turns)));
            assertEquals(Osc.sin(turns), Osc.sin(phase), 2e-7, "same table at " + turns);
        }
        assertTrue(worst < 1e-5, "error below -100 dB, was " + worst);
        assertEquals(-1.0, Osc.sin(3 << 30), 1e-7, "three quarters of a turn");
        assertEquals(0.0, Osc.sin(Integer.MIN_VALUE), 1e-7, "half a turn");
    }

    @Test
    void aSecondOfPhaseStepsEndsWithinAMillionthOfATurn() {
        int sr = 48_000;
        for (double hz : new double[]{27.5, 440, 3520.0 * 1.0594630943592953}) {
            int step = Osc.phaseStep(hz, sr), phase = 0;
            for (int i = 0; i < sr; i++) phase += step;
            double cycles = (double) step * sr / Osc.TURN;
            assertEquals(hz, cycles, 1e-6 * hz, "frequency kept by the step");
            // whole cycles wrap away exactly: what is left is the fraction of a cycle a second of hz ends on
            double miss = Math.abs(Integer.toUnsignedLong(phase) / Osc.TURN - (hz - Math.floor(hz)));
            assertTrue(Math.min(miss, 1 - miss) < 1e-6 * hz, hz + " Hz misses by " + miss + " of a turn");
        }
    }

    @Test
    void theKeysVoiceSoundsItsNoteAndDecays() {
        int sr = 48_000;
        ToneVoice keys = SynthVoices.forSound("keys", sr, null);
        float[] out = new float[sr * 2];
        keys.render(out, 0, sr, 69, 100, null);
        double at = goertzel(out, sr / 10, sr / 2, 440, sr);
        double sharp = goertzel(out, sr / 10, sr / 2, 440 * Math.pow(2, 1 / 24.0), sr);
        double flat = goertzel(out, sr / 10, sr / 2, 440 / Math.pow(2, 1 / 24.0), sr);
        assertTrue(at > 30 * sharp && at > 30 * flat, "A4 dominates a quarter-tone either side: " + at + " " + sharp + " " + flat);
        double early = rms(out, 0, sr / 10), late = rms(out, sr + sr / 2, 2 * sr);
        assertTrue(early > 0.05, "audible: " + early);
        assertEquals(0.0, late, 0.0, "silent once the release has ended");
    }

    private static double goertzel(float[] x, int from, int to, double hz, int sr) {
        double w = 2 * Math.PI * hz / sr, c = 2 * Math.cos(w), s1 = 0, s2 = 0;
        for (int i = from; i < to; i++) {
            double s = x[i] + c * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        return s1 * s1 + s2 * s2 - c * s1 * s2;
    }

    private static double rms(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += x[i] * (double) x[i];
        return Math.sqrt(s / (to - from));
    }
}
