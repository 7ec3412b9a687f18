package dev.groundwork.core.dsp;

/**
 * Several biquads in series on one signal, run two sections per pass over the block. Each section's
 * recursion is a chain of dependent multiplies; running two in the same loop lets the processor overlap
 * them, which makes a long EQ faster than filtering the block once per section. Same arithmetic as {@link Biquad} (transposed direct form
 * II, double state). Within a pass the signal stays in double from one section to the next and is rounded to float
 * once, when the pass stores it: up to four sections give exactly the sections run one after another over a double
 * buffer ({@link Biquad#process(int, double[], int, int)}) and rounded at the end. Rounding between the sections of a
 * pass, as a chain of float buffers would, puts two conversions on the path from one section to the next; each writes
 * only part of its register and so waits for that register's previous value, which halved the cascade's speed (and
 * lost precision for nothing).
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
        // a lone section costs a whole pass (its recursion is the bottleneck): group as 4, 3 or 2 instead
        int k = 0;
        while (sections - k >= 4 && sections - k != 5) {
            quad(ch, k, x, offset, n);
            k += 4;
        }
        if (sections - k == 5 || sections - k == 3) {
            triple(ch, k, x, offset, n);
            k += 3;
        }
        if (sections - k == 2) pair(ch, k, x, offset, n);
        else if (sections - k == 1) single(ch, k, x, offset, n);
    }

    /**
     * Filters channels 0 and 1 ({@code x0}, {@code x1}) in place, both in the same loop: twice the
     * independent recursions per pass. Each channel's output is exactly what {@link #process(int, float[], int, int)} gives.
     */
    public void processStereo(float[] x0, float[] x1, int offset, int n) {
        int k = 0;
        for (; k + 1 < sections; k += 2) pairStereo(k, x0, x1, offset, n);
        if (k < sections) singleStereo(k, x0, x1, offset, n);
    }

    /** Section k on channels 0 and 1 in one pass: a lone section (a high-pass) still gets two recursions in flight. */
    private void singleStereo(int k, float[] x0, float[] x1, int offset, int n) {
        final double c0 = b0[k], c1 = b1[k], c2 = b2[k], d1 = a1[k], d2 = a2[k];
        double l1 = z1[0][k], l2 = z2[0][k], r1 = z1[1][k], r2 = z2[1][k];
        for (int i = offset, end = offset + n; i < end; i++) {
            double v = x0[i], e = x1[i];
            double y = c0 * v + l1;
            l1 = c1 * v - d1 * y + l2;
            l2 = c2 * v - d2 * y;
            double f = c0 * e + r1;
            r1 = c1 * e - d1 * f + r2;
            r2 = c2 * e - d2 * f;
            x0[i] = (float) y;
            x1[i] = (float) f;
        }
        z1[0][k] = l1;
        z2[0][k] = l2;
        z1[1][k] = r1;
        z2[1][k] = r2;
    }

    /** Four sections in one pass (long EQs): four recursions in flight. */
    private void quad(int ch, int k, float[] x, int offset, int n) {
        final double b0a = b0[k], b1a = b1[k], b2a = b2[k], a1a = a1[k], a2a = a2[k];
        final double b0b = b0[k + 1], b1b = b1[k + 1], b2b = b2[k + 1], a1b = a1[k + 1], a2b = a2[k + 1];
        final double b0c = b0[k + 2], b1c = b1[k + 2], b2c = b2[k + 2], a1c = a1[k + 2], a2c = a2[k + 2];
        final double b0d = b0[k + 3], b1d = b1[k + 3], b2d = b2[k + 3], a1d = a1[k + 3], a2d = a2[k + 3];
        double[] s1 = z1[ch], s2 = z2[ch];
        double s1a = s1[k], s2a = s2[k], s1b = s1[k + 1], s2b = s2[k + 1];
        double s1c = s1[k + 2], s2c = s2[k + 2], s1d = s1[k + 3], s2d = s2[k + 3];
        for (int i = offset, end = offset + n; i < end; i++) {
            double v = x[i];
            double ya = b0a * v + s1a;
            s1a = b1a * v - a1a * ya + s2a;
            s2a = b2a * v - a2a * ya;
            double w = ya;
            double yb = b0b * w + s1b;
            s1b = b1b * w - a1b * yb + s2b;
            s2b = b2b * w - a2b * yb;
            double u = yb;
            double yc = b0c * u + s1c;
            s1c = b1c * u - a1c * yc + s2c;
            s2c = b2c * u - a2c * yc;
            double t = yc;
            double yd = b0d * t + s1d;
            s1d = b1d * t - a1d * yd + s2d;
            s2d = b2d * t - a2d * yd;
            x[i] = (float) yd;
        }
        s1[k] = s1a; s2[k] = s2a; s1[k + 1] = s1b; s2[k + 1] = s2b;
        s1[k + 2] = s1c; s2[k + 2] = s2c; s1[k + 3] = s1d; s2[k + 3] = s2d;
    }

    private void triple(int ch, int k, float[] x, int offset, int n) {
        final double b0a = b0[k], b1a = b1[k], b2a = b2[k], a1a = a1[k], a2a = a2[k];
        final double b0b = b0[k + 1], b1b = b1[k + 1], b2b = b2[k + 1], a1b = a1[k + 1], a2b = a2[k + 1];
        final double b0c = b0[k + 2], b1c = b1[k + 2], b2c = b2[k + 2], a1c = a1[k + 2], a2c = a2[k + 2];
        double[] s1 = z1[ch], s2 = z2[ch];
        double s1a = s1[k], s2a = s2[k], s1b = s1[k + 1], s2b = s2[k + 1], s1c = s1[k + 2], s2c = s2[k + 2];
        for (int i = offset, end = offset + n; i < end; i++) {
            double v = x[i];
            double ya = b0a * v + s1a;
            s1a = b1a * v - a1a * ya + s2a;
            s2a = b2a * v - a2a * ya;
            double w = ya;
            double yb = b0b * w + s1b;
            s1b = b1b * w - a1b * yb + s2b;
            s2b = b2b * w - a2b * yb;
            double u = yb;
            double yc = b0c * u + s1c;
            s1c = b1c * u - a1c * yc + s2c;
            s2c = b2c * u - a2c * yc;
            x[i] = (float) yc;
        }
        s1[k] = s1a; s2[k] = s2a; s1[k + 1] = s1b; s2[k + 1] = s2b; s1[k + 2] = s1c; s2[k + 2] = s2c;
    }

    /** Sections k and k + 1 on channels 0 and 1 in one pass. */
    private void pairStereo(int k, float[] x0, float[] x1, int offset, int n) {
        final double b0a = b0[k], b1a = b1[k], b2a = b2[k], a1a = a1[k], a2a = a2[k];
        final double b0b = b0[k + 1], b1b = b1[k + 1], b2b = b2[k + 1], a1b = a1[k + 1], a2b = a2[k + 1];
        double l1a = z1[0][k], l2a = z2[0][k], l1b = z1[0][k + 1], l2b = z2[0][k + 1];
        double r1a = z1[1][k], r2a = z2[1][k], r1b = z1[1][k + 1], r2b = z2[1][k + 1];
        for (int i = offset, end = offset + n; i < end; i++) {
            double v = x0[i], e = x1[i];
            double ya = b0a * v + l1a;
            l1a = b1a * v - a1a * ya + l2a;
            l2a = b2a * v - a2a * ya;
            double ea = b0a * e + r1a;
            r1a = b1a * e - a1a * ea + r2a;
            r2a = b2a * e - a2a * ea;
            double w = ya, f = ea;
            double yb = b0b * w + l1b;
            l1b = b1b * w - a1b * yb + l2b;
            l2b = b2b * w - a2b * yb;
            double eb = b0b * f + r1b;
            r1b = b1b * f - a1b * eb + r2b;
            r2b = b2b * f - a2b * eb;
            x0[i] = (float) yb;
            x1[i] = (float) eb;
        }
        z1[0][k] = l1a; z2[0][k] = l2a; z1[0][k + 1] = l1b; z2[0][k + 1] = l2b;
        z1[1][k] = r1a; z2[1][k] = r2a; z1[1][k + 1] = r1b; z2[1][k + 1] = r2b;
    }

    /** Two sections in one pass: their recursions are independent chains the processor can overlap. */
    private void pair(int ch, int k, float[] x, int offset, int n) {
        final double b0a = b0[k], b1a = b1[k], b2a = b2[k], a1a = a1[k], a2a = a2[k];
        final double b0b = b0[k + 1], b1b = b1[k + 1], b2b = b2[k + 1], a1b = a1[k + 1], a2b = a2[k + 1];
        double s1a = z1[ch][k], s2a = z2[ch][k], s1b = z1[ch][k + 1], s2b = z2[ch][k + 1];
        for (int i = offset, end = offset + n; i < end; i++) {
            double v = x[i];
            double ya = b0a * v + s1a;
            s1a = b1a * v - a1a * ya + s2a;
            s2a = b2a * v - a2a * ya;
            double w = ya;
            double yb = b0b * w + s1b;
            s1b = b1b * w - a1b * yb + s2b;
            s2b = b2b * w - a2b * yb;
            x[i] = (float) yb;
        }
        z1[ch][k] = s1a;
        z2[ch][k] = s2a;
        z1[ch][k + 1] = s1b;
        z2[ch][k + 1] = s2b;
    }

    private void single(int ch, int k, float[] x, int offset, int n) {
        final double c0 = b0[k], c1 = b1[k], c2 = b2[k], d1 = a1[k], d2 = a2[k];
        double s1 = z1[ch][k], s2 = z2[ch][k];
        for (int i = offset, end = offset + n; i < end; i++) {
            double v = x[i];
            double y = c0 * v + s1;
            s1 = c1 * v - d1 * y + s2;
            s2 = c2 * v - d2 * y;
            x[i] = (float) y;
        }
        z1[ch][k] = s1;
        z2[ch][k] = s2;
    }
}
