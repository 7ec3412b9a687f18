package dev.groundwork.core.dsp;

/**
 * One second-order IIR section, transposed direct form II, double state per channel.
 * Coefficients are normalised (a0 = 1). Designs for common shapes live in {@link BiquadDesign}.
 */
public final class Biquad {
    public record Coefficients(double b0, double b1, double b2, double a1, double a2) {
        public static final Coefficients IDENTITY = new Coefficients(1, 0, 0, 0, 0);

        /** Magnitude response in dB at frequency f for sample rate fs. */
        public double magnitudeDb(double f, double fs) {
            double w = 2 * Math.PI * f / fs;
            double cr = Math.cos(w), ci = -Math.sin(w), c2r = Math.cos(2 * w), c2i = -Math.sin(2 * w);
            double nr = b0 + b1 * cr + b2 * c2r, ni = b1 * ci + b2 * c2i;
            double dr = 1 + a1 * cr + a2 * c2r, di = a1 * ci + a2 * c2i;
            return 10 * Math.log10((nr * nr + ni * ni) / (dr * dr + di * di));
        }
    }

    private Coefficients c = Coefficients.IDENTITY;
    private double[] z1 = new double[0], z2 = new double[0];

    public Biquad(int channels) {
        z1 = new double[channels];
        z2 = new double[channels];
    }

    public void setCoefficients(Coefficients coefficients) { this.c = coefficients; }

    public Coefficients coefficients() { return c; }

    public void reset() {
        java.util.Arrays.fill(z1, 0);
        java.util.Arrays.fill(z2, 0);
    }

    /** Filters {@code n} samples of channel {@code ch} in place. */
    public void process(int ch, float[] x, int offset, int n) {
        final double b0 = c.b0, b1 = c.b1, b2 = c.b2, a1 = c.a1, a2 = c.a2;
        double s1 = z1[ch], s2 = z2[ch];
        for (int i = offset, end = offset + n; i < end; i++) {
            double in = x[i];
            double y = b0 * in + s1;
            s1 = b1 * in - a1 * y + s2;
            s2 = b2 * in - a2 * y;
            x[i] = (float) y;
        }
        z1[ch] = s1;
        z2[ch] = s2;
    }

    /** Double-precision variant for meters, which keep their state in doubles. */
    public void process(int ch, double[] x, int offset, int n) {
        final double b0 = c.b0, b1 = c.b1, b2 = c.b2, a1 = c.a1, a2 = c.a2;
        double s1 = z1[ch], s2 = z2[ch];
        for (int i = offset, end = offset + n; i < end; i++) {
            double in = x[i];
            double y = b0 * in + s1;
            s1 = b1 * in - a1 * y + s2;
            s2 = b2 * in - a2 * y;
            x[i] = y;
        }
        z1[ch] = s1;
        z2[ch] = s2;
    }
}
