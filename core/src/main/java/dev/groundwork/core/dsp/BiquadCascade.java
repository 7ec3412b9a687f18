package dev.groundwork.core.dsp;

/**
 * Several biquads in series on one signal, run sample by sample through the whole chain rather than
 * section by section through the block. Each section's recursion is a chain of dependent multiplies;
 * interleaving the sections lets the processor overlap them, which makes a long EQ several times faster
 * than filtering the block once per section. Same arithmetic as {@link Biquad} (transposed direct form
 * II, double state), so the output is identical.
 */
public final class BiquadCascade {
    private final double[] b0, b1, b2, a1, a2;
    private final double[][] z1, z2;
    private final int sections;

    public BiquadCascade(Biquad.Coefficients[] coefficients, int channels) {
        sections = coefficients.length;
        b0 = new double[sections];
        b1 = new double[sections];
        b2 = new double[sections];
        a1 = new double[sections];
        a2 = new double[sections];
        for (int k = 0; k < sections; k++) {
            b0[k] = coefficients[k].b0();
            b1[k] = coefficients[k].b1();
            b2[k] = coefficients[k].b2();
            a1[k] = coefficients[k].a1();
            a2[k] = coefficients[k].a2();
        }
        z1 = new double[channels][sections];
        z2 = new double[channels][sections];
    }

    public int sections() { return sections; }

    public void reset() {
        for (double[] z : z1) java.util.Arrays.fill(z, 0);
        for (double[] z : z2) java.util.Arrays.fill(z, 0);
    }

    /** Filters {@code n} samples of channel {@code ch} in place through every section. */
    public void process(int ch, float[] x, int offset, int n) {
        if (sections == 0) return;
        double[] s1 = z1[ch], s2 = z2[ch];
        for (int i = offset, end = offset + n; i < end; i++) {
            double v = x[i];
            for (int k = 0; k < sections; k++) {
                double y = b0[k] * v + s1[k];
                s1[k] = b1[k] * v - a1[k] * y + s2[k];
                s2[k] = b2[k] * v - a2[k] * y;
                v = (float) y; // each Biquad stage stores float between sections: keep the same rounding
            }
            x[i] = (float) v;
        }
    }
}
