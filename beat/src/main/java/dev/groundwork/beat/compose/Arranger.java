package dev.groundwork.beat.compose;

import dev.groundwork.beat.plan.Section;
import dev.groundwork.beat.style.Genre;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Song form: sections with lengths, an energy curve, and which parts play where. Parts enter as
 * energy rises (drums and bass with the verse, percussion and melody in the hook) and leave for
 * the outro, the way a producer arranges a loop into a song.
 */
public final class Arranger {
    public static final List<String> ALL_PARTS = List.of("kick", "snare", "hats", "perc", "bass", "chords", "melody");

    private Arranger() { }

    public static double energy(String section) {
        return switch (section) {
            case "intro" -> 0.35;
            case "verse" -> 0.65;
            case "hook", "chorus", "drop", "loop" -> 1.0;
            case "bridge" -> 0.5;
            case "break" -> 0.35;
            case "build" -> 0.6;
            case "outro" -> 0.3;
            default -> 0.7;
        };
    }

    static int defaultBars(String section, Genre g) {
        boolean dance = g.dance();
        return switch (section) {
            case "intro", "outro" -> dance ? 8 : 4;
            case "verse" -> dance ? 16 : 8;
            case "drop" -> dance ? 16 : 8;
            case "build" -> 4;
            default -> 8;
        };
    }

    public static List<String> defaultForm(Genre g) {
        if (g == Genre.HOUSE || g == Genre.TECHNO) return List.of("intro", "verse", "break", "drop", "outro");
        if (g == Genre.DNB) return List.of("intro", "drop", "break", "drop", "outro");
        return List.of("intro", "verse", "hook", "verse", "hook", "outro");
    }

    /** Section names and bar counts that add up to the target length (null target: the form's own length). */
    public static List<int[]> lengths(List<String> form, Genre g, Integer targetBars) {
        int[] bars = new int[form.size()];
        int sum = 0;
        for (int i = 0; i < bars.length; i++) sum += bars[i] = defaultBars(form.get(i), g);
        List<int[]> out = new ArrayList<>();
        if (targetBars == null || targetBars == sum) {
            for (int b : bars) out.add(new int[]{b});
            return out;
        }
        double scale = targetBars / (double) sum;
        // a length of whole four-bar phrases, long enough for one per section, keeps every section whole phrases too
        boolean phrases = targetBars % 4 == 0 && targetBars >= 4 * bars.length;
        int total = 0;
        for (int i = 0; i < bars.length; i++) {
            double want = bars[i] * scale;
            int b = want >= 4 || phrases ? (int) Math.max(4, 4 * Math.round(want / 4)) : (int) Math.max(1, Math.round(want));
            bars[i] = b;
            total += b;
        }
        // Put the remainder on (or take it from) the longest high-energy sections, keeping each at least one bar.
        while (total != targetBars) {
            int best = -1;
            for (int i = 0; i < bars.length; i++) {
                if (total > targetBars && bars[i] <= (phrases ? 4 : 1)) continue;
                if (best < 0 || energy(form.get(i)) > energy(form.get(best))
                        || (energy(form.get(i)) == energy(form.get(best)) && bars[i] > bars[best])) best = i;
            }
            if (best < 0) break;
            int step = total > targetBars ? -1 : 1;
            int chunk = phrases || (Math.abs(total - targetBars) >= 4 && bars[best] + 4 * step >= 1) ? 4 : 1;
            bars[best] += step * chunk;
            total += step * chunk;
        }
        for (int b : bars) out.add(new int[]{b});
        return out;
    }

    /** Whether a part plays in a section of the given energy (before the prompt's includes and excludes). */
    public static boolean plays(String part, String section, double energy, Genre g, double density) {
        boolean dance = g.dance();
        boolean brk = section.equals("break");
        return switch (part) {
            case "kick" -> energy >= 0.5 || (dance && energy >= 0.3 && !brk);
            // R&B keeps its snap (the kit's clap) on 2 and 4 under the drumless intro and outro: keys alone, struck on
            // 1 and 3 and ringing, leave the slow pulse to be guessed, and are heard (and detected) at double time
            case "snare" -> dance ? energy >= 0.6 : energy >= 0.5 || g == Genre.RNB;
            case "hats" -> energy >= 0.5 || (dance && energy >= 0.3 && !brk) || section.equals("build");
            case "perc" -> energy >= 0.9 || (dance && energy >= 0.6);
            case "bass" -> energy >= 0.5;
            case "chords" -> true;
            case "melody" -> energy >= 0.9 || section.equals("intro") || brk || (section.equals("verse") && density > 0.7);
            default -> false;
        };
    }

    /** Builds the sections; {@code parts} are the parts the beat has at all. */
    public static List<Section> arrange(List<String> form, Genre g, Integer targetBars, List<String> parts, Set<String> include,
                                        double density, boolean loop) {
        List<Section> out = new ArrayList<>();
        if (loop) {
            int bars = targetBars == null ? 8 : targetBars;
            out.add(new Section("loop", 0, bars, 1.0, 0, parts));
            return out;
        }
        List<int[]> lengths = lengths(form, g, targetBars);
        int at = 0;
        for (int i = 0; i < form.size(); i++) {
            String name = form.get(i);
            double e = energy(name);
            List<String> playing = new ArrayList<>();
            for (String p : parts) if (plays(p, name, e, g, density)) playing.add(p);
            if (playing.isEmpty()) playing.addAll(parts);
            out.add(new Section(name, at, lengths.get(i)[0], e, 0, playing));
            at += lengths.get(i)[0];
        }
        // A part the prompt asked for must be heard: if the form left it out everywhere, bring it into every busy section.
        for (String p : include) {
            if (!parts.contains(p)) continue;
            boolean heard = out.stream().anyMatch(s -> s.parts().contains(p));
            if (heard) continue;
            for (int i = 0; i < out.size(); i++) {
                Section s = out.get(i);
                if (s.energy() >= 0.5 || out.size() == 1) {
                    List<String> ps = new ArrayList<>(s.parts());
                    ps.add(p);
                    out.set(i, s.withParts(ordered(ps)));
                }
            }
        }
        return out;
    }

    static List<String> ordered(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String p : ALL_PARTS) if (names.contains(p)) out.add(p);
        for (String p : names) if (!out.contains(p)) out.add(p);
        return out;
    }
}
