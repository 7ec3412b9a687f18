package dev.groundwork.mix.plan;

import dev.groundwork.mix.MixSettings;
import dev.groundwork.mix.analysis.StemAnalysis;
import dev.groundwork.mix.analysis.StemProfile;
import dev.groundwork.mix.roles.Role;
import dev.groundwork.mix.roles.RoleClassifier;
import dev.groundwork.mix.roles.RoleGuess;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns measured stems into a {@link MixPlan}: roles, then levels, placement, EQ, dynamics, space and the
 * mix bus, each stage a small rule set with its reasons. A pure function of the analyses and the settings.
 */
public final class MixPlanner {
    /**
     * A stem more than this under the median of the playing stems counts as buried: on the bench's scrambled songs
     * all 12 such stems (cymbals, kicks, snares, a bass, two tracker voices) came out 3–17 LU louder than in the
     * known mix when raised to their role's level.
     */
    static final double BURIED_LU = 20;
    /** The most a buried stem is raised automatically (a --fix still moves it further). */
    static final double MAX_BURIED_BOOST_DB = 6;

    private MixPlanner() { }

    public static MixPlan plan(List<StemProfile> profiles, MixSettings s, double sessionRate, String rateReason, List<String> notesIn) {
        List<String> notes = new ArrayList<>(notesIn);
        // 1. Roles.
        List<StemPlan> stems = new ArrayList<>();
        for (StemProfile prof : profiles) {
            StemAnalysis a = prof.summary();
            Role forced = s.roles().get(a.name());
            RoleGuess g = forced != null ? new RoleGuess(forced, 1.0, "set by the producer") : RoleClassifier.classify(a);
            stems.add(new StemPlan(a.name(), g.role(), g.confidence(), g.reason(), a.silent(), a, 0, "", 0, "", List.of(), null, null,
                    null, null, "", g.role().isDrum()));
        }
        for (var k : s.roles().keySet()) {
            if (stems.stream().noneMatch(p -> p.file().equals(k))) throw new IllegalArgumentException("--role names " + k + ", which is not one of the stems");
        }
        String lead = chooseLead(stems, s);
        // 2. Levels.
        String balance = BalanceChoice.resolve(s.balance(), stems, notes);
        Map<Role, Integer> count = new EnumMap<>(Role.class);
        for (StemPlan p : stems) if (!p.silent()) count.merge(p.role(), 1, Integer::sum);
        double median = medianLoudness(stems);
        List<StemPlan> leveled = new ArrayList<>();
        for (StemPlan p : stems) {
            if (p.silent()) {
                String m = p.measured().activeLoudnessLufs() == null ? "digital silence" : String.format(Locale.ROOT, "%.1f LUFS", p.measured().activeLoudnessLufs());
                leveled.add(p.withGain(0, "near-silent (" + m + "): left alone, not boosted"));
                notes.add(p.file() + " is silent or nearly so; it is left at 0 dB and not processed");
                continue;
            }
            boolean isLead = p.file().equals(lead);
            int n = count.get(p.role());
            double share = n > 1 && !isLead ? LevelRules.ROLE_SHARE_DB_PER_DECADE * Math.log10(n) : 0;
            // The lead: a vocal (or a stem the producer named) is brought forward by the full focus; a synth
            // line the classifier picked keeps its role's level (the pick is a guess).
            boolean named = s.lead() != null;
            double focus = !isLead ? 0 : p.role() == Role.LEAD_VOCAL || named ? LevelRules.LEAD_FOCUS_DB : LevelRules.INSTRUMENT_LEAD_FOCUS_DB;
            // a named instrument lead sits 1 dB under where a lead vocal would (whatever its role's own offset)
            double roleOffset = isLead && named && p.role() != Role.LEAD_VOCAL ? -1 : LevelRules.offset(p.role(), balance);
            double target = LevelRules.REFERENCE_LUFS + roleOffset + focus + share;
            LevelRules.Move move = LevelRules.styleMove(p.role(), isLead, s);
            double fix = LevelRules.fixFor(p.file(), p.role(), s);
            double measured = p.measured().activeLoudnessLufs();
            double automatic = target + move.db() - measured;
            // A stem far under the others is a part its author buried (a ghost part, a bleed): raising it to its
            // role's level raises its noise as much, and on the bench's known mixes every such stem sat far under.
            boolean buried = measured < median - BURIED_LU && automatic > MAX_BURIED_BOOST_DB;
            if (buried) automatic = MAX_BURIED_BOOST_DB;
            double gain = Math.max(-60, Math.min(30, automatic + fix));
            StringBuilder why = new StringBuilder(String.format(Locale.ROOT, "%s measured %.1f LUFS (active parts); target %.1f LUFS (%s %+.1f%s%s)",
                    p.role().id().replace('_', ' '), measured, target, isLead ? "lead" : "beat".equals(balance) ? "role, beat balance" : "role", roleOffset,
                    isLead ? String.format(Locale.ROOT, ", focus %+.1f", focus) : "",
                    share != 0 ? String.format(Locale.ROOT, ", shared by %d stems %+.1f", n, share) : ""));
            if (!move.reason().isEmpty()) why.append("; ").append(move.reason());
            if (buried) {
                why.append(String.format(Locale.ROOT, "; %.1f LU under the stems' median (%.1f LUFS): a buried part (ghost part or bleed), so the boost "
                        + "is held to %+.0f dB (more would raise its noise as much)", median - measured, median, MAX_BURIED_BOOST_DB));
            }
            if (fix != 0) why.append(String.format(Locale.ROOT, "; fixed %+.1f dB", fix));
            why.append(String.format(Locale.ROOT, " → %+.1f dB", gain));
            leveled.add(p.withGain(round2(gain), why.toString()));
        }
        for (var k : s.fixes().keySet()) {
            boolean matches = leveled.stream().anyMatch(p -> LevelRules.fixMatches(k, p.file(), p.role()));
            if (!matches) notes.add("--fix " + k + " matched no stem");
        }
        // 3. Placement, EQ, dynamics, space.
        List<StemPlan> placed = PanRules.apply(leveled, lead, s);
        List<StemPlan> eqd = EqRules.apply(placed, profiles, lead, s.maskingStrength());
        double amount = Math.max(0, 1 + 0.3 * s.intent("compression")) * ("dry".equals(s.style()) ? 0.8 : 1.0);
        List<StemPlan> leveledAfterInserts = LevelCompensation.apply(eqd, profiles, sessionRate);
        List<StemPlan> dyn = DynamicsRules.apply(leveledAfterInserts, profiles, amount, sessionRate);
        List<StemPlan> spaced = SpaceRules.apply(dyn, lead, s);
        CompressionPlan drumBus = DynamicsRules.drumBus(spaced, amount);
        boolean hasVocal = spaced.stream().anyMatch(p -> p.role().isVocal() && !p.silent());
        SpacePlan space = SpaceRules.space(s, hasVocal);
        // 4. Mix bus.
        MixBusPlan bus = mixBus(spaced, MixBusPlan.DEFAULT_ACTIVITY_GATE_LU, s.targetLufs(), s.peakCeilingDbfs());
        double duration = profiles.stream().mapToDouble(p -> p.summary().durationSeconds()).max().orElse(0);
        return new MixPlan(MixPlan.FORMAT_VERSION, s.style(), balance, sessionRate, rateReason, duration, lead, spaced, drumBus, space, bus, notes);
    }

