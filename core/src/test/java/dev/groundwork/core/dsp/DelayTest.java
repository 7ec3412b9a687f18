package dev.groundwork.core.dsp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class DelayTest {
    static final double FS = 44100;

    static float[][] run(Delay.Settings s, int frames, int block) {
        return ImpulseResponse.stereo(new Delay(s), FS, frames, block);
    }

    @Test
    void firstEchoArrivesAfterExactlyTheDelayTimeAtFullLevel() {
        float[][] out = run(new Delay.Settings(100, 0.5, 22000, false), 20000, 64);
        int at = (int) Math.round(0.1 * FS);
        assertEquals(1.0, out[0][at], 1e-6);
        for (int i = 0; i < at; i++) assertEquals(0.0, out[0][i], 0.0);
    }

    @Test
    void repeatsFallByTheFeedbackFactor() {
        float[][] out = run(new Delay.Settings(50, 0.5, 22000, false), 20000, 64);
        int d = (int) Math.round(0.05 * FS);
        double e1 = 0, e2 = 0;
        for (int i = d; i < 2 * d; i++) e1 += out[0][i];
        for (int i = 2 * d; i < 3 * d; i++) e2 += out[0][i];
        // The one-pole at 22 kHz has unit DC gain, so the summed repeat is exactly feedback times the previous one.
        assertEquals(0.5, e2 / e1, 0.01);
    }

    @Test
    void pingPongAlternatesSides() {
        float[][] out = run(new Delay.Settings(30, 0.6, 22000, true), 10000, 128);
        int d = (int) Math.round(0.03 * FS);
        double l1 = 0, r1 = 0, l2 = 0, r2 = 0;
        for (int i = d; i < 2 * d; i++) { l1 += Math.abs(out[0][i]); r1 += Math.abs(out[1][i]); }
        for (int i = 2 * d; i < 3 * d; i++) { l2 += Math.abs(out[0][i]); r2 += Math.abs(out[1][i]); }
        assertTrue(l1 > 0.9 && r1 < 1e-9, "first echo left");
        assertTrue(r2 > 0.5 && l2 < 1e-9, "second echo right");
    }

    @Test
    void tempoSyncedDottedEighthAt120BpmIs375Ms() {
        assertEquals(375.0, Delay.Settings.tempoSynced(120, 0.75, 0.3, 6000, false).timeMs(), 1e-9);
    }

    @Test
    void blockSizeDoesNotChangeTheOutput() {
        Delay.Settings s = new Delay.Settings(37, 0.7, 3000, true);
        assertArrayEquals(run(s, 15000, 1)[1], run(s, 15000, 4096)[1]);
        assertArrayEquals(run(s, 15000, 7)[0], run(s, 15000, 64)[0]);
    }
}
