package dev.groundwork.core.meter;

import dev.groundwork.core.audio.AudioBuffer;

import java.util.OptionalDouble;

/**
 * ITU-R BS.1770-4 / EBU R128 meter in the style of libebur128: feed blocks of any size, then query.
 * Loudness values that do not exist (silence) are empty, never a number later code could divide by.
 */
public final class LoudnessMeter {
    public LoudnessMeter(int channels, double sampleRate) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public void add(AudioBuffer block) { throw new UnsupportedOperationException(); }

    public OptionalDouble integratedLufs() { throw new UnsupportedOperationException(); }

    public OptionalDouble loudnessRangeLu() { throw new UnsupportedOperationException(); }

    public OptionalDouble maxMomentaryLufs() { throw new UnsupportedOperationException(); }

    public OptionalDouble maxShortTermLufs() { throw new UnsupportedOperationException(); }

    /** Short-term loudness every 100 ms (NaN-free: silence is -infinity), for plots and jobs. */
    public double[] shortTermCurveLufs() { throw new UnsupportedOperationException(); }

    /** Momentary loudness every 100 ms. */
    public double[] momentaryCurveLufs() { throw new UnsupportedOperationException(); }

    /** Maximum true peak over all channels in dBTP; -infinity for digital silence. */
    public double truePeakDbtp() { throw new UnsupportedOperationException(); }

    public double truePeakDbtp(int channel) { throw new UnsupportedOperationException(); }

    public double samplePeakDbfs() { throw new UnsupportedOperationException(); }

    public double samplePeakDbfs(int channel) { throw new UnsupportedOperationException(); }
}
