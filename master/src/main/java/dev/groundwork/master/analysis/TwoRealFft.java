package dev.groundwork.master.analysis;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * The discrete Fourier transforms of two real frames of the same length from one complex FFT (JTransforms): the
 * first frame goes in as the real part, the second as the imaginary part, and the DFT's symmetry separates them
 * afterwards ({@link #first}, {@link #second}). Unnormalised, like any forward FFT: X[k] = Σ x[t]·e^(−2πikt/n).
 * Half the transforms of two real FFTs of the mid and side frames, for the same spectra.
 */
final class TwoRealFft {
    private final int n;
    private final FloatFFT_1D fft;
    /** Interleaved complex frame: re at 2t, im at 2t + 1. */
    private final float[] z;

    TwoRealFft(int n) {
        if (n < 2) throw new IllegalArgumentException("FFT size must be at least 2: " + n);
        this.n = n;
        this.fft = new FloatFFT_1D(n);
        this.z = new float[2 * n];
    }

    int size() { return n; }

    /** Transforms frames {@code a} and {@code b} (each at least {@link #size()} long); read the results with {@link #first}/{@link #second}. */
    void transform(float[] a, float[] b) {
        for (int t = 0; t < n; t++) {
            z[2 * t] = a[t];
            z[2 * t + 1] = b[t];
        }
        fft.complexForward(z);
    }

    /** |X[k]|² of the first frame, 0 < k < n. */
    double first(int k) {
        double zr = z[2 * k], zi = z[2 * k + 1], cr = z[2 * (n - k)], ci = z[2 * (n - k) + 1];
        // X[k] = (Z[k] + conj Z[n−k]) / 2
        double xr = 0.5 * (zr + cr), xi = 0.5 * (zi - ci);
        return xr * xr + xi * xi;
    }

    /** |X[k]|² of the second frame, 0 < k < n. */
    double second(int k) {
        double zr = z[2 * k], zi = z[2 * k + 1], cr = z[2 * (n - k)], ci = z[2 * (n - k) + 1];
        // X[k] = (Z[k] − conj Z[n−k]) / 2i
        double xr = 0.5 * (zi + ci), xi = -0.5 * (zr - cr);
        return xr * xr + xi * xi;
    }
}
