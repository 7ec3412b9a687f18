package dev.groundwork.core.meter;

import java.util.Arrays;

/**
 * BS.1770 channel weights by channel count, in WAV/SMPTE channel order:
 * <pre>
 *  1  mono                 M                       1.0
 *  2  stereo               L R                     1.0 1.0
 *  3  3.0                  L R C                   1.0 1.0 1.0
 *  4  quad                 L R Ls Rs               1.0 1.0 1.41 1.41
 *  5  5.0                  L R C Ls Rs             1.0 1.0 1.0 1.41 1.41
 *  6  5.1                  L R C LFE Ls Rs         1.0 1.0 1.0 0 1.41 1.41
 *  7  6.1                  L R C LFE Cs Ls Rs      1.0 1.0 1.0 0 1.41 1.41 1.41
 *  8  7.1                  L R C LFE Lb Rb Ls Rs   1.0 1.0 1.0 0 1.41 1.41 1.41 1.41
 * </pre>
 * Surround channels weigh 1.41 (+1.5 dB); the LFE channel is excluded (weight 0). Callers with another
 * layout pass their own weights.
 */
public final class ChannelWeights {
    public static final double FRONT = 1.0;
    public static final double SURROUND = 1.41;
    public static final double LFE = 0.0;

    private ChannelWeights() { }

    public static double[] forChannelCount(int channels) {
        return switch (channels) {
            case 1 -> new double[]{FRONT};
            case 2 -> new double[]{FRONT, FRONT};
            case 3 -> new double[]{FRONT, FRONT, FRONT};
            case 4 -> new double[]{FRONT, FRONT, SURROUND, SURROUND};
            case 5 -> new double[]{FRONT, FRONT, FRONT, SURROUND, SURROUND};
            case 6 -> new double[]{FRONT, FRONT, FRONT, LFE, SURROUND, SURROUND};
            case 7 -> new double[]{FRONT, FRONT, FRONT, LFE, SURROUND, SURROUND, SURROUND};
            case 8 -> new double[]{FRONT, FRONT, FRONT, LFE, SURROUND, SURROUND, SURROUND, SURROUND};
            default -> throw new IllegalArgumentException("no standard channel layout for " + channels
                    + " channels (1 to 8 are supported); pass explicit channel weights");
        };
    }

    static double[] validate(double[] weights) {
        if (weights.length < 1) throw new IllegalArgumentException("at least one channel weight is needed");
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) throw new IllegalArgumentException("channel weights must be finite and >= 0: " + Arrays.toString(weights));
        }
        return weights.clone();
    }
}
