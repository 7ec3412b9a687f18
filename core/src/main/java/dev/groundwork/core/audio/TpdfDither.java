package dev.groundwork.core.audio;

/**
 * Triangular (TPDF) dither of ±1 LSB peak: the sum of two independent uniform values in [-0.5, 0.5).
 * Seeded and self-contained (xorshift64*), so the same input always gives byte-identical output
 * on every JVM. One 64-bit draw per sample gives both uniforms: its high and low 32-bit halves.
 */
final class TpdfDither {
    static final long DEFAULT_SEED = 0x9E3779B97F4A7C15L;

    private long state;

    TpdfDither(long seed) {
        this.state = seed == 0 ? DEFAULT_SEED : seed;
    }

    /** Next dither value in LSB units, in [-1, 1). */
    double next() {
        state ^= state >>> 12;
        state ^= state << 25;
        state ^= state >>> 27;
        long r = state * 0x2545F4914F6CDD1DL;
        // each half as a signed 32-bit uniform in [-2^31, 2^31); their sum scaled by 2^-32 is two uniforms in
        // [-0.5, 0.5) added, in one integer add and one conversion (the low half of xorshift64* is weaker only in
        // its lowest few bits, far below what a dither of one LSB can show)
        return ((r >> 32) + (long) (int) r) * 0x1.0p-32;
    }
}
