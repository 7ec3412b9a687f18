package dev.groundwork.mix.plan;

import dev.groundwork.mix.analysis.Bands;
import dev.groundwork.mix.MixSettings;
import dev.groundwork.mix.analysis.StemProfile;
import dev.groundwork.mix.roles.Role;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Corrective EQ only, all cuts: a high-pass by role (lowered when the stem has real low end), a
 * masking cut where another stem competes with the lead in the lead's loudest band (at most 6 dB
 * × strength, Q 4), a harshness cut where 2–6 kHz stands out of the stem's own spectral tilt, and one
 * narrow resonance cut on stems whose peaks are not notes.
 */
final class EqRules {
    private static final Map<Role, Double> HIGH_PASS = new EnumMap<>(Role.class);

    static {
        HIGH_PASS.put(Role.KICK, 30.0);
        HIGH_PASS.put(Role.SUB_808, 25.0);
        HIGH_PASS.put(Role.BASS, 35.0);
        HIGH_PASS.put(Role.SNARE, 90.0);
        HIGH_PASS.put(Role.HATS, 300.0);
        HIGH_PASS.put(Role.PERCUSSION, 150.0);
        HIGH_PASS.put(Role.FULL_DRUMS, 30.0);
        HIGH_PASS.put(Role.LEAD_VOCAL, 90.0);
        HIGH_PASS.put(Role.BACKING_VOCALS, 150.0);
        HIGH_PASS.put(Role.GUITAR, 90.0);
        HIGH_PASS.put(Role.KEYS, 60.0);
        HIGH_PASS.put(Role.PAD, 120.0);
        HIGH_PASS.put(Role.SYNTH_LEAD, 120.0);
        HIGH_PASS.put(Role.STRINGS_BRASS, 70.0);
        HIGH_PASS.put(Role.FX, 100.0);
    }

    private EqRules() { }

    static List<StemPlan> apply(List<StemPlan> stems, List<StemProfile> profiles, String lead, double strength) {
        List<List<EqBand>> bands = new ArrayList<>();
        for (int i = 0; i < stems.size(); i++) {
            StemPlan p = stems.get(i);
            List<EqBand> eq = new ArrayList<>();
            if (!p.silent()) {
                eq.add(highPass(p));
                harshness(p, profiles.get(i)).ifPresent(eq::add);
                resonance(p, profiles.get(i)).ifPresent(eq::add);
            }
            bands.add(eq);
        }
        MaskingCut[] cuts = masking(stems, profiles, lead, strength);
        List<StemPlan> out = new ArrayList<>();
        for (int i = 0; i < stems.size(); i++) {
            if (cuts[i] != null && cuts[i].cutDb() > 0) bands.get(i).add(cuts[i].band(cuts[i].cutDb(), lead));
            out.add(stems.get(i).withEq(bands.get(i)).withMaskingCut(cuts[i]));
        }
        return out;
    }

    private static EqBand highPass(StemPlan p) {
        double f = HIGH_PASS.get(p.role());
        double low = p.measured().lowRatio();
        if (!p.role().isLowEnd() && f > 45 && low > 0.25) {
            return new EqBand(EqBand.Type.HIGH_PASS, 40, 0, 0.707, String.format(Locale.ROOT,
                    "high-pass lowered to 40 Hz: %.0f %% of its energy is below 150 Hz", 100 * low));
        }
        return new EqBand(EqBand.Type.HIGH_PASS, f, 0, 0.707, String.format(Locale.ROOT, "%s: nothing useful below %.0f Hz",
                p.role().id().replace('_', ' '), f));
    }

