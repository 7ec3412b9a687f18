package dev.groundwork.mix.plan;

import dev.groundwork.mix.analysis.Bands;
import dev.groundwork.mix.analysis.StemProfile;

import java.util.List;

/**
 * Masking-aware level. Stems set to their roles' loudness alone are not heard alike in the mix: one that plays
 * where the other stems fill its bands is partly covered, one that plays alone in its bands stands out. A
 * stem's exposure is how far the other stems stand above it in its own bands while it plays (dB, each band
 * weighted by the stem's share of power in it), at the planned levels; each stem then moves a fixed share of
 * its exposure's distance from the stems' mean, so covered stems come up and exposed ones go down. On the
 * bench's known mixes the composers' levels follow it: exposed stems were the ones they kept far under the
 * mix, such as a second snare or a buried bass line playing where little else did.
 *
 * <p>Everything is relative (stems' band powers scaled by their planned gains), so a stem's input gain and the
 * order of the files do not change it.
 */
final class MaskingRules {
    /**
     * The share of a stem's exposure difference that moves its level. Fitted on the bench with each family of
     * known mixes held out in turn (the General MIDI songs, the tracker modules, the LMMS producer mixes): fitted
     * on any two, 0.2 to 0.25 lowered the third's error; 0.2 is the value fitted on all of them.
     */
    static final double SHARE = 0.2;
    /** A frame counts as playing when its loudness is within this of the stem's own (the activity gate used elsewhere). */
    static final double ACTIVE_GATE_LU = 20;
    /** Per band, the others' power over the stem's own is held within this (a band nobody else plays is not an infinite gap). */
    static final double BAND_RATIO_LIMIT_DB = 40;

    private MaskingRules() { }

    /** Per stem: its exposure (dB; NaN when it is left out), the correction (dB), and the stems' mean exposure. */
    record Result(double[] exposureDb, double[] correctionDb, double meanExposureDb) { }

    /**
     * @param profiles   the stems' analyses
     * @param gainDb     each stem's planned gain so far (dB)
     * @param included   which stems take part (silent stems, or stems without frames, do not)
     */
    static Result of(List<StemProfile> profiles, double[] gainDb, boolean[] included) {
        int n = profiles.size();
        double[] exposure = new double[n];
        double[] scale = new double[n];
        java.util.Arrays.fill(exposure, Double.NaN);
        for (int j = 0; j < n; j++) scale[j] = included[j] ? Math.pow(10, gainDb[j] / 10) : 0;
        double[] own = new double[Bands.COUNT], others = new double[Bands.COUNT];
        double sum = 0;
        int counted = 0;
        for (int i = 0; i < n; i++) {
            if (!included[i]) continue;
            StemProfile.Frames fi = profiles.get(i).frames();
            double gate = profiles.get(i).summary().activeLoudnessLufs() - ACTIVE_GATE_LU;
            java.util.Arrays.fill(own, 0);
            java.util.Arrays.fill(others, 0);
            boolean any = false;
            for (int f = 0; f < fi.count(); f++) {
                if (!(fi.loudnessLufs()[f] >= gate)) continue;
                any = true;
                double t = f * fi.hopSeconds();
                for (int b = 0; b < Bands.COUNT; b++) own[b] += scale[i] * fi.bandPower()[f * Bands.COUNT + b];
                for (int j = 0; j < n; j++) {
                    if (j == i || scale[j] == 0) continue;
                    StemProfile.Frames fj = profiles.get(j).frames();
                    // the other stem's frame at the same time (stems at other sample rates have other hops)
                    int g = fj.hopSeconds() == fi.hopSeconds() ? f : (int) Math.floor(t / fj.hopSeconds() + 1e-9);
                    if (g >= fj.count()) continue;
                    for (int b = 0; b < Bands.COUNT; b++) others[b] += scale[j] * fj.bandPower()[g * Bands.COUNT + b];
                }
            }
            double total = 0;
            for (double p : own) total += p;
            if (!any || !(total > 0)) continue;
            double e = 0;
            for (int b = 0; b < Bands.COUNT; b++) {
                if (own[b] <= 0) continue;
                double ratio = others[b] > 0 ? 10 * Math.log10(others[b] / own[b]) : -BAND_RATIO_LIMIT_DB;
                e += own[b] / total * Math.max(-BAND_RATIO_LIMIT_DB, Math.min(BAND_RATIO_LIMIT_DB, ratio));
            }
            exposure[i] = e;
            sum += e;
            counted++;
        }
        double mean = counted > 0 ? sum / counted : 0;
        double[] correction = new double[n];
        for (int i = 0; i < n; i++) correction[i] = Double.isNaN(exposure[i]) || counted < 2 ? 0 : SHARE * (exposure[i] - mean);
        return new Result(exposure, correction, mean);
    }
}
