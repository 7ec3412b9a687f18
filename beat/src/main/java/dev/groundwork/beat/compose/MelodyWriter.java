package dev.groundwork.beat.compose;

import dev.groundwork.beat.plan.Chord;
import dev.groundwork.beat.plan.Metre;
import dev.groundwork.beat.plan.Note;
import dev.groundwork.beat.plan.Section;
import dev.groundwork.beat.style.Genre;
import dev.groundwork.beat.theory.Key;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Melody from a two-bar motif: a rhythm and a contour in scale steps. Each bar realises the motif
 * over its own chord (chord tones on strong beats, scale steps between); the fourth bar of a phrase
 * answers and comes to rest on the tonic; intros play the motif thinned to its strong notes. "Melodic" makes the motif
 * busier; "hypnotic" plays one bar's motif in every bar, from the same chord tone, so each phrase repeats the last.
 */
public final class MelodyWriter {
    private record MotifNote(int step, int steps, boolean strong) { }

    private MelodyWriter() { }

    public static int[] range(String sound, int shift) {
        int[] r = switch (sound) {
            case "bells" -> new int[]{72, 88};
            case "pluck" -> new int[]{62, 79};
            case "lead" -> new int[]{64, 81};
            default -> new int[]{60, 79};
        };
        return new int[]{r[0] + shift, r[1] + shift};
    }

    public static List<Note> write(ComposeContext ctx, String sound, SplittableRandom rnd) {
        double density = Math.min(1, ctx.feel().density() + (ctx.feel().melodic() ? 0.25 : 0));
        boolean hypnotic = ctx.feel().hypnotic();
        int[] range = range(sound, ctx.feel().registerShift());
        Metre metre = ctx.metre();
        List<List<MotifNote>> motif = List.of(motifBar(rnd, density, true, metre), motifBar(rnd, density, false, metre));
        List<MotifNote> answer = answerBar(rnd, metre);
        if (hypnotic) {
            motif = List.of(motif.get(0), motif.get(0));
            answer = motif.get(0); // its last note still comes to rest on the tonic
        }
        double barBeats = ctx.barBeats();
        boolean jazzy = ctx.genre().jazzy();
        List<Note> out = new ArrayList<>();
        int prev = -1;
        for (int bar = 0; bar < ctx.bars(); bar++) {
            Section s = ctx.sectionAtBar(bar);
            int inSection = bar - s.startBar();
            boolean answerBar = inSection % 4 == 3;
            List<MotifNote> notes = answerBar ? answer : motif.get(inSection % 2);
            boolean thin = s.energy() < 0.5;
            Key key = ctx.keyAtBar(bar);
            if (prev < 0 || hypnotic) prev = nearestChordTone(ctx.chordAtBar(bar), (range[0] + range[1]) / 2, range);
            for (int i = 0; i < notes.size(); i++) {
                MotifNote m = notes.get(i);
                if (thin && !m.strong) continue;
                // the chord sounding under this note (a turnaround bar has two)
                Chord chord = ctx.chordAt(bar, m.step * 0.25);
                int target = scaleStep(key, prev, m.steps);
                int pitch;
                if (answerBar && i == notes.size() - 1) {
                    pitch = nearestPitchClass(Math.floorMod(key.tonic(), 12), target, range);
                    if (!chord.contains(pitch)) pitch = nearestChordTone(chord, target, range);
                } else if (m.strong) {
                    pitch = nearestChordTone(chord, target, range);
                } else {
                    pitch = fold(target, range, key);
                }
                double at = ctx.barStart(bar) + m.step * 0.25;
                double end = i + 1 < notes.size() ? ctx.barStart(bar) + notes.get(i + 1).step * 0.25 : ctx.barStart(bar) + barBeats;
                double len = Math.max(0.125, (end - at) * (sound.equals("pluck") || sound.equals("bells") ? 1.0 : 0.9));
                int vel = (m.strong ? 96 : 80) + rnd.nextInt(12) - 6;
                // A chromatic approach from a semitone below into a strong note (jazzy genres), marked as such.
                if (jazzy && m.strong && m.step >= 1 && i > 0 && notes.get(i - 1).step < m.step - 1 && rnd.nextDouble() < 0.2) {
                    int approach = pitch - 1;
                    if (!key.contains(approach)) {
                        out.add(new Note(at - 0.25, 0.25, approach, vel - 12, true, null));
                    }
                }
                out.add(new Note(at, Math.min(len, barBeats), pitch, Math.max(1, Math.min(127, vel)),
                        chord.isChromatic(pitch) || !key.contains(pitch), null));
                prev = pitch;
            }
        }
        out.sort(java.util.Comparator.comparingDouble(Note::startBeats));
        return out;
    }

