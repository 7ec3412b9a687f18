package dev.groundwork.mix.analysis;

/**
 * Cheap whole-block scans on raw float bits: with the sign bit masked, a float's bits order like its
 * magnitude, so silence and peak become integer OR and MAX reductions the JIT vectorises.
 */
public final class SampleScan {
    private static final int CHUNK = 512;

    private SampleScan() { }

    /** True when the first {@code n} samples are all zero (either sign); stops at the first chunk with sound. */
    public static boolean isSilent(float[] x, int n) {
        for (int from = 0; from < n; from += CHUNK) {
            int bits = 0;
            for (int i = from, end = Math.min(n, from + CHUNK); i < end; i++) bits |= Float.floatToRawIntBits(x[i]);
            if ((bits & 0x7fffffff) != 0) return false;
        }
        return true;
    }

    /** The largest magnitude among the first {@code n} samples (0 for silence). */
    public static float absPeak(float[] x, int n) {
        int max = 0;
        for (int i = 0; i < n; i++) max = Math.max(max, Float.floatToRawIntBits(x[i]) & 0x7fffffff);
        return Float.intBitsToFloat(max);
    }
}
