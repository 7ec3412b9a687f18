package dev.groundwork.core.meter;

import dev.groundwork.core.dsp.Biquad;

/**
 * The BS.1770 K-weighting curve (a high shelf, then a high-pass) for any sample rate.
 *
 * <p>BS.1770 tabulates the coefficients only at 48 kHz. Both stages are second-order sections whose
 * analog prototypes (centre frequency, Q, shelf gain) are recovered from that table; mapping the
 * prototypes back with the bilinear transform (frequency pre-warped with tan(π·f0/fs)) reproduces the
 * 48 kHz table to 1e-8 and gives the same curve at every other rate.
 */
public final class KWeighting {
    static final double SHELF_F0_HZ = 1681.974450955533;
    static final double SHELF_GAIN_DB = 3.999843853973347;
    static final double SHELF_Q = 0.7071752369554196;
    /** Exponent relating the shelf's band-edge gain to its high-frequency gain in the prototype. */
    static final double SHELF_VB_EXPONENT = 0.4996667741545416;
    static final double HIGHPASS_F0_HZ = 38.13547087602444;
    static final double HIGHPASS_Q = 0.5003270373238773;

    private KWeighting() { }

    /** Stage 1: the "head" high shelf, about +4 dB above 2 kHz. */
    public static Biquad.Coefficients shelf(double sampleRate) {
        double k = Math.tan(Math.PI * SHELF_F0_HZ / sampleRate);
        double vh = Math.pow(10, SHELF_GAIN_DB / 20);
        double vb = Math.pow(vh, SHELF_VB_EXPONENT);
        double a0 = 1 + k / SHELF_Q + k * k;
        return new Biquad.Coefficients(
                (vh + vb * k / SHELF_Q + k * k) / a0,
                2 * (k * k - vh) / a0,
                (vh - vb * k / SHELF_Q + k * k) / a0,
                2 * (k * k - 1) / a0,
                (1 - k / SHELF_Q + k * k) / a0);
    }

    /** Stage 2: the RLB high-pass near 38 Hz; its numerator is always 1, −2, 1. */
    public static Biquad.Coefficients highPass(double sampleRate) {
        double k = Math.tan(Math.PI * HIGHPASS_F0_HZ / sampleRate);
        double a0 = 1 + k / HIGHPASS_Q + k * k;
        return new Biquad.Coefficients(1, -2, 1, 2 * (k * k - 1) / a0, (1 - k / HIGHPASS_Q + k * k) / a0);
    }
}
