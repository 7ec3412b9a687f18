package dev.groundwork.beat.compose;

import dev.groundwork.beat.plan.Metre;
import dev.groundwork.beat.plan.Note;
import dev.groundwork.beat.plan.Section;
import dev.groundwork.beat.style.DrumStyle;
import dev.groundwork.beat.style.Genre;
import dev.groundwork.beat.style.MetreDrums;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Drum parts from the genre's pattern grammar: a pattern per section, small per-bar variations
 * (added or moved kicks, ghost snares), fills at phrase ends and hat rolls where the genre has them.
 * "Hypnotic" keeps one pattern for the whole beat, without the per-bar variations, and fills and rolls only where a
 * section changes; "rolling" rolls the hats in every bar (trap, drill) or fills the hats' gaps with ghost 16ths (and, in
 * drum and bass, ghosts the snare every bar). Writes every bar; the composer keeps the bars where the part plays.
 */
public final class DrumWriter {
    public static final int KICK = 36, SNARE = 38, CLAP = 39, RIM = 37, CLOSED_HAT = 42, OPEN_HAT = 46;

    private DrumWriter() { }

    public static List<Note> kick(ComposeContext ctx, SplittableRandom rnd) {
        Genre g = ctx.genre();
        DrumStyle st = ctx.drums();
        int steps = ctx.metre().steps();
        List<Note> out = new ArrayList<>();
        Map<String, Integer> choice = new HashMap<>();
        boolean fixed = g.fourOnTheFloor() || g == Genre.REGGAETON || g == Genre.AFROBEATS;
        double density = ctx.feel().density();
        // Half-time kicks are sparse by convention (trap 0, 7, 10; drill 0, 10): the 808 fills the space, so
        // the busier patterns are kept for busy moods and extra kicks stay rare (dark or sparse moods: rarer).
        List<String> kicks = g.halfTime && density < 0.6 ? st.kicks().stream().filter(p -> hits(p) <= 3).toList() : st.kicks();
        boolean hypnotic = ctx.feel().hypnotic();
        for (int bar = 0; bar < ctx.bars(); bar++) {
            Section s = ctx.sectionAtBar(bar);
            int idx = choice.computeIfAbsent(patternKey(ctx, s), n -> rnd.nextInt(kicks.size()));
            String pattern = kicks.get(idx);
            int[] v = Patterns.velocities(pattern, rnd);
            double extraKick = g.halfTime ? (0.05 + 0.3 * density) * s.energy() : 0.2 + 0.4 * density * s.energy();
            if (!fixed && !hypnotic && rnd.nextDouble() < extraKick) {
                int[] candidates = g == Genre.RNB && ctx.metre() == Metre.FOUR_FOUR ? RNB_EXTRA_KICKS : extraKickSteps(ctx.metre());
                int step = candidates[rnd.nextInt(candidates.length)];
                if (v[step] == 0 && !isBackbeat(ctx, step)) {
                    // lo-fi's extra kicks are ghosts: the slow quarter pulse stays with the kick on 1 and 3
                    v[step] = g == Genre.LOFI ? 56 + rnd.nextInt(16) : rnd.nextBoolean() ? 70 + rnd.nextInt(20) : 100;
                }
            }
            // Phrase end before a bigger section: leave the last beat to the fill.
            if (!fixed && ctx.phraseEnd(bar) && bar + 1 < ctx.bars() && ctx.sectionAtBar(bar + 1).energy() > s.energy()) {
                for (int i = steps - ctx.metre().pulseSteps(); i < steps; i++) v[i] = 0;
            }
            // the downbeat always has its kick: it is what tells the metre
            if (v[0] == 0) v[0] = 100;
            add(out, ctx, bar, v, Patterns.stepBeats(pattern, ctx.barBeats()), KICK, 0.25);
        }
        return out;
    }

    /** The key a drum pattern is chosen by: the section's name, or one pattern for the whole beat when it is hypnotic. */
    private static String patternKey(ComposeContext ctx, Section s) { return ctx.feel().hypnotic() ? "all" : s.name(); }

    /** A phrase end that gets a fill: every one (by chance), or only where a section ends when the beat is hypnotic. */
    private static boolean fillBar(ComposeContext ctx, int bar, Section s) {
        return ctx.feel().hypnotic() ? bar == s.endBar() - 1 : ctx.phraseEnd(bar);
    }

    /** R&B's extra kicks fall a 16th off the beat (3, 7, 11, 13, 15): on an off-beat 8th they would double the felt tempo. */
    private static final int[] RNB_EXTRA_KICKS = {3, 7, 11, 13, 15};

    static int hits(String pattern) { return (int) pattern.chars().filter(c -> c != '.').count(); }

    /** Off-beat steps where an extra kick may fall (never a downbeat or the backbeat). */
    private static int[] extraKickSteps(Metre metre) {
        return switch (metre) {
            case FOUR_FOUR -> new int[]{3, 6, 7, 11, 13, 14, 15};
            case THREE_FOUR -> new int[]{3, 6, 10, 11};
            case SIX_EIGHT -> new int[]{4, 8, 10};
            case TWELVE_EIGHT -> new int[]{4, 8, 10, 16, 20, 22};
        };
    }

