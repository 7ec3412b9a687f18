package dev.groundwork.core.audio;

/**
 * Triangular (TPDF) dither of ±1 LSB peak: the sum of two independent uniform values in [-0.5, 0.5).
 * Seeded and self-contained (xorshift64*), so the same input always gives byte-identical output
 * on every JVM.
 */
final class TpdfDither {
    static final long DEFAULT_SEED = 0x9E3779B97F4A7C15L;

    private long state;

    TpdfDither(long seed) {
        this.state = seed == 0 ? DEFAULT_SEED : seed;
    }

    /** Next dither value in LSB units, in (-1, 1). */
    double next() {
        return uniform() + uniform();
    }

    private double uniform() {
        state ^= state >>> 12;
        state ^= state << 25;
        state ^= state >>> 27;
        long r = state * 0x2545F4914F6CDD1DL;
        return (r >>> 11) * 0x1.0p-53 - 0.5;
    }
}
