package dev.groundwork.mix.analysis;

/** Third-octave bands from 25 Hz to 16 kHz (ISO 266 centre frequencies), the grid for masking and tone decisions. */
public final class Bands {
    public static final double[] CENTRES = {25, 31.5, 40, 50, 63, 80, 100, 125, 160, 200, 250, 315, 400, 500, 630, 800,
            1000, 1250, 1600, 2000, 2500, 3150, 4000, 5000, 6300, 8000, 10000, 12500, 16000};
    public static final int COUNT = CENTRES.length;
    private static final double EDGE = Math.pow(2, 1.0 / 6);

    private Bands() { }

    /** Band index of a frequency, or -1 outside the grid. */
    public static int indexOf(double hz) {
        if (hz < CENTRES[0] / EDGE || hz >= CENTRES[COUNT - 1] * EDGE) return -1;
        for (int i = 0; i < COUNT; i++) if (hz < CENTRES[i] * EDGE) return i;
        return -1;
    }
}
