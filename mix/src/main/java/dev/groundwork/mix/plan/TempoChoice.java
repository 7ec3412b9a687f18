package dev.groundwork.mix.plan;

import dev.groundwork.core.analysis.TempoEstimate;
import dev.groundwork.core.analysis.TempoEstimator;
import dev.groundwork.mix.MixSettings;
import dev.groundwork.mix.analysis.OnsetCurve;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tempo the delay follows: the producer's (--tempo), else the tempo of the drums as they sit in the plan
 * when the estimate is confident, else 120 BPM, and the plan says which and why. The drum stems' onset curves
 * are summed with their planned amplitude (a hat 16 dB under the kick counts for less), so the pulse is the
 * one the mix plays; without drum stems every stem that plays counts, with the same confidence rule.
 */
public final class TempoChoice {
    /** The preferred octave: an estimate outside it moves in when the onsets support the double or half. */
    static final double OCTAVE_MIN_BPM = 80, OCTAVE_MAX_BPM = 160;
    /** The double or half is taken when its periodicity is at least this share of the estimate's. */
    static final double OCTAVE_SUPPORT = 0.6;

    private TempoChoice() { }

    public static MixPlan apply(MixPlan plan, Map<String, OnsetCurve> curves, MixSettings s) {
        if (s.tempoBpm() != null || curves.isEmpty()) return plan;
        List<StemPlan> drums = plan.stems().stream().filter(p -> !p.silent() && p.role().isDrum() && curves.containsKey(p.file())).toList();
        List<StemPlan> used = drums.isEmpty()
                ? plan.stems().stream().filter(p -> !p.silent() && curves.containsKey(p.file())).toList() : drums;
        if (used.isEmpty()) return plan;
        float[] sum = summed(used, curves);
        double rate = curves.get(used.get(0).file()).frameRate();
        TempoEstimate t = TempoEstimator.estimate(sum, rate);
        String octave = "";
        // The same onsets often fit a tempo and its double or half alike: a half-time groove (trap: snare on beat 3)
        // reads at half its tempo, a boom-bap or lo-fi beat with sixteenth hats at double. Outside 80-160 BPM the
        // octave inside it is taken when the onsets repeat nearly as strongly at it, so the session's grid and the
        // delay follow the beat as producers count it (a dotted eighth at 70 BPM is a dotted quarter at 140: a slow
        // echo that drags; at 180 a quick slap).
        if (t.confident() && (t.bpm() < OCTAVE_MIN_BPM || t.bpm() > OCTAVE_MAX_BPM)) {
            double other = t.bpm() < OCTAVE_MIN_BPM ? 2 * t.bpm() : t.bpm() / 2, support = TempoEstimator.periodicity(sum, rate, other);
            if (support >= OCTAVE_SUPPORT * t.periodicity()) {
                octave = String.format(Locale.ROOT, "; read as %.1f, taken at %.1f: the onsets repeat there %.0f %% as strongly, and %.0f-%.0f BPM is "
                        + "how such a beat is counted", t.bpm(), other, 100 * support / t.periodicity(), OCTAVE_MIN_BPM, OCTAVE_MAX_BPM);
                t = new TempoEstimate(Math.round(other * 100) / 100.0, t.confidence(), Math.round(support * 1000) / 1000.0);
            }
        }
        String from = drums.isEmpty() ? "all stems (no drum stems)" : "the drum stems (" + String.join(", ", used.stream().map(StemPlan::file).toList()) + ")";
        SpacePlan space = t.confident()
                ? SpaceRules.withTempo(plan.space(), t.bpm(), String.format(Locale.ROOT, "estimated from %s, confidence %.2f%s", from, t.confidence(), octave))
                : SpaceRules.withTempo(plan.space(), null, String.format(Locale.ROOT,
                "tempo unknown: the estimate from %s, %.1f BPM, has confidence %.2f (below %.2f); 120 assumed, set --tempo", from, t.bpm(),
                t.confidence(), TempoEstimate.CONFIDENT));
        return plan.withSpace(space);
    }

    /** Sums the stems' curves, each scaled by its planned amplitude in the mix, on the first curve's hop grid. */
    static float[] summed(List<StemPlan> stems, Map<String, OnsetCurve> curves) {
        OnsetCurve first = curves.get(stems.get(0).file());
        double rate = first.frameRate();
        int n = 0;
        for (StemPlan p : stems) {
            OnsetCurve c = curves.get(p.file());
            n = Math.max(n, (int) Math.floor(c.envelope().length * rate / c.frameRate()));
        }
        float[] sum = new float[n];
        for (StemPlan p : stems) {
            OnsetCurve c = curves.get(p.file());
            Double lufs = p.measured().activeLoudnessLufs();
            double amplitude = lufs == null ? 0 : Math.pow(10, (lufs + p.gainDb()) / 20);
            float[] e = c.envelope();
            double step = c.frameRate() / rate;
            for (int i = 0; i < n; i++) {
                double x = i * step;
                int j = (int) x;
                if (j + 1 >= e.length) break;
                double f = x - j;
                sum[i] += (float) (amplitude * (e[j] * (1 - f) + e[j + 1] * f));
            }
        }
        return sum;
    }
}
