package dev.groundwork.core.dsp;

import dev.groundwork.core.dsp.Biquad.Coefficients;

/** Filter designs by the bilinear transform (RBJ Audio EQ Cookbook forms), valid for any sample rate. */
public final class BiquadDesign {
    private BiquadDesign() { }

    public static Coefficients peaking(double fs, double f0, double q, double gainDb) {
        double a = Math.pow(10, gainDb / 40), w = w0(fs, f0), alpha = Math.sin(w) / (2 * q), cos = Math.cos(w);
        return norm(1 + alpha * a, -2 * cos, 1 - alpha * a, 1 + alpha / a, -2 * cos, 1 - alpha / a);
    }

    public static Coefficients lowShelf(double fs, double f0, double q, double gainDb) {
        double a = Math.pow(10, gainDb / 40), w = w0(fs, f0), cos = Math.cos(w), alpha = Math.sin(w) / (2 * q);
        double s = 2 * Math.sqrt(a) * alpha;
        return norm(a * ((a + 1) - (a - 1) * cos + s), 2 * a * ((a - 1) - (a + 1) * cos), a * ((a + 1) - (a - 1) * cos - s),
                (a + 1) + (a - 1) * cos + s, -2 * ((a - 1) + (a + 1) * cos), (a + 1) + (a - 1) * cos - s);
    }

    public static Coefficients highShelf(double fs, double f0, double q, double gainDb) {
        double a = Math.pow(10, gainDb / 40), w = w0(fs, f0), cos = Math.cos(w), alpha = Math.sin(w) / (2 * q);
        double s = 2 * Math.sqrt(a) * alpha;
        return norm(a * ((a + 1) + (a - 1) * cos + s), -2 * a * ((a - 1) + (a + 1) * cos), a * ((a + 1) + (a - 1) * cos - s),
                (a + 1) - (a - 1) * cos + s, 2 * ((a - 1) - (a + 1) * cos), (a + 1) - (a - 1) * cos - s);
    }

    public static Coefficients highPass(double fs, double f0, double q) {
        double w = w0(fs, f0), cos = Math.cos(w), alpha = Math.sin(w) / (2 * q);
        return norm((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    public static Coefficients lowPass(double fs, double f0, double q) {
        double w = w0(fs, f0), cos = Math.cos(w), alpha = Math.sin(w) / (2 * q);
        return norm((1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    private static double w0(double fs, double f0) {
        if (!(f0 > 0 && f0 < fs / 2)) throw new IllegalArgumentException("frequency " + f0 + " Hz outside (0, " + fs / 2 + ")");
        return 2 * Math.PI * f0 / fs;
    }

    private static Coefficients norm(double b0, double b1, double b2, double a0, double a1, double a2) {
        return new Coefficients(b0 / a0, b1 / a0, b2 / a0, a1 / a0, a2 / a0);
    }
}
