package dev.groundwork.beat.compose;

import dev.groundwork.beat.plan.Note;
import dev.groundwork.beat.plan.Section;
import dev.groundwork.beat.style.DrumStyle;
import dev.groundwork.beat.style.Genre;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Drum parts from the genre's pattern grammar: a pattern per section, small per-bar variations
 * (added or moved kicks, ghost snares), fills at phrase ends and hat rolls where the genre has them.
 * Writes every bar; the composer keeps the bars where the part plays.
 */
public final class DrumWriter {
    public static final int KICK = 36, SNARE = 38, CLAP = 39, RIM = 37, CLOSED_HAT = 42, OPEN_HAT = 46;

    private DrumWriter() { }

    public static List<Note> kick(ComposeContext ctx, SplittableRandom rnd) {
        Genre g = ctx.genre();
        DrumStyle st = g.drums;
        List<Note> out = new ArrayList<>();
        Map<String, Integer> choice = new HashMap<>();
        boolean fixed = g.fourOnTheFloor() || g == Genre.REGGAETON || g == Genre.AFROBEATS;
        double density = ctx.feel().density();
        // Half-time kicks are sparse by convention (trap 0, 7, 10; drill 0, 10): the 808 fills the space, so
        // the busier patterns are kept for busy moods and extra kicks stay rare (dark or sparse moods: rarer).
        List<String> kicks = g.halfTime && density < 0.6 ? st.kicks().stream().filter(p -> hits(p) <= 3).toList() : st.kicks();
        for (int bar = 0; bar < ctx.bars(); bar++) {
            Section s = ctx.sectionAtBar(bar);
            int idx = choice.computeIfAbsent(s.name(), n -> rnd.nextInt(kicks.size()));
            String pattern = kicks.get(idx);
            int[] v = Patterns.velocities(pattern, rnd);
            double extraKick = g.halfTime ? (0.05 + 0.3 * density) * s.energy() : 0.2 + 0.4 * density * s.energy();
            if (!fixed && rnd.nextDouble() < extraKick) {
                int[] candidates = {3, 6, 7, 11, 13, 14, 15};
                int step = candidates[rnd.nextInt(candidates.length)];
                if (v[step] == 0 && !isBackbeat(g, step)) {
                    // lo-fi's extra kicks are ghosts: the slow quarter pulse stays with the kick on 1 and 3
                    v[step] = g == Genre.LOFI ? 56 + rnd.nextInt(16) : rnd.nextBoolean() ? 70 + rnd.nextInt(20) : 100;
                }
            }
            // Phrase end before a bigger section: leave the last beat to the fill.
            if (!fixed && ctx.phraseEnd(bar) && bar + 1 < ctx.bars() && ctx.sectionAtBar(bar + 1).energy() > s.energy()) {
                for (int i = 12; i < 16; i++) v[i] = 0;
            }
            add(out, bar, v, Patterns.stepBeats(pattern), KICK, 0.25);
        }
        return out;
    }

    static int hits(String pattern) { return (int) pattern.chars().filter(c -> c != '.').count(); }

    private static boolean isBackbeat(Genre g, int step) {
        return g.backbeatOnThree() ? step == 8 : step == 4 || step == 12;
    }

    public static List<Note> snare(ComposeContext ctx, SplittableRandom rnd, int note) {
        Genre g = ctx.genre();
        DrumStyle st = g.drums;
        List<Note> out = new ArrayList<>();
        Map<String, Integer> choice = new HashMap<>();
        for (int bar = 0; bar < ctx.bars(); bar++) {
            Section s = ctx.sectionAtBar(bar);
            int idx = choice.computeIfAbsent(s.name(), n -> rnd.nextInt(st.snares().size()));
            String pattern = st.snares().get(idx);
            if (g == Genre.DRILL && bar % 2 == 0) pattern = st.snares().get(st.snares().size() - 1); // the late snare every other bar
            int[] v = Patterns.velocities(pattern, rnd);
            boolean swung = g == Genre.BOOM_BAP || g == Genre.LOFI || g == Genre.RNB || g == Genre.DNB;
            if (swung && rnd.nextDouble() < 0.5 * ctx.feel().density()) {
                int[] ghosts = {7, 9, 15, 3, 14};
                int step = ghosts[rnd.nextInt(ghosts.length)];
                if (v[step] == 0) v[step] = 40 + rnd.nextInt(20);
            }
            if (ctx.phraseEnd(bar) && (rnd.nextDouble() < 0.6 || bar == s.endBar() - 1) && bar < ctx.bars() - 1) {
                fill(v, g, rnd);
            }
            add(out, bar, v, Patterns.stepBeats(pattern), note, 0.25);
        }
        return out;
    }