    /**
     * The mix bus for these stems: the predicted loudness is the power sum of the planned stems (uncorrelated
     * sources), each weighted by the share of the song it plays in at the gate; the trim brings it to the target.
     */
    public static MixBusPlan mixBus(List<StemPlan> stems, double gateLu, double targetLufs, double ceilingDbfs) {
        double power = 0;
        for (StemPlan p : stems) {
            if (!p.silent()) power += p.measured().activeFractionAt(gateLu) * Math.pow(10, (p.measured().activeLoudnessLufs() + p.gainDb()) / 10);
        }
        double predicted = power > 0 ? 10 * Math.log10(power) : Double.NEGATIVE_INFINITY;
        double trim = Double.isFinite(predicted) ? round2(targetLufs - predicted) : 0;
        return new MixBusPlan(trim, round2(predicted), targetLufs, ceilingDbfs, gateLu, String.format(Locale.ROOT,
                "predicted mix %.1f LUFS (stems weighted by the share they play within %.0f LU of their loudness) → trim %+.1f dB to %.1f LUFS; "
                        + "peaks held at or below %.1f dBFS for mastering (turned down, never clipped)",
                predicted, gateLu, trim, targetLufs, ceilingDbfs));
    }

    /**
     * A plan read back for rendering: its mix bus re-derived from its own stems, gate and target, so an edited
     * {@code activity_gate_lu}, {@code target_lufs} or stem gain takes effect; a hand-edited {@code trim_db}
     * (one that no longer equals target minus prediction) is kept as written. An unedited plan is unchanged.
     */
    public static MixPlan followMixBus(MixPlan plan) {
        MixBusPlan b = plan.mixBus();
        if (b == null) return plan;
        boolean trimEdited = Double.isFinite(b.predictedLufs()) && Math.abs(b.trimDb() - round2(b.targetLufs() - b.predictedLufs())) > 0.005;
        if (trimEdited) return plan;
        MixBusPlan again = mixBus(plan.stems(), b.activityGateLu(), b.targetLufs(), b.peakCeilingDbfs());
        if (again.trimDb() == b.trimDb() && again.predictedLufs() == b.predictedLufs()) return plan;
        return plan.withMixBus(again);
    }

    /** The median active loudness of the playing stems (the lower middle value for an even count), or NaN without any. */
    static double medianLoudness(List<StemPlan> stems) {
        double[] v = stems.stream().filter(p -> !p.silent()).mapToDouble(p -> p.measured().activeLoudnessLufs()).sorted().toArray();
        return v.length == 0 ? Double.NaN : v[(v.length - 1) / 2];
    }

    /** --lead, else the most confident lead vocal, else a synth lead that plays a quarter of the song or more, else nothing (no focus). */
    static String chooseLead(List<StemPlan> stems, MixSettings s) {
        if (s.lead() != null) {
            String l = s.lead();
            return stems.stream().filter(p -> p.file().equals(l) || p.file().replaceFirst("\\.[^.]+$", "").equals(l)).map(StemPlan::file)
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("--lead names " + l + ", which is not one of the stems"));
        }
        for (Role r : new Role[]{Role.LEAD_VOCAL, Role.SYNTH_LEAD}) {
            StemPlan best = null;
            for (StemPlan p : stems) {
                if (p.role() != r || p.silent()) continue;
                // A line that plays only a few bars is a feature, not the lead.
                if (r == Role.SYNTH_LEAD && p.measured().activeFraction() < LevelRules.LEAD_MIN_ACTIVE_FRACTION) continue;
                if (best == null || p.roleConfidence() > best.roleConfidence()
                        || p.roleConfidence() == best.roleConfidence() && p.measured().activeFraction() > best.measured().activeFraction()) best = p;
            }
            if (best != null) return best.file();
        }
        return null;
    }

    static double round2(double v) { return Math.round(v * 100) / 100.0; }
}