    private static boolean isBackbeat(ComposeContext ctx, int step) {
        if (ctx.genre().backbeatOnThree() && ctx.metre() == Metre.FOUR_FOUR) return step == 8;
        for (int b : ctx.metre().backbeatSteps()) if (b == step) return true;
        return false;
    }

    public static List<Note> snare(ComposeContext ctx, SplittableRandom rnd, int note) {
        Genre g = ctx.genre();
        DrumStyle st = ctx.drums();
        List<Note> out = new ArrayList<>();
        Map<String, Integer> choice = new HashMap<>();
        for (int bar = 0; bar < ctx.bars(); bar++) {
            Section s = ctx.sectionAtBar(bar);
            int idx = choice.computeIfAbsent(patternKey(ctx, s), n -> rnd.nextInt(st.snares().size()));
            String pattern = st.snares().get(idx);
            if (g == Genre.DRILL && bar % 2 == 0) pattern = st.snares().get(st.snares().size() - 1); // the late snare every other bar
            int[] v = Patterns.velocities(pattern, rnd);
            if (g == Genre.RNB && s.energy() < 0.5) {
                // R&B's drumless intro and outro keep only a soft snap on 2 and 4 (no ghosts, no fill): the pulse
                // under the keys, nothing between the beats
                for (int i = 0; i < v.length; i++) v[i] = v[i] * 3 / 4;
                add(out, ctx, bar, v, Patterns.stepBeats(pattern, ctx.barBeats()), note, 0.25);
                continue;
            }
            // R&B's clap stays on the beat: at 60-100 BPM a ghost clap, or a fill's 16th run of claps rising to the last
            // 16th, is the loudest thing between the beats and pulls the slow pulse to double time or a triplet feel
            // (read at 108 and 144 for a 72 BPM R&B beat); its phrase end is a clap on 3 as well, on the beat
            boolean onBeat = g == Genre.RNB && ctx.metre() == Metre.FOUR_FOUR;
            boolean swung = g == Genre.BOOM_BAP || g == Genre.LOFI || g == Genre.DNB || (g == Genre.RNB && !onBeat);
            // a rolling drum and bass break ghosts the snare twice in every bar; a hypnotic beat leaves the ghosts out
            boolean rollingBreak = g == Genre.DNB && ctx.feel().rolling();
            int ghostCount = rollingBreak ? 2 : swung && !ctx.feel().hypnotic() && rnd.nextDouble() < 0.5 * ctx.feel().density() ? 1 : 0;
            for (int k = 0; k < ghostCount; k++) {
                int[] ghosts = ghostSnareSteps(ctx.metre());
                int step = ghosts[rnd.nextInt(ghosts.length)];
                if (v[step] == 0) v[step] = 40 + rnd.nextInt(20);
            }
            if (fillBar(ctx, bar, s) && (rnd.nextDouble() < 0.6 || bar == s.endBar() - 1) && bar < ctx.bars() - 1) {
                if (onBeat) v[8] = Math.max(v[8], 72 + rnd.nextInt(16));
                else fill(v, ctx, rnd);
            }
            add(out, ctx, bar, v, Patterns.stepBeats(pattern, ctx.barBeats()), note, 0.25);
        }
        return out;
    }

    private static int[] ghostSnareSteps(Metre metre) {
        return switch (metre) {
            case FOUR_FOUR -> new int[]{7, 9, 15, 3, 14};
            case THREE_FOUR -> new int[]{7, 11, 3, 10};
            case SIX_EIGHT -> new int[]{3, 9, 11, 10};
            case TWELVE_EIGHT -> new int[]{9, 21, 15, 22, 10};
        };
    }

    /** A fill in the last beat: a 16th run rising in velocity (three 8ths in 6/8 and 12/8; two hits for half-time genres). */
    private static void fill(int[] v, ComposeContext ctx, SplittableRandom rnd) {
        Genre g = ctx.genre();
        int steps = v.length;
        if (ctx.metre().compound()) {
            int vel = 60;
            for (int st = steps - 6; st < steps; st += 2) {
                v[st] = Math.max(v[st], vel);
                vel += 15;
            }
            return;
        }
        if (g.backbeatOnThree()) {
            v[steps - 2] = Math.max(v[steps - 2], 70);
            v[steps - 1] = Math.max(v[steps - 1], 90);
            return;
        }
        int[] fillSteps = rnd.nextBoolean() ? new int[]{steps - 3, steps - 2, steps - 1} : new int[]{steps - 4, steps - 3, steps - 2, steps - 1};
        int vel = 60;
        for (int st : fillSteps) {
            v[st] = Math.max(v[st], vel);
            vel += 15;
        }
    }

