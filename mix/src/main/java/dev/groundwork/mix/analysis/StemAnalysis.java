package dev.groundwork.mix.analysis;

/**
 * What was measured on one stem, the evidence behind every decision about it. All values except
 * the absolute levels are ratios of the stem to itself, so they do not change with its input gain.
 *
 * @param activeLoudnessLufs K-weighted loudness of the parts that play (gated like BS.1770 integrated loudness); null if silent
 * @param crestDb            sample peak over the RMS of the active parts
 * @param activeFraction     share of the stem's length that plays (within 20 LU of its loudness)
 * @param lowRatio           share of power below 150 Hz
 * @param subRatio           share of power below 60 Hz
 * @param highRatio          share of power above 5 kHz
 * @param transientsPerSecond onsets (energy jumps of 6 dB or more within 6 ms) per second of active audio
 * @param pitchedness        0 noise … 1 a steady tone (normalised autocorrelation peak, 40 Hz – 1 kHz)
 * @param width              share of side energy in mid + side (0 mono … 0.5 uncorrelated … 1 out of phase)
 * @param lrBalanceDb        left energy over right energy
 * @param sustain            share of the playing 46 ms windows within 6 dB of the loud ones (0 a decaying hit … 1 a held note)
 */
public record StemAnalysis(String name, int channels, double sampleRateHz, double durationSeconds,
                           Double activeLoudnessLufs, double peakDbfs, double crestDb, double activeFraction,
                           double centroidHz, double lowRatio, double subRatio, double highRatio,
                           double transientsPerSecond, double pitchedness, double width, double lrBalanceDb, double sustain) {

    /** Near-silent stems (quieter than this, or playing less than 0.5 % of the time) are left alone. */
    public static final double SILENCE_LUFS = -65;

    public boolean silent() {
        return activeLoudnessLufs == null || activeLoudnessLufs < SILENCE_LUFS || activeFraction < 0.005;
    }
}
