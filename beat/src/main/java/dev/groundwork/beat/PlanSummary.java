package dev.groundwork.beat;

import dev.groundwork.beat.plan.BeatPlan;
import dev.groundwork.beat.plan.Chord;
import dev.groundwork.beat.plan.Note;
import dev.groundwork.beat.plan.Section;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The few facts that tell two beats apart at a glance (for --variations): tempo, key, the hook's
 * progression, the kick pattern, hat rolls, 808 glides and how busy the melody is.
 */
public record PlanSummary(long seed, double tempoBpm, String key, String progression, String kickPattern,
                          int hatRollNotes, int glides, int melodyNotes, String form) {
    public static PlanSummary of(BeatPlan plan) {
        Section hook = plan.sections().stream().filter(s -> s.energy() >= 0.9).findFirst().orElse(plan.sections().get(0));
        String prog = plan.chords().stream().filter(c -> c.bar() >= hook.startBar() && c.bar() < hook.startBar() + 4)
                .map(Chord::symbol).collect(Collectors.joining(" "));
        String kick = "";
        if (plan.hasPart("kick")) {
            char[] steps = ".".repeat(plan.metre().steps()).toCharArray();
            double from = hook.startBar() * plan.barBeats();
            for (Note n : plan.part("kick").notes()) {
                double rel = n.startBeats() - from;
                if (rel >= 0 && rel < plan.barBeats() && Math.abs(rel * 4 - Math.round(rel * 4)) < 1e-9) steps[(int) Math.round(rel * 4)] = 'x';
            }
            kick = new String(steps);
        }
        int rolls = plan.hasPart("hats") ? (int) plan.part("hats").notes().stream().filter(n -> n.lengthBeats() < 0.2).count() : 0;
        int glides = plan.hasPart("bass") ? (int) plan.part("bass").notes().stream().filter(n -> n.glideFrom() != null).count() : 0;
        int mel = plan.hasPart("melody") ? plan.part("melody").notes().size() : 0;
        String form = plan.sections().stream().map(s -> s.name() + " " + s.bars()).collect(Collectors.joining(", "));
        return new PlanSummary(plan.seed(), plan.tempoBpm(), plan.key().name(), prog, kick, rolls, glides, mel, form);
    }

    /** A plain-text table, one row per beat. */
    public static String table(List<String> names, List<PlanSummary> rows) {
        StringBuilder sb = new StringBuilder();
        String fmt = "%-6s %-6s %-6s %-12s %-28s %-17s %5s %6s %7s%n";
        sb.append(String.format(java.util.Locale.ROOT, fmt, "beat", "seed", "bpm", "key", "hook chords", "kick (hook bar 1)", "rolls", "glides", "melody"));
        for (int i = 0; i < rows.size(); i++) {
            PlanSummary r = rows.get(i);
            sb.append(String.format(java.util.Locale.ROOT, fmt, names.get(i), r.seed, fmtBpm(r.tempoBpm), r.key, r.progression,
                    r.kickPattern.isEmpty() ? "-" : r.kickPattern, r.hatRollNotes, r.glides, r.melodyNotes));
        }
        return sb.toString();
    }

    private static String fmtBpm(double v) { return v == Math.rint(v) ? String.valueOf((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v); }

}
