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
     * A stem the producer names as a bleed or room track (--bleed) is set this far under its role's level: a
     * spill or ambience track is blended under the close sources, not raised to lead them. An earlier rule held
     * back any stem 20 LU under the stems' median; it broke input-gain invariance (an input fader moved a stem
     * across the line and changed the mix), and level alone cannot tell a bleed from a quiet export.
     */
    static final double BLEED_UNDER_ROLE_DB = 12;

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
                    null, null, "", g.role().isDrum(), false, null, null));
        }
        String unknown = unknownStemName(s, stems.stream().map(StemPlan::file).toList());
        if (unknown != null) throw new IllegalArgumentException(unknown);
        String lead = chooseLead(stems, s);
        String focusedLead = null;   // the lead given the full focus: a lead vocal or the stem the producer named
        // 2. Levels.
        String balance = BalanceChoice.resolve(s.balance(), stems, notes);
        Map<Role, Integer> count = new EnumMap<>(Role.class);
        for (StemPlan p : stems) if (!p.silent()) count.merge(p.role(), 1, Integer::sum);
        List<StemPlan> leveled = new ArrayList<>();
        double[] movesDb = new double[stems.size()];   // style, intent and fix moves: kept out of the masking rule's view
        boolean[] held = new boolean[stems.size()];      // bleed stems keep the level the producer asked for
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
            boolean focused = isLead && (p.role() == Role.LEAD_VOCAL || named);
            double focus = focused ? LevelRules.LEAD_FOCUS_DB : isLead ? LevelRules.INSTRUMENT_LEAD_FOCUS_DB : 0;
            if (focused) focusedLead = p.file();
            // a named instrument lead sits 1 dB under where a lead vocal would (whatever its role's own offset)
            double roleOffset = isLead && named && p.role() != Role.LEAD_VOCAL ? -1 : LevelRules.offset(p.role(), balance);
            boolean bleed = s.bleedStems().stream().anyMatch(b -> matchesFile(b, p.file()));
            double target = LevelRules.REFERENCE_LUFS + roleOffset + focus + share - (bleed ? BLEED_UNDER_ROLE_DB : 0);
            LevelRules.Move move = LevelRules.styleMove(p.role(), isLead, s);
            double fix = LevelRules.fixFor(p.file(), p.role(), s);
            double measured = p.measured().activeLoudnessLufs();
            double automatic = target + move.db() - measured;
            double gain = Math.max(-60, Math.min(30, automatic + fix));
            movesDb[leveled.size()] = move.db() + fix;
            held[leveled.size()] = bleed;
            StringBuilder why = new StringBuilder(String.format(Locale.ROOT, "%s measured %.1f LUFS (active parts); target %.1f LUFS (%s %+.1f%s%s)",
                    p.role().id().replace('_', ' '), measured, target, isLead ? "lead" : "beat".equals(balance) ? "role, beat balance" : "role", roleOffset,
                    isLead ? String.format(Locale.ROOT, ", focus %+.1f", focus) : "",
                    share != 0 ? String.format(Locale.ROOT, ", shared by %d stems %+.1f", n, share) : ""));
            if (!move.reason().isEmpty()) why.append("; ").append(move.reason());
            if (bleed) why.append(String.format(Locale.ROOT, "; named as bleed/room: held %.0f dB under its role's level", BLEED_UNDER_ROLE_DB));
            if (fix != 0) why.append(String.format(Locale.ROOT, "; fixed %+.1f dB", fix));
            why.append(String.format(Locale.ROOT, " → %+.1f dB", gain));
            leveled.add(p.withGain(round2(gain), why.toString()).withBleed(bleed));
        }
        for (var k : s.fixes().keySet()) {
            boolean matches = leveled.stream().anyMatch(p -> LevelRules.fixMatches(k, p.file(), p.role()));
            if (!matches) notes.add("--fix " + k + " matched no stem");
        }
        // 3. Placement, EQ, dynamics, space.
        List<StemPlan> placed = PanRules.apply(leveled, lead, s);
        List<StemPlan> eqd = EqRules.apply(placed, profiles, lead, s.maskingStrength());
        double amount = Math.max(0, 1 + 0.3 * s.intent("compression")) * ("dry".equals(s.style()) ? 0.8 : 1.0);
        List<StemPlan> leveledAfterInserts = MaskingRules.apply(LevelCompensation.apply(eqd, profiles, sessionRate), profiles, movesDb, held,
                focusedLead, sessionRate, s.maskingLevel());
        List<StemPlan> dyn = DynamicsRules.apply(leveledAfterInserts, profiles, amount, sessionRate);
        List<StemPlan> spaced = SpaceRules.apply(dyn, lead, s);
        CompressionPlan drumBus = DynamicsRules.drumBus(spaced, amount);
        boolean hasVocal = spaced.stream().anyMatch(p -> p.role().isVocal() && !p.silent());
        SpacePlan space = SpaceRules.space(s, hasVocal);
        // 4. Mix bus.
        MixBusPlan bus = mixBus(spaced, MixBusPlan.DEFAULT_ACTIVITY_GATE_LU, s.targetLufs(), s.peakCeilingDbfs());
        double duration = profiles.stream().mapToDouble(p -> p.summary().durationSeconds()).max().orElse(0);
        return new MixPlan(MixPlan.FORMAT_VERSION, s.style(), balance, s.maskingStrength(), s.maskingLevel(), sessionRate, rateReason, duration, lead, spaced, drumBus, space, bus, notes);
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

    /**
     * A plan read back for rendering: an edited {@code masking_strength} redoes the masking cuts (see
     * {@link EqRules#followStrength}), an edited {@code masking_level} moves the faders (see {@link MaskingRules#followLevel}),
     * then the mix bus follows the stems ({@link #followMixBus}). An unedited plan is unchanged.
     */
    public static MixPlan followEdits(MixPlan plan) {
        return followMixBus(MaskingRules.followLevel(EqRules.followStrength(plan)));
    }

    /**
     * The first --role, --bleed or --lead that names no stem among {@code files}, as the message to show, else null. The job asks
     * before it reads any audio; the planner asks again for callers that plan directly.
     */
    public static String unknownStemName(MixSettings s, List<String> files) {
        for (var k : s.roles().keySet()) {
            if (!files.contains(k)) return "--role names " + k + ", which is not one of the stems";
        }
        for (String b : s.bleedStems()) {
            if (files.stream().noneMatch(f -> matchesFile(b, f))) return "--bleed names " + b + ", which is not one of the stems";
        }
        if (s.lead() != null && files.stream().noneMatch(f -> matchesFile(s.lead(), f))) return "--lead names " + s.lead() + ", which is not one of the stems";
        return null;
    }

    private static boolean matchesFile(String name, String file) {
        return name.equals(file) || name.equals(file.replaceFirst("\\.[^.]+$", ""));
    }

    /** --lead, else the most confident lead vocal, else a synth lead that plays a quarter of the song or more, else nothing (no focus). */
    static String chooseLead(List<StemPlan> stems, MixSettings s) {
        if (s.lead() != null) {
            String l = s.lead();
            return stems.stream().filter(p -> matchesFile(l, p.file())).map(StemPlan::file)
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
