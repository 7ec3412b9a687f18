package dev.groundwork.mix.plan;

import dev.groundwork.core.dsp.Biquad;
import dev.groundwork.core.meter.KWeighting;
import dev.groundwork.mix.analysis.StemProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fader is set after the insert chain, as an engineer sets it by ear: the loudness the EQ cuts
 * (weighted by the stem's own K-weighted spectrum) and a balance pan on a stereo stem (which turns one
 * side down) take from the stem is given back, so the stem still sits at its target loudness.
 * Compression needs nothing here: its make-up gain already returns the loudness it takes.
 */
final class LevelCompensation {
    /** Larger corrections are not trusted: they would mean the EQ reshapes the stem rather than trims it. */
    private static final double MAX_DB = 6;

    private LevelCompensation() { }

    static List<StemPlan> apply(List<StemPlan> stems, List<StemProfile> profiles, double sessionRate) {
        List<StemPlan> out = new ArrayList<>(stems.size());
        for (int i = 0; i < stems.size(); i++) {
            StemPlan p = stems.get(i);
            if (p.silent()) { out.add(p); continue; }
            if (p.maskingCut() != null) p = p.withMaskingCut(withFaderShare(p.maskingCut(), p, profiles.get(i), sessionRate));
            double eqDb = eqLossDb(p, profiles.get(i), sessionRate);
            double panDb = panLossDb(p);
            double give = Math.max(-MAX_DB, Math.min(MAX_DB, -(eqDb + panDb)));
            if (Math.abs(give) < 0.1) { out.add(p); continue; }
            String why = String.format(Locale.ROOT, "%s; the %s take%s %.1f dB of its loudness: fader %+.1f dB → %+.1f dB",
                    p.gainReason(), eqDb != 0 && Math.abs(panDb) >= 0.05 ? "EQ and pan" : Math.abs(panDb) >= 0.05 ? "pan" : "EQ",
                    eqDb != 0 && Math.abs(panDb) >= 0.05 ? "" : "s", -(eqDb + panDb), give, p.gainDb() + give);
            out.add(p.withGain(MixPlanner.round2(p.gainDb() + give), why));
        }
        return out;
    }

    /**
     * The masking cut with the loudness the fader gives back per dB of it: the cut's own share of the EQ's loss (the
     * EQ with it against the EQ without it), per dB; for a cut the strength left out, the same at its full depth. An
     * edited masking_strength moves the fader by this much per dB the cut changes.
     */
    static MaskingCut withFaderShare(MaskingCut c, StemPlan p, StemProfile prof, double rate) {
        List<EqBand> others = p.eq().stream().filter(b -> c.cutDb() == 0 || !c.is(b)).toList();
        double depth = c.cutDb() > 0 ? c.cutDb() : c.at(1);
        if (depth <= 0) return c;
        List<EqBand> with = new ArrayList<>(others);
        with.add(c.band(depth, ""));
        double share = eqLossDb(p.withEq(with), prof, rate) - eqLossDb(p.withEq(others), prof, rate);
        return new MaskingCut(c.frequencyHz(), c.crowdingDb(), c.cutDb(), -share / depth);
    }

    /** Change of K-weighted loudness (dB, ≤ 0 for cuts) the EQ bands make on this stem's average spectrum. */
    static double eqLossDb(StemPlan p, StemProfile prof, double rate) {
        return eqChangeDb(p, prof, rate, true);
    }

    /** Change of power (dB) the EQ bands make on this stem's average spectrum, K-weighted (loudness) or not (a detector's level). */
    static double eqChangeDb(StemPlan p, StemProfile prof, double rate, boolean kWeighted) {
        if (p.eq() == null || p.eq().isEmpty()) return 0;
        List<Biquad.Coefficients> bands = p.eq().stream().map(b -> b.coefficients(rate)).toList();
        Biquad.Coefficients shelf = KWeighting.shelf(rate), hp = KWeighting.highPass(rate);
        double[] spec = prof.spectrum();
        double before = 0, after = 0;
        for (int k = 1; k < spec.length; k++) {
            double f = Math.min(k * prof.binHz(), 0.499 * rate);
            if (spec[k] <= 0) continue;
            double kw = kWeighted ? spec[k] * Math.pow(10, (shelf.magnitudeDb(f, rate) + hp.magnitudeDb(f, rate)) / 10) : spec[k];
            double h = 0;
            for (Biquad.Coefficients c : bands) h += c.magnitudeDb(f, rate);
            before += kw;
            after += kw * Math.pow(10, h / 10);
        }
        return before > 0 && after > 0 ? 10 * Math.log10(after / before) : 0;
    }

    /** Loudness a balance pan takes from a stereo stem (one side turned down); mono stems pan at constant power. */
    static double panLossDb(StemPlan p) {
        if (p.measured().channels() < 2 || p.pan() == 0) return 0;
        double gl = p.pan() > 0 ? 1 - p.pan() : 1, gr = p.pan() < 0 ? 1 + p.pan() : 1;
        double left = Math.pow(10, p.measured().lrBalanceDb() / 10), right = 1;   // left/right energy ratio
        return 10 * Math.log10((gl * gl * left + gr * gr * right) / (left + right));
    }
}
