package dev.groundwork.core.dsp;

/** The Kaiser window, for windowed-sinc filter designs (interpolators, resamplers). */
public final class KaiserWindow {
    private KaiserWindow() { }

    /** Window value at {@code r} in [−1, 1] (0 at the centre, ±1 at the ends); 0 outside. */
    public static double value(double beta, double r) {
        if (Math.abs(r) > 1) return 0;
        return besselI0(beta * Math.sqrt(1 - r * r)) / besselI0(beta);
    }

    /** Modified Bessel function of the first kind, order 0 (power series; converges fast for filter betas). */
    public static double besselI0(double x) {
        double sum = 1, term = 1, q = x * x / 4;
        for (int k = 1; k < 64; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < sum * 1e-17) break;
        }
        return sum;
    }
}