    /** Least-squares tilt of the band levels over 200 Hz – 10 kHz; a 2–6.3 kHz band more than 3 dB above it is cut by half the excess (max 4 dB). */
    private static java.util.Optional<EqBand> harshness(StemPlan p, StemProfile prof) {
        if (p.role() == Role.HATS || p.role().isLowEnd() || p.role() == Role.FX) return java.util.Optional.empty();
        double[] db = prof.bandLevelsDb();
        int lo = Bands.indexOf(200), hi = Bands.indexOf(10000);
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        double top = Arrays.stream(db).max().orElse(0);
        for (int b = lo; b <= hi; b++) {
            if (db[b] < top - 40) continue;
            double x = Math.log(Bands.CENTRES[b]) / Math.log(2);
            sx += x; sy += db[b]; sxx += x * x; sxy += x * db[b]; n++;
        }
        if (n < 6) return java.util.Optional.empty();
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx), icpt = (sy - slope * sx) / n;
        double loudest = Arrays.stream(db).max().orElse(0);
        int worst = -1;
        double excess = 0;
        for (int b = Bands.indexOf(2000); b <= Bands.indexOf(6300); b++) {
            if (db[b] < loudest - 20) continue;      // too quiet in the stem to be heard as harsh
            double r = db[b] - (icpt + slope * Math.log(Bands.CENTRES[b]) / Math.log(2));
            if (r > excess) { excess = r; worst = b; }
        }
        double cut = Math.min(4, 0.5 * (excess - 3));
        if (worst < 0 || cut < 1) return java.util.Optional.empty();
        cut = Math.round(cut * 10) / 10.0;
        return java.util.Optional.of(new EqBand(EqBand.Type.BELL, Bands.CENTRES[worst], -cut, 2.0, String.format(Locale.ROOT,
                "harshness: %.0f Hz stands %.1f dB above the stem's own tilt", Bands.CENTRES[worst], excess)));
    }

    /** A narrow peak 12 dB or more above the median of its third-octave neighbourhood (150 Hz – 6 kHz) on a stem whose peaks are not notes. */
    private static java.util.Optional<EqBand> resonance(StemPlan p, StemProfile prof) {
        Role r = p.role();
        // Only where peaks are not notes: a held note's harmonics would look like resonances.
        boolean eligible = r == Role.SNARE || r == Role.PERCUSSION || r == Role.FULL_DRUMS;
        if (!eligible || p.measured().pitchedness() > 0.6) return java.util.Optional.empty();
        double[] s = prof.spectrum();
        double bin = prof.binHz();
        int lo = (int) Math.ceil(150 / bin), hi = Math.min(s.length - 2, (int) (6000 / bin));
        if (hi - lo < 10) return java.util.Optional.empty();
        double[] db = new double[s.length];
        for (int k = 1; k < s.length - 1; k++) db[k] = 10 * Math.log10((s[k - 1] + s[k] + s[k + 1]) / 3 + 1e-30);
        double bestExcess = 0, bestF = 0;
        for (int k = lo; k <= hi; k++) {
            if (!(db[k] >= db[k - 1] && db[k] >= db[k + 1])) continue;
            int a = Math.max(1, (int) (k / 1.122)), b = Math.min(s.length - 2, (int) Math.ceil(k * 1.122));
            double[] w = Arrays.copyOfRange(db, a, b + 1);
            Arrays.sort(w);
            double ex = db[k] - w[w.length / 2];
            if (ex > bestExcess) { bestExcess = ex; bestF = k * bin; }
        }
        if (bestExcess < 12) return java.util.Optional.empty();
        return java.util.Optional.of(new EqBand(EqBand.Type.BELL, Math.round(bestF), -3, 6, String.format(Locale.ROOT,
                "resonance at %.0f Hz, %.1f dB above its neighbourhood", bestF, bestExcess)));
    }

    /** The masking cut of each stem that crowds the lead in the lead's loudest band (null for the others). */
    private static MaskingCut[] masking(List<StemPlan> stems, List<StemProfile> profiles, String lead, double strength) {
        MaskingCut[] cuts = new MaskingCut[stems.size()];
        if (lead == null) return cuts;
        int li = -1;
        for (int i = 0; i < stems.size(); i++) if (stems.get(i).file().equals(lead)) li = i;
        if (li < 0 || stems.get(li).silent()) return cuts;
        StemPlan l = stems.get(li);
        double[] ldb = profiles.get(li).bandLevelsDb();
        int lo = Bands.indexOf(300), hi = Bands.indexOf(4000), key = lo;
        for (int b = lo; b <= hi; b++) if (ldb[b] > ldb[key]) key = b;
        double leadLevel = l.measured().activeLoudnessLufs() + l.gainDb() + ldb[key];
        for (int i = 0; i < stems.size(); i++) {
            StemPlan p = stems.get(i);
            if (i == li || p.silent() || p.role().isDrum() || p.role().isLowEnd()) continue;
            double level = p.measured().activeLoudnessLufs() + p.gainDb() + profiles.get(i).bandLevelsDb()[key];
            double over = level - (leadLevel - 6);
            if (over <= 0) continue;
            // kept at every strength (strength 0 too), so an edited masking_strength can make the cut; the fader's share is set later
            MaskingCut c = new MaskingCut(Bands.CENTRES[key], over, 0, 0);
            if (c.at(1) > 0) cuts[i] = c.withCut(c.at(strength));   // one no strength could make is not kept
        }
        return cuts;
    }

    /**
     * A plan read back for rendering, with an edited {@code masking_strength} followed: each recorded masking cut is made
     * again at the new strength (none under 0.5 dB, so strength 0 removes them all), and the fader moves by the loudness
     * the cut's change takes or gives back ({@link MaskingCut#faderDbPerDb}), its compressor threshold with it. A cut
     * whose band was edited by hand is left as written, and the notes say so. An unedited plan is returned as it is.
     */
    static MixPlan followStrength(MixPlan plan) {
        double strength = plan.maskingStrength();
        List<StemPlan> out = new ArrayList<>();
        List<String> notes = new ArrayList<>(plan.notes());
        boolean changed = false;
        for (StemPlan p : plan.stems()) {
            MaskingCut c = p.maskingCut();
            double wanted = c == null ? 0 : c.at(strength);
            if (c == null || wanted == c.cutDb()) {
                out.add(p);
                continue;
            }
            List<EqBand> eq = new ArrayList<>(p.eq());
            if (c.cutDb() > 0 && !eq.removeIf(c::is)) {
                notes.add(String.format(Locale.ROOT, "%s: its masking cut (%.0f Hz) was edited by hand, so masking_strength %.2f leaves it as written",
                        p.file(), c.frequencyHz(), strength));
                out.add(p);
                changed = true;
                continue;
            }
            if (wanted > 0) eq.add(c.band(wanted, plan.lead()));
            double g = Math.max(-60, Math.min(30, p.gainDb() + c.faderDbPerDb() * (wanted - c.cutDb())));
            out.add(p.withEq(eq).withFader(MixPlanner.round2(g), String.format(Locale.ROOT,
                    "%s; masking strength edited to %.2f: cut %.1f dB at %.0f Hz instead of %.1f dB, fader %+.1f dB → %+.1f dB",
                    p.gainReason(), strength, wanted, c.frequencyHz(), c.cutDb(), g - p.gainDb(), g)).withMaskingCut(c.withCut(wanted)));
            changed = true;
        }
        boolean unrecorded = plan.stems().stream().allMatch(p -> p.maskingCut() == null)
                && plan.stems().stream().anyMatch(p -> p.eq().stream().anyMatch(b -> b.reason() != null && b.reason().startsWith("masking:")));
        if (unrecorded && strength != MixSettings.DEFAULT_MASKING_STRENGTH) {
            notes.add(String.format(Locale.ROOT, "masking_strength %.2f has no effect on this plan: it does not record its masking cuts "
                    + "(written before they were kept); edit the masking bands in the EQ, or plan the mix again with --masking", strength));
            return plan.withNotes(notes);
        }
        return changed ? plan.withStems(out).withNotes(notes) : plan;
    }
}
