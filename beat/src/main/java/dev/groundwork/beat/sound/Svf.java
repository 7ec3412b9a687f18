package dev.groundwork.beat.sound;

/**
 * A state-variable low-pass filter in the trapezoidal (zero-delay feedback) form: stable under
 * fast cut-off modulation, which a per-voice filter envelope needs and a biquad does not like.
 */
final class Svf {
    private double ic1, ic2, a1, a2, a3, k;
    private final double sampleRate;

    Svf(double sampleRate, double q) {
        this.sampleRate = sampleRate;
        this.k = 1 / q;
    }

    void cutoff(double hz) {
        double f = Math.max(20, Math.min(hz, sampleRate * 0.45));
        double g = Math.tan(Math.PI * f / sampleRate);
        a1 = 1 / (1 + g * (g + k));
        a2 = g * a1;
        a3 = g * a2;
    }

    double lowpass(double x) {
        double v3 = x - ic2;
        double v1 = a1 * ic1 + a2 * v3;
        double v2 = ic2 + a2 * ic1 + a3 * v3;
        ic1 = 2 * v1 - ic1;
        ic2 = 2 * v2 - ic2;
        return v2;
    }
}