    /** Strong steps are the felt beats: every quarter, or every dotted quarter in 6/8 and 12/8. */
    private static List<MotifNote> motifBar(SplittableRandom rnd, double density, boolean first, Metre metre) {
        int count = 3 + (int) Math.round(density * 4 + rnd.nextInt(2));
        int steps = metre.steps(), pulse = metre.pulseSteps();
        boolean[] on = new boolean[steps];
        on[first || rnd.nextBoolean() ? 0 : 2] = true;
        int placed = 1, guard = 0;
        while (placed < count && guard++ < 200) {
            // compound metres move in 8ths (even steps), the simple ones in 16ths
            int s = metre.compound() ? 2 * rnd.nextInt(steps / 2) : rnd.nextInt(steps);
            boolean strongStep = s % pulse == 0;
            if (on[s]) continue;
            if (!strongStep && rnd.nextDouble() < 0.45) continue;
            on[s] = true;
            placed++;
        }
        List<MotifNote> out = new ArrayList<>();
        for (int s = 0; s < steps; s++) {
            if (!on[s]) continue;
            int move = out.isEmpty() ? 0 : (rnd.nextDouble() < 0.7 ? (rnd.nextBoolean() ? 1 : -1) : (rnd.nextBoolean() ? 2 : -2));
            out.add(new MotifNote(s, move, s % pulse == 0));
        }
        return out;
    }

    /** The answer: a short figure that falls to a long note on beat 3 (3/4 too), or on the second half's first dotted quarter. */
    private static List<MotifNote> answerBar(SplittableRandom rnd, Metre metre) {
        List<MotifNote> out = new ArrayList<>();
        out.add(new MotifNote(0, rnd.nextBoolean() ? 1 : 2, true));
        if (metre.compound()) {
            int rest = metre.steps() / 2;
            out.add(new MotifNote(rnd.nextBoolean() ? rest / 3 : 2 * rest / 3, -1, false));
            out.add(new MotifNote(rest, -1, true));
        } else {
            out.add(new MotifNote(rnd.nextBoolean() ? 3 : 6, -1, false));
            out.add(new MotifNote(8, -1, true));
        }
        return out;
    }

    /** Moves by scale steps from a pitch (chromatic pitches first snap into the key). */
    static int scaleStep(Key key, int from, int steps) {
        int p = from;
        while (!key.contains(p)) p--;
        int dir = Integer.signum(steps);
        for (int k = 0; k < Math.abs(steps); k++) {
            p += dir;
            while (!key.contains(p)) p += dir;
        }
        return p;
    }

    private static int fold(int p, int[] range, Key key) {
        while (p > range[1]) p -= 12;
        while (p < range[0]) p += 12;
        return p;
    }

    static int nearestChordTone(Chord c, int target, int[] range) {
        int best = -1;
        for (int p = range[0]; p <= range[1]; p++) {
            if (!c.contains(p)) continue;
            if (best < 0 || Math.abs(p - target) < Math.abs(best - target)) best = p;
        }
        return best < 0 ? target : best;
    }

    private static int nearestPitchClass(int pc, int target, int[] range) {
        int best = -1;
        for (int p = range[0]; p <= range[1]; p++) {
            if (Math.floorMod(p, 12) != pc) continue;
            if (best < 0 || Math.abs(p - target) < Math.abs(best - target)) best = p;
        }
        return best < 0 ? target : best;
    }
}
