package dev.groundwork.mix.plan;

import dev.groundwork.core.dsp.Biquad;
import dev.groundwork.mix.MixSettings;
import dev.groundwork.mix.analysis.Bands;
import dev.groundwork.mix.analysis.StemProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Masking-aware level. Stems set to their roles' loudness alone are not heard alike in the mix: one that plays
 * where the other stems fill its bands is partly covered, one that plays alone in its bands stands out. A
 * stem's exposure is how far the other stems stand above it in its own bands while it plays (dB, each band
 * weighted by the stem's share of power in it), at the planned levels and through the planned EQ (a high-passed
 * low end masks nothing); each stem then moves a fixed share of
 * its exposure's distance from the stems' mean (the masking level, {@link MixSettings#maskingLevel()}, default
 * {@link MixSettings#DEFAULT_MASKING_LEVEL}), so covered stems come up and exposed ones go down. On the
 * bench's known mixes the composers' levels follow it: exposed stems were the ones they kept far under the
 * mix, such as a second snare or a buried bass line playing where little else did.
 *
 * <p>Everything is relative (stems' band powers scaled by their planned gains), so a stem's input gain and the
 * order of the files do not change it.
 */
final class MaskingRules {
    /** A frame counts as playing when its loudness is within this of the stem's own (the activity gate used elsewhere). */
    static final double ACTIVE_GATE_LU = 20;
    /** Per band, the others' power over the stem's own is held within this (a band nobody else plays is not an infinite gap). */
    static final double BAND_RATIO_LIMIT_DB = 40;

    private MaskingRules() { }

    /**
     * Per stem: its exposure (dB; NaN when it is left out), its distance from the stems' mean (null when it is left
     * out, held, or fewer than two stems are measured), the correction (dB), and the stems' mean exposure.
     */
    record Result(double[] exposureDb, Double[] exposureVsMeanDb, double[] correctionDb, double meanExposureDb) { }

    /**
     * The planned stems with the masking correction on their faders. {@code movesDb} are the style, intent and fix
     * moves already in each gain: the exposure is judged without them, so a fix or a style stays an exact move. Stems
     * {@code held} (named as bleed or room tracks) keep their level; they still cover the others. Each stem measured
     * carries its {@link MaskingMove} (also at level 0), so an edited plan can take another level. The {@code focusedLead}
     * (a lead vocal or a {@code --lead} stem, null for none) is exposed on purpose: the move may raise it, never lower it.
     */
    static List<StemPlan> apply(List<StemPlan> stems, List<StemProfile> profiles, double[] movesDb, boolean[] held, String focusedLead,
                                double sessionRate, double level) {
        int n = stems.size();
        double[] gain = new double[n];
        boolean[] included = new boolean[n];
        double[][] eqDb = new double[n][];
        for (int i = 0; i < n; i++) {
            StemPlan p = stems.get(i);
            included[i] = !p.silent() && profiles.get(i).frames() != null;
            gain[i] = p.gainDb() - movesDb[i];
            eqDb[i] = bandResponseDb(p, sessionRate);
        }
        Result r = of(profiles, gain, included, eqDb, held, level);
        List<StemPlan> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StemPlan p = stems.get(i);
            if (r.exposureVsMeanDb()[i] == null) {
                out.add(p);
                continue;
            }
            MaskingMove m = new MaskingMove(r.exposureVsMeanDb()[i], 0, p.file().equals(focusedLead));
            double c = m.at(level);
            p = p.withMaskingMove(new MaskingMove(m.exposureVsMeanDb(), c, m.focusedLead()));
            if (c == 0) {
                out.add(m.focusedLead() && r.correctionDb()[i] < 0 ? p.withGain(p.gainDb(), String.format(Locale.ROOT,
                        "%s; masking: it stands out in its bands (the others %.1f dB under it) as the lead's focus intends, level %.2f: +0.0 dB, not lowered",
                        p.gainReason(), Math.abs(r.exposureDb()[i]), level)) : p);
                continue;
            }
            double g = Math.max(-60, Math.min(30, p.gainDb() + c));
            double e = r.exposureDb()[i];
            out.add(p.withGain(Math.round(g * 100) / 100.0, String.format(Locale.ROOT,
                    "%s; masking: the other stems stand %.1f dB %s it in its bands while it plays (mean of the stems %.1f dB), level %.2f: %+.1f dB → %+.1f dB",
                    p.gainReason(), Math.abs(e), e >= 0 ? "over" : "under", r.meanExposureDb(), level, c, g)));
        }
        return out;
    }

    /**
     * A plan read back whose {@code masking_level} was edited: each stem's recorded move is taken out of its fader and
     * the move at the new level put in (level × its exposure's distance from the mean, as the planner computes it),
     * and its compressor threshold follows the fader, so the compression stays what was planned. Everything else in
     * the plan is kept, hand edits included. An unedited plan, or one written before the moves were recorded, is
     * returned unchanged.
     */
    static MixPlan followLevel(MixPlan plan) {
        double level = plan.maskingLevel();
        List<StemPlan> out = new ArrayList<>();
        boolean changed = false;
        for (StemPlan p : plan.stems()) {
            MaskingMove m = p.maskingMove();
            double wanted = m == null ? 0 : m.at(level);
            if (m == null || wanted == m.gainDb()) {
                out.add(p);
                continue;
            }
            double g = Math.max(-60, Math.min(30, p.gainDb() - m.gainDb() + wanted));
            out.add(p.withFader(MixPlanner.round2(g), String.format(Locale.ROOT, "%s; masking level edited to %.2f: move %+.1f dB instead of %+.1f dB → %+.1f dB",
                    p.gainReason(), level, wanted, m.gainDb(), g)).withMaskingMove(new MaskingMove(m.exposureVsMeanDb(), wanted, m.focusedLead())));
            changed = true;
        }
        if (!changed && level != MixSettings.DEFAULT_MASKING_LEVEL && plan.stems().stream().allMatch(p -> p.maskingMove() == null)) {
            List<String> notes = new ArrayList<>(plan.notes());
            notes.add(String.format(Locale.ROOT, "masking_level %.2f has no effect on this plan: it does not record the stems' masking moves "
                    + "(written before they were kept); plan the mix again with --masking-level", level));
            return plan.withNotes(notes);
        }
        return changed ? plan.withStems(out) : plan;
    }

    /** The planned EQ's gain at each band's centre (dB). */
    static double[] bandResponseDb(StemPlan p, double rate) {
        double[] db = new double[Bands.COUNT];
        if (p.eq() == null) return db;
        for (EqBand band : p.eq()) {
            Biquad.Coefficients c = band.coefficients(rate);
            for (int b = 0; b < Bands.COUNT; b++) db[b] += c.magnitudeDb(Math.min(Bands.CENTRES[b], 0.45 * rate), rate);
        }
        return db;
    }

    /**
     * @param profiles   the stems' analyses
     * @param gainDb     each stem's planned gain (dB)
     * @param included   which stems take part (silent stems, or stems without frames, do not)
     * @param eqDb       each stem's planned EQ per band (dB), or null for none
     * @param held       stems that cover the others but are not moved (null: none)
     * @param level      dB of fader per dB of exposure distance (0 = measure only)
     */
    static Result of(List<StemProfile> profiles, double[] gainDb, boolean[] included, double[][] eqDb, boolean[] held, double level) {
        int n = profiles.size();
        double[] exposure = new double[n];
        double[][] scale = new double[n][Bands.COUNT];   // per stem and band: planned gain and EQ, as power
        java.util.Arrays.fill(exposure, Double.NaN);
        for (int j = 0; j < n; j++) {
            for (int b = 0; b < Bands.COUNT; b++) {
                scale[j][b] = included[j] ? Math.pow(10, (gainDb[j] + (eqDb == null || eqDb[j] == null ? 0 : eqDb[j][b])) / 10) : 0;
            }
        }
        double[] own = new double[Bands.COUNT], others = new double[Bands.COUNT];
        double sum = 0;
        int counted = 0;
        for (int i = 0; i < n; i++) {
            if (!included[i] || held != null && held[i]) continue;
            StemProfile.Frames fi = profiles.get(i).frames();
            double gate = profiles.get(i).summary().activeLoudnessLufs() - ACTIVE_GATE_LU;
            java.util.Arrays.fill(own, 0);
            java.util.Arrays.fill(others, 0);
            boolean any = false;
            for (int f = 0; f < fi.count(); f++) {
                if (!(fi.loudnessLufs()[f] >= gate)) continue;
                any = true;
                double t = f * fi.hopSeconds();
                for (int b = 0; b < Bands.COUNT; b++) own[b] += scale[i][b] * fi.bandPower()[f * Bands.COUNT + b];
                for (int j = 0; j < n; j++) {
                    if (j == i || !included[j]) continue;
                    StemProfile.Frames fj = profiles.get(j).frames();
                    // the other stem's frame at the same time (stems at other sample rates have other hops)
                    int g = fj.hopSeconds() == fi.hopSeconds() ? f : (int) Math.floor(t / fj.hopSeconds() + 1e-9);
                    if (g >= fj.count()) continue;
                    for (int b = 0; b < Bands.COUNT; b++) others[b] += scale[j][b] * fj.bandPower()[g * Bands.COUNT + b];
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
        Double[] distance = new Double[n];
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(exposure[i]) || counted < 2) continue;
            distance[i] = exposure[i] - mean;
            correction[i] = new MaskingMove(distance[i], 0, false).at(level);   // the rule itself: the lead's exemption is apply()'s
        }
        return new Result(exposure, distance, correction, mean);
    }
}
