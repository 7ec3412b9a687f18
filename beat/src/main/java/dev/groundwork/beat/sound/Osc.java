package dev.groundwork.beat.sound;

/** Oscillator building blocks: a sine table and polyBLEP band-limited saw and square. */
public final class Osc {
    private static final int TABLE_BITS = 12;
    private static final int TABLE = 1 << TABLE_BITS;
    private static final float[] SINE = new float[TABLE + 1];

    static {
        for (int i = 0; i <= TABLE; i++) SINE[i] = (float) Math.sin(2 * Math.PI * i / TABLE);
    }

    private Osc() { }

    /** sin(2 pi phase) for phase in [0, 1), by table with linear interpolation (error below -100 dB). */
    public static float sin(double phase) {
        double x = phase * TABLE;
        int i = (int) x;
        float f = (float) (x - i);
        i &= TABLE - 1;
        return SINE[i] + (SINE[i + 1] - SINE[i]) * f;
    }

    /** One turn of phase as a 32-bit integer: an int accumulator wraps exactly where a turn ends. */
    public static final double TURN = 0x1p32;
    private static final int FRACTION_BITS = 32 - TABLE_BITS;
    private static final float FRACTION_SCALE = 1f / (1 << FRACTION_BITS);

    /** The 32-bit phase step of a frequency (Hz) at a sample rate; its rounding moves the pitch by under 10^-7. */
    public static int phaseStep(double hz, double sampleRate) { return (int) Math.round(hz / sampleRate * TURN); }

    /**
     * sin(2 pi phase / 2^32) for a 32-bit phase (one turn is 2^32, see {@link #TURN}): the same table and
     * interpolation as {@link #sin(double)}, indexed by shifts instead of a floor and a cast.
     */
    public static float sin(int phase) {
        int i = phase >>> FRACTION_BITS;
        float f = (phase & ((1 << FRACTION_BITS) - 1)) * FRACTION_SCALE;
        return SINE[i] + (SINE[i + 1] - SINE[i]) * f;
    }

    /** The polyBLEP residual that removes the aliasing of a unit step at phase 0 (dt = frequency / sample rate). */
    public static double blep(double t, double dt) {
        if (t < dt) {
            t /= dt;
            return t + t - t * t - 1;
        }
        if (t > 1 - dt) {
            t = (t - 1) / dt;
            return t * t + t + t + 1;
        }
        return 0;
    }

    public static double saw(double phase, double dt) { return 2 * phase - 1 - blep(phase, dt); }

    public static double square(double phase, double dt) {
        double v = phase < 0.5 ? 1 : -1;
        double p2 = phase + 0.5;
        if (p2 >= 1) p2 -= 1;
        return v + blep(phase, dt) - blep(p2, dt);
    }

    /** tanh by a Pade approximant, exact at 0 and +-3 and within 2.5 % between: a soft clipper, not a tanh table. */
    public static double softClip(double x) {
        if (x <= -3) return -1;
        if (x >= 3) return 1;
        double x2 = x * x;
        return x * (27 + x2) / (27 + 9 * x2);
    }

    public static double mtof(double midi) { return 440.0 * Math.pow(2, (midi - 69) / 12.0); }
}
