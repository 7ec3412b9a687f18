package dev.groundwork.core.dsp;

/**
 * Decibel conversions for per-sample loops (a compressor's gain computer), several times cheaper than
 * {@link Math#log10} and {@link Math#exp}: levels within about 1e-11 dB, gains within about 1e-15
 * (relative), so a float computed from them rounds to the same value as from the library's except in rare
 * ties. Plain arithmetic on small tables: the same result on every JVM.
 */
public final class DecibelMath {
    private static final int LOG_BITS = 10;
    /** log2(1 + k / 2^LOG_BITS) and 1 / (1 + k / 2^LOG_BITS), k = 0 .. 2^LOG_BITS. */
    private static final double[] LOG2_NODE = new double[(1 << LOG_BITS) + 1], INVERSE_NODE = new double[(1 << LOG_BITS) + 1];
    private static final int EXP_STEPS = 256;
    /** 2^(k / EXP_STEPS), k = 0 .. EXP_STEPS - 1. */
    private static final double[] EXP2_STEP = new double[EXP_STEPS];
    private static final double LN2 = Math.log(2), INV_LN2 = 1 / LN2;
    private static final double DB_PER_OCTAVE = 20 * Math.log10(2);
    private static final double OCTAVES_PER_DB = Math.log(10) / 20 / LN2;

    static {
        for (int k = 0; k <= 1 << LOG_BITS; k++) {
            double node = 1 + (double) k / (1 << LOG_BITS);
            LOG2_NODE[k] = Math.log(node) / LN2;
            INVERSE_NODE[k] = 1 / node;
        }
        for (int k = 0; k < EXP_STEPS; k++) EXP2_STEP[k] = Math.pow(2, (double) k / EXP_STEPS);
    }

    private DecibelMath() { }

    /** 20·log10(x) for a positive, normal float x (a linear amplitude). */
    public static double amplitudeToDb(float x) {
        return DB_PER_OCTAVE * log2(x);
    }

    /** 10·log10(p) for a positive, normal double p (a power, a mean square). */
    public static double powerToDb(double p) {
        return DB_PER_OCTAVE / 2 * log2(p);
    }

    private static double log2(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int exponent = (int) (bits >>> 52) - 1023;
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        int k = (int) (mantissa >>> (52 - LOG_BITS));
        // x = 2^exponent · node_k · (1 + d), 0 ≤ d < 2^-LOG_BITS: log2(1 + d) from its series (error d^4/4)
        double rest = (mantissa & ((1L << (52 - LOG_BITS)) - 1)) * 0x1p-52;
        double d = rest * INVERSE_NODE[k];
        double log1p = d * (1 - d * (0.5 - d * (1.0 / 3)));
        return exponent + LOG2_NODE[k] + log1p * INV_LN2;
    }

    /** 10^(db / 20), a level in dB to a linear gain; 0 below about -6000 dB (db at most about +6000 dB). */
    public static double dbToAmplitude(double db) {
        double t = db * OCTAVES_PER_DB * EXP_STEPS;
        if (!(t > -1000.0 * EXP_STEPS)) return 0;
        double whole = Math.floor(t);
        int k = (int) whole;
        // 2^(t / EXP_STEPS) = 2^(k >> 8) · 2^((k & 255) / 256) · e^a, 0 ≤ a < ln2 / 256: series to a^4 (error a^5/120)
        double a = (t - whole) * (LN2 / EXP_STEPS);
        double ea = 1 + a * (1 + a * (0.5 + a * (1.0 / 6 + a * (1.0 / 24))));
        double octave = Double.longBitsToDouble((long) (1023 + (k >> 8)) << 52);
        return octave * EXP2_STEP[k & (EXP_STEPS - 1)] * ea;
    }
}