    public static List<Note> hats(ComposeContext ctx, SplittableRandom rnd) {
        Genre g = ctx.genre();
        DrumStyle st = ctx.drums();
        double barBeats = ctx.barBeats();
        List<Note> out = new ArrayList<>();
        double density = ctx.feel().density();
        boolean rolling = ctx.feel().rolling(), hypnotic = ctx.feel().hypnotic();
        // rolling where the genre has no hat rolls: ghost hits in the hat pattern's gaps (never R&B or lo-fi, whose slow
        // beats would be heard at double time)
        boolean ghostGaps = rolling && !st.hatRolls() && !g.rollsSoundDoubleTime();
        double[] rollShape = null; // a hypnotic beat rolls the same way every time: {end in bar, length, rate, up}
        for (int bar = 0; bar < ctx.bars(); bar++) {
            Section s = ctx.sectionAtBar(bar);
            double barStart = ctx.barStart(bar);
            // a hypnotic beat keeps one hat pattern in every section, the one its busiest section would play
            boolean busy = (hypnotic ? 1 : s.energy()) * (0.5 + density) >= 0.6;
            String pattern = st.hats().get(busy || st.hats().size() == 1 ? 0 : 1);
            int[] v = Patterns.velocities(pattern, rnd);
            if (ghostGaps) for (int i = 0; i < v.length; i++) if (v[i] == 0) v[i] = 34 + rnd.nextInt(12);
            double step = Patterns.stepBeats(pattern, barBeats);
            // Open hats (choked by the next closed hat) replace the closed hit on their step.
            List<Note> opens = new ArrayList<>();
            String open = st.openHats();
            // an open hat on the last off-beat 8th of the bar (now and then: never in a hypnotic beat, whose bars stay alike)
            if (open.isEmpty() && g == Genre.TRAP && !hypnotic && rnd.nextDouble() < 0.25) open = ".".repeat(ctx.metre().steps() - 2) + "x.";
            for (int i = 0; i < open.length(); i++) {
                if (open.charAt(i) == '.') continue;
                double at = barStart + i * 0.25;
                opens.add(Note.of(at, 0.5, OPEN_HAT, 80 + rnd.nextInt(16)));
                int closed = (int) Math.round(i * 0.25 / step);
                if (closed < v.length && Math.abs(closed * step - i * 0.25) < 1e-9) v[closed] = 0;
            }
            boolean roll = st.hatRolls() && (rolling || (hypnotic ? bar == s.endBar() - 1
                    : rnd.nextDouble() < 0.3 + 0.4 * density * s.energy() || ctx.phraseEnd(bar)));
            double rollStart = -1, rollEnd = -1, rate = 0;
            boolean up = true;
            if (roll) {
                // Into the middle of the bar (4/4: beat 2, steps 4-7, into trap's snare on 3) or the first backbeat of the
                // other metres, or into the next bar; half a beat or a whole one.
                if (rollShape == null || !hypnotic) {
                    double into = barBeats == 4 ? 2.0 : ctx.metre().backbeatSteps()[0] * 0.25;
                    double[] rates = {1.0 / 8, 1.0 / 6, 1.0 / 16}; // 1/32, 1/16 triplet, 1/64
                    double end = rnd.nextBoolean() ? into : barBeats;
                    double len = rnd.nextBoolean() ? 1.0 : 0.5;
                    double r = rates[rnd.nextInt(rates.length)];
                    rollShape = new double[]{end, len, r, rnd.nextDouble() < 0.7 ? 1 : 0};
                }
                rollStart = barStart + rollShape[0] - rollShape[1];
                rollEnd = barStart + rollShape[0];
                rate = rollShape[2];
                up = rollShape[3] == 1;
            }
            for (int i = 0; i < v.length; i++) {
                if (v[i] == 0) continue;
                double at = barStart + i * step;
                if (roll && at >= rollStart - 1e-9 && at < rollEnd - 1e-9) continue;
                out.add(Note.of(at, Math.min(step, 0.25), CLOSED_HAT, v[i]));
            }
            if (roll) {
                int n = (int) Math.round((rollEnd - rollStart) / rate);
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
        DrumStyle st = ctx.drums();
        List<Note> out = new ArrayList<>();
        List<String> percs = st.percs().isEmpty() ? List.of(MetreDrums.defaultPerc(ctx.metre())) : st.percs();
        Map<String, Integer> choice = new HashMap<>();
        for (int bar = 0; bar < ctx.bars(); bar++) {
            Section s = ctx.sectionAtBar(bar);
            int idx = choice.computeIfAbsent(patternKey(ctx, s), n -> rnd.nextInt(percs.size()));
            String pattern = percs.get(idx);
            add(out, ctx, bar, Patterns.velocities(pattern, rnd), Patterns.stepBeats(pattern, ctx.barBeats()), note, 0.25);
        }
        return out;
    }

    private static void add(List<Note> out, ComposeContext ctx, int bar, int[] v, double step, int pitch, double length) {
        for (int i = 0; i < v.length; i++) {
            if (v[i] > 0) out.add(Note.of(ctx.barStart(bar) + i * step, Math.min(length, step), pitch, Math.min(127, v[i])));
        }
    }
}
