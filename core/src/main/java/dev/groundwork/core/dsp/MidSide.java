package dev.groundwork.core.dsp;

/**
 * The mid/side conversion every stereo stage uses (the mastering EQ, the stereo width, the tonal analysis): mid
 * (L + R) / 2, side (L − R) / 2, and back. One pair of loops for all of them, so the JIT compiles each loop once per run
 * instead of once per stage (each small loop costs an OSR compile and a standard one, about 50 ms on one core).
 */
public final class MidSide {
    private MidSide() { }

    /** m[to + i] = (l[from + i] + r[from + i]) / 2, s[to + i] = (l[from + i] − r[from + i]) / 2 for i in [0, n). */
    public static void split(float[] l, float[] r, int from, float[] m, float[] s, int to, int n) {
        for (int i = 0; i < n; i++) {
            float a = l[from + i], b = r[from + i];
            m[to + i] = 0.5f * (a + b);
            s[to + i] = 0.5f * (a - b);
        }
    }

    /** l[i] = m[i] + w·s[i], r[i] = m[i] − w·s[i] for i in [0, n): the inverse of {@link #split} for w = 1 (exactly: s·1 is s). */
    public static void join(float[] m, float[] s, float width, float[] l, float[] r, int n) {
        for (int i = 0; i < n; i++) {
            float side = s[i] * width;
            l[i] = m[i] + side;
            r[i] = m[i] - side;
        }
    }
}
