package dev.groundwork.master.analysis;

/**
 * The discrete Fourier transforms of two real frames of the same power-of-two length from one complex FFT: the first
 * frame goes in as the real part, the second as the imaginary part, and the DFT's symmetry separates them afterwards
 * ({@link #first}, {@link #second}). Unnormalised, like any forward FFT: X[k] = Σ x[t]·e^(−2πikt/n).
 *
 * <p>A plain iterative radix-2 transform on purpose. The tonal analysis transforms about 1,600 frames of a 5-minute
 * song; a general FFT library's large unrolled kernels cost the JIT more compile time than that work takes, while
 * these few small loops compile in milliseconds.
 */
final class TwoRealFft {
    private final int n;
    private final int[] reverse;
    /** Twiddles e^(−iπj/h) of the stage joining halves of length h, at h − 1 + j (contiguous per stage). */
    private final float[] cos, sin;
    private final float[] re, im;

    TwoRealFft(int n) {
        if (n < 2 || Integer.bitCount(n) != 1) throw new IllegalArgumentException("FFT size must be a power of two >= 2: " + n);
        this.n = n;
        int bits = Integer.numberOfTrailingZeros(n);
        reverse = new int[n];
        for (int i = 0; i < n; i++) reverse[i] = Integer.reverse(i) >>> (32 - bits);
        cos = new float[n - 1];
        sin = new float[n - 1];
        for (int h = 1; h < n; h <<= 1) {
            for (int j = 0; j < h; j++) {
                double angle = Math.PI * j / h;
                cos[h - 1 + j] = (float) Math.cos(angle);
                sin[h - 1 + j] = (float) -Math.sin(angle);
            }
        }
        re = new float[n];
        im = new float[n];
    }

    int size() { return n; }

    /** Transforms frames {@code a} and {@code b} (each at least {@link #size()} long); read the results with {@link #first}/{@link #second}. */
    void transform(float[] a, float[] b) {
        for (int i = 0; i < n; i++) {
            int r = reverse[i];
            re[i] = a[r];
            im[i] = b[r];
        }
        if (n >= 4) {
            firstTwoStages();
            for (int h = 4; h < n; h <<= 1) stage(h);
        } else {
            stage(1);
        }
    }

    /** Stages h = 1 and h = 2 in one pass over groups of four: their twiddles are 1 and −i, so no multiplies. */
    private void firstTwoStages() {
        for (int p = 0; p < n; p += 4) {
            float r0 = re[p] + re[p + 1], i0 = im[p] + im[p + 1], r1 = re[p] - re[p + 1], i1 = im[p] - im[p + 1];
            float r2 = re[p + 2] + re[p + 3], i2 = im[p + 2] + im[p + 3], r3 = re[p + 2] - re[p + 3], i3 = im[p + 2] - im[p + 3];
            re[p] = r0 + r2;
            im[p] = i0 + i2;
            re[p + 2] = r0 - r2;
            im[p + 2] = i0 - i2;
            // (r3 + i·i3)·(−i) = i3 − i·r3
            re[p + 1] = r1 + i3;
            im[p + 1] = i1 - r3;
            re[p + 3] = r1 - i3;
            im[p + 3] = i1 + r3;
        }
    }

    /** Joins pairs of transforms of length h into transforms of length 2h. */
    private void stage(int h) {
        int tw = h - 1;
        for (int start = 0; start < n; start += 2 * h) {
            for (int j = 0; j < h; j++) {
                int p = start + j, q = p + h;
                float wr = cos[tw + j], wi = sin[tw + j];
                float xr = re[q] * wr - im[q] * wi, xi = re[q] * wi + im[q] * wr;
                re[q] = re[p] - xr;
                im[q] = im[p] - xi;
                re[p] += xr;
                im[p] += xi;
            }
        }
    }

    /** |X[k]|² of the first frame, 0 < k < n. */
    double first(int k) {
        double zr = re[k], zi = im[k], cr = re[n - k], ci = im[n - k];
        // X[k] = (Z[k] + conj Z[n−k]) / 2
        double xr = 0.5 * (zr + cr), xi = 0.5 * (zi - ci);
        return xr * xr + xi * xi;
    }

    /** |X[k]|² of the second frame, 0 < k < n. */
    double second(int k) {
        double zr = re[k], zi = im[k], cr = re[n - k], ci = im[n - k];
        // X[k] = (Z[k] − conj Z[n−k]) / 2i
        double xr = 0.5 * (zi + ci), xi = -0.5 * (zr - cr);
        return xr * xr + xi * xi;
    }
}
