package dev.groundwork.mix.analysis;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What was measured on one stem, the evidence behind every decision about it. All values except
 * the absolute levels are ratios of the stem to itself, so they do not change with its input gain.
 *
 * @param activeLoudnessLufs K-weighted loudness of the parts that play (gated like BS.1770 integrated loudness); null if silent
 * @param crestDb            sample peak over the RMS of the active parts (JSON {@code crest_factor_db}, as in analyze's report;
 *                           plans written before read back from {@code crest_db})
 * @param activeFraction     share of the stem's length that plays (within 20 LU of its loudness)
 * @param lowRatio           share of power below 150 Hz
 * @param subRatio           share of power below 60 Hz
 * @param highRatio          share of power above 5 kHz
 * @param transientsPerSecond onsets (rises of core's onset envelope of about 7.6 dB within 17 ms, 50 ms apart at least) per second of active audio
 * @param pitchedness        0 noise … 1 a steady tone (normalised autocorrelation peak, 40 Hz – 1 kHz)
 * @param width              share of side energy in mid + side (0 mono … 0.5 uncorrelated … 1 out of phase)
 * @param lrBalanceDb        left energy over right energy
 * @param sustain            share of the playing 46 ms windows within 6 dB of the loud ones (0 a decaying hit … 1 a held note)
 * @param activeFractionAtGatesLu share of the stem's length within {@link #ACTIVITY_GATES_LU} LU of its loudness, one per gate
 *                           (the mix bus weighs each stem by it at the plan's gate); null in plans written before it was measured
 */
public record StemAnalysis(String name, int channels, double sampleRateHz, double durationSeconds,
                           Double activeLoudnessLufs, double peakDbfs,
                           @JsonProperty("crest_factor_db") @JsonAlias("crest_db") double crestDb, double activeFraction,
                           double centroidHz, double lowRatio, double subRatio, double highRatio,
                           double transientsPerSecond, double pitchedness, double width, double lrBalanceDb, double sustain,
                           double[] activeFractionAtGatesLu) {

    /** Near-silent stems (quieter than this, or playing less than 0.5 % of the time) are left alone. */
    public static final double SILENCE_LUFS = -65;
    /** The gates (LU under the stem's loudness) at which the playing share is measured; 20 is {@code activeFraction}'s. */
    public static final double[] ACTIVITY_GATES_LU = {10, 15, 20, 25, 30, 40};

    /** The share of the stem that plays within {@code gateLu} of its loudness (linear between the measured gates). */
    public double activeFractionAt(double gateLu) {
        if (gateLu == 20) return activeFraction;
        double[] g = ACTIVITY_GATES_LU;
        if (activeFractionAtGatesLu == null || activeFractionAtGatesLu.length != g.length) {
            throw new IllegalArgumentException(name + ": this plan has no activity per gate; make a new plan to change mix_bus.activity_gate_lu");
        }
        if (!(gateLu >= g[0] && gateLu <= g[g.length - 1])) {
            throw new IllegalArgumentException("mix_bus.activity_gate_lu must be " + g[0] + ".." + g[g.length - 1] + " LU, got " + gateLu);
        }
        int i = 0;
        while (i < g.length - 2 && gateLu > g[i + 1]) i++;
        double f = (gateLu - g[i]) / (g[i + 1] - g[i]);
        return activeFractionAtGatesLu[i] * (1 - f) + activeFractionAtGatesLu[i + 1] * f;
    }

    public boolean silent() {
        return activeLoudnessLufs == null || activeLoudnessLufs < SILENCE_LUFS || activeFraction < 0.005;
    }
}
