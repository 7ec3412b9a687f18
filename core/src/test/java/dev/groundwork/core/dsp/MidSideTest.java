package dev.groundwork.core.dsp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class MidSideTest {
    @Test
    void splitReadsFromAndWritesToTheGivenOffsets() {
        float[] l = {9, 0.75f, -0.5f, 1}, r = {9, 0.25f, 0.5f, -1};
        float[] m = new float[5], s = new float[5];
        MidSide.split(l, r, 1, m, s, 2, 3);
        assertArrayEquals(new float[]{0, 0, 0.5f, 0, 0}, m);
        assertArrayEquals(new float[]{0, 0, 0.25f, -0.5f, 1}, s);
    }

    @Test
    void joinInvertsSplitAndScalesTheSide() {
        int n = 1000;
        float[] l = new float[n], r = new float[n];
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < n; i++) { l[i] = (float) rnd.nextGaussian() * 0.3f; r[i] = (float) rnd.nextGaussian() * 0.3f; }
        float[] m = new float[n], s = new float[n], ol = new float[n], or = new float[n];
        MidSide.split(l, r, 0, m, s, 0, n);
        MidSide.join(m, s, 1f, ol, or, n);
        for (int i = 0; i < n; i++) {
            assertEquals(l[i], ol[i], 1e-7);
            assertEquals(r[i], or[i], 1e-7);
        }
        // width 0: both channels are the mid
        MidSide.join(m, s, 0f, ol, or, n);
        for (int i = 0; i < n; i++) {
            assertEquals(0.5 * (l[i] + r[i]), ol[i], 1e-7);
            assertEquals(ol[i], or[i]);
        }
    }
}