    /** A fill in the last beat: a 16th run rising in velocity (three triplets for half-time genres). */
    private static void fill(int[] v, Genre g, SplittableRandom rnd) {
        if (g.backbeatOnThree()) {
            v[14] = Math.max(v[14], 70);
            v[15] = Math.max(v[15], 90);
            return;
        }
        int[] fillSteps = rnd.nextBoolean() ? new int[]{13, 14, 15} : new int[]{12, 13, 14, 15};
        int vel = 60;
        for (int st : fillSteps) {
            v[st] = Math.max(v[st], vel);
            vel += 15;
        }
    }

    public static List<Note> hats(ComposeContext ctx, SplittableRandom rnd) {
        Genre g = ctx.genre();
        DrumStyle st = g.drums;
        List<Note> out = new ArrayList<>();
        double density = ctx.feel().density();
        for (int bar = 0; bar < ctx.bars(); bar++) {
            Section s = ctx.sectionAtBar(bar);
            boolean busy = s.energy() * (0.5 + density) >= 0.6;
            String pattern = st.hats().get(busy || st.hats().size() == 1 ? 0 : 1);
            int[] v = Patterns.velocities(pattern, rnd);
            double step = Patterns.stepBeats(pattern);
            // Open hats (choked by the next closed hat) replace the closed hit on their step.
            List<Note> opens = new ArrayList<>();
            String open = st.openHats();
            if (open.isEmpty() && (g == Genre.TRAP || g == Genre.RNB) && rnd.nextDouble() < 0.25) open = "..............x.";
            for (int i = 0; i < open.length(); i++) {
                if (open.charAt(i) == '.') continue;
                double at = bar * 4.0 + i * 0.25;
                opens.add(Note.of(at, 0.5, OPEN_HAT, 80 + rnd.nextInt(16)));
                int closed = (int) Math.round(i * 0.25 / step);
                if (closed < v.length && Math.abs(closed * step - i * 0.25) < 1e-9) v[closed] = 0;
            }
            boolean roll = st.hatRolls() && (rnd.nextDouble() < 0.3 + 0.4 * density * s.energy() || ctx.phraseEnd(bar));
            double rollStart = -1, rollEnd = -1;
            if (roll) {
                // Into the snare (beat 2, steps 4-7) or into the next bar (beat 4, steps 12-15); half a beat or a whole one.
                double beat = rnd.nextBoolean() ? 1 : 3;
                double len = rnd.nextBoolean() ? 1.0 : 0.5;
                rollStart = bar * 4.0 + beat + (1 - len);
                rollEnd = bar * 4.0 + beat + 1;
            }
            for (int i = 0; i < v.length; i++) {
                if (v[i] == 0) continue;
                double at = bar * 4.0 + i * step;
                if (roll && at >= rollStart - 1e-9 && at < rollEnd - 1e-9) continue;
                out.add(Note.of(at, Math.min(step, 0.25), CLOSED_HAT, v[i]));
            }
            if (roll) {
                double[] rates = {1.0 / 8, 1.0 / 6, 1.0 / 16}; // 1/32, 1/16 triplet, 1/64
                double rate = rates[rnd.nextInt(rates.length)];
                int n = (int) Math.round((rollEnd - rollStart) / rate);
                boolean up = rnd.nextDouble() < 0.7;
                for (int k = 0; k < n; k++) {
                    double frac = n == 1 ? 1 : k / (double) (n - 1);
                    int vel = (int) Math.round(up ? 50 + 55 * frac : 105 - 45 * frac);
                    out.add(Note.of(rollStart + k * rate, rate, CLOSED_HAT, vel));
                }
            }
            out.addAll(opens);
        }
        out.sort(java.util.Comparator.comparingDouble(Note::startBeats).thenComparingInt(Note::pitch));
        return out;
    }

    public static List<Note> perc(ComposeContext ctx, SplittableRandom rnd, int note) {
        DrumStyle st = ctx.genre().drums;
        List<Note> out = new ArrayList<>();
        List<String> percs = st.percs().isEmpty() ? List.of("..o...o...o..o..") : st.percs();
        Map<String, Integer> choice = new HashMap<>();
        for (int bar = 0; bar < ctx.bars(); bar++) {
            Section s = ctx.sectionAtBar(bar);
            int idx = choice.computeIfAbsent(s.name(), n -> rnd.nextInt(percs.size()));
            String pattern = percs.get(idx);
            add(out, bar, Patterns.velocities(pattern, rnd), Patterns.stepBeats(pattern), note, 0.25);
        }
        return out;
    }

    private static void add(List<Note> out, int bar, int[] v, double step, int pitch, double length) {
        for (int i = 0; i < v.length; i++) {
            if (v[i] > 0) out.add(Note.of(bar * 4.0 + i * step, Math.min(length, step), pitch, Math.min(127, v[i])));
        }
    }
}
