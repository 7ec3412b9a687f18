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
    private TempoChoice() { }

    public static MixPlan apply(MixPlan plan, Map<String, OnsetCurve> curves, MixSettings s) {
        if (s.tempoBpm() != null || curves.isEmpty()) return plan;
        List<StemPlan> drums = plan.stems().stream().filter(p -> !p.silent() && p.role().isDrum() && curves.containsKey(p.file())).toList();
        List<StemPlan> used = drums.isEmpty()
                ? plan.stems().stream().filter(p -> !p.silent() && curves.containsKey(p.file())).toList() : drums;
        if (used.isEmpty()) return plan;
        TempoEstimate t = estimate(used, curves);
        String from = drums.isEmpty() ? "all stems (no drum stems)" : "the drum stems (" + String.join(", ", used.stream().map(StemPlan::file).toList()) + ")";
        SpacePlan space = t.confident()
                ? SpaceRules.withTempo(plan.space(), t.bpm(), String.format(Locale.ROOT, "estimated from %s, confidence %.2f", from, t.confidence()))
                : SpaceRules.withTempo(plan.space(), null, String.format(Locale.ROOT,
                "tempo unknown: the estimate from %s, %.1f BPM, has confidence %.2f (below %.2f); 120 assumed, set --tempo", from, t.bpm(),
                t.confidence(), TempoEstimate.CONFIDENT));
        return plan.withSpace(space);
    }

    /** Sums the stems' curves, each scaled by its planned amplitude in the mix, on the first curve's hop grid. */
    static TempoEstimate estimate(List<StemPlan> stems, Map<String, OnsetCurve> curves) {
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
        return TempoEstimator.estimate(sum, rate);
    }
}
