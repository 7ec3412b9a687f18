package dev.groundwork.beat.compose;

import dev.groundwork.beat.plan.Chord;
import dev.groundwork.beat.plan.Note;
import dev.groundwork.beat.style.Genre;
import dev.groundwork.beat.theory.Key;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Bass and 808: the chord root in the register MIDI 28-40, placed with the kick (808s ring until
 * the next hit and glide between pitches) or on the genre's own bass rhythm (house off-beats,
 * rolling techno 16ths, long reese notes; "rolling": a syncopated reese under a drum and bass break, 16ths in house
 * and techno).
 * A hypnotic beat's bass leaves out the chance pickups, so every bar with the same kick plays the same rhythm.
 */
public final class BassWriter {
    public static final int LOW = 28, HIGH = 40;

    private static final int[] TECHNO_STEPS = {2, 3, 6, 7, 10, 11, 14, 15};

    private BassWriter() { }

    /** The pitch of a pitch class in the bass register (28..39). */
    public static int register(int pc) { return LOW + Math.floorMod(pc - LOW, 12); }

    public static List<Note> write(ComposeContext ctx, String sound, SplittableRandom rnd) {
        Genre g = ctx.genre();
        List<double[]> onsets = new ArrayList<>(); // {beat, velocity}
        double barBeats = ctx.barBeats();
        boolean hypnotic = ctx.feel().hypnotic(), rolling = ctx.feel().rolling();
        for (int bar = 0; bar < ctx.bars(); bar++) {
            double base = ctx.barStart(bar);
            TreeSet<Double> steps = new TreeSet<>();
            switch (g) {
                // rolling: house takes techno's 16th pairs, techno every 16th between the kicks
                case HOUSE -> { for (int s : rolling ? TECHNO_STEPS : new int[]{2, 6, 10, 14}) steps.add(s * 0.25); }
                case TECHNO -> { for (int s : rolling ? new int[]{1, 2, 3, 5, 6, 7, 9, 10, 11, 13, 14, 15} : TECHNO_STEPS) steps.add(s * 0.25); }
                case DNB -> {
                    if (rolling) {
                        // rolling: dotted-8th pushes against the break, on the bar's grid (4/4: 0, 0.75, 1.5, 2.5, 3)
                        for (double at : new double[]{0, 0.75, 1.5, 2.5, 3.0}) if (at < barBeats) steps.add(at);
                    } else {
                        steps.add(0.0);
                        steps.add(2.5);
                    }
                    if (!hypnotic && rnd.nextBoolean()) steps.add(3.5);
                }
                default -> {
                    for (double k : kicksIn(ctx, bar)) {
                        // lo-fi's bass holds the root from beat to beat; it leaves the soft off-beat kicks alone.
                        // R&B's 808 too: doubled by the 808, the kick's 16th pickups become the loudest event in the
                        // bar, a 16th ahead of the beat, and pull the felt pulse off it
                        if ((g == Genre.LOFI || g == Genre.RNB) && Math.abs(k - Math.rint(k)) > 1e-9) continue;
                        steps.add(k - base);
                    }
                    if (steps.isEmpty()) steps.add(0.0);
                    boolean walking = g == Genre.BOOM_BAP || g == Genre.AFROBEATS || g == Genre.RNB;
                    // a walking 8th before the middle of the bar or before the next bar (4/4: 1.5 or 3.5)
                    // (R&B: a beat before, on 2 or 4, so the slow quarter pulse is neither doubled by an 808 on the
                    // "and" nor pulled ahead by one on the last 16th)
                    double pickup = g == Genre.RNB && !ctx.metre().compound() ? 1.0 : 0.5;
                    if (walking && !hypnotic && rnd.nextDouble() < 0.5) steps.add(rnd.nextBoolean() ? barBeats / 2 - pickup : barBeats - pickup);
                    if ((g == Genre.TRAP || g == Genre.DRILL) && !hypnotic && rnd.nextDouble() < 0.3 && steps.last() < 3.5) steps.add(3.5);
                }
            }
            // the bass moves with the harmony: a chord that comes in mid-bar gets its root where it comes in
            double change = ctx.changeInBar(bar);
            if (change > 0) steps.add(change);
            for (double s : steps) onsets.add(new double[]{base + s, 90 + rnd.nextInt(20)});
        }
        List<Note> out = new ArrayList<>();
        boolean is808 = sound.equals("808");
        Double asked = ctx.feel().glide();
        double glideChance = asked != null ? asked : g == Genre.DRILL ? 0.55 : g == Genre.TRAP ? 0.35 : is808 ? 0.2 : g == Genre.DNB ? 0.3 : 0;
        Integer prev = null;
        for (int i = 0; i < onsets.size(); i++) {
            double at = onsets.get(i)[0];
            int bar = (int) Math.floor(at / barBeats + 1e-9);
            double next = i + 1 < onsets.size() ? onsets.get(i + 1)[0] : ctx.bars() * barBeats;
            double inBar = at - ctx.barStart(bar);
            Chord chord = ctx.chordAt(bar, inBar);
            Key key = ctx.keyAtBar(bar);
            int pitch = register(chord.root());
            // Passing notes on the last eighth before a chord change lead to the next root (fifth, or the scale step next to it).
            double change = ctx.changeInBar(bar);
            boolean beforeChange = change > 0 && inBar < change - 1e-9 && inBar >= change - 0.5 - 1e-9;
            if ((inBar >= barBeats - 0.5 - 1e-9 && bar + 1 < ctx.bars()) || beforeChange) {
                int nextRoot = register((beforeChange ? ctx.chordAt(bar, change) : ctx.chordAtBar(bar + 1)).root());
                pitch = rnd.nextBoolean() ? register(chord.pitchClasses().get(2)) : stepToward(key, nextRoot);
            }
            double len;
            switch (g) {
                case HOUSE -> len = rolling ? 0.2 : 0.4;
                case TECHNO -> len = 0.2;
                case REGGAETON -> len = Math.min(next - at, 0.9);
                default -> len = is808 ? next - at : Math.max(0.2, (next - at) * 0.9);
            }
            len = Math.min(len, 8.0);
            boolean chromatic = chord.isChromatic(pitch) || !key.contains(pitch);
            Integer glide = null;
            if (prev != null && prev != pitch && glideChance > 0 && rnd.nextDouble() < glideChance) glide = prev;
            out.add(new Note(at, len, pitch, (int) onsets.get(i)[1], chromatic, glide));
            prev = pitch;
        }
        return out;
    }

    private static int stepToward(Key key, int target) {
        for (int d = 1; d <= 2; d++) {
            int below = target - d, above = target + d;
            if (above <= HIGH - 1 && key.contains(above)) return above;
            if (below >= LOW && key.contains(below)) return below;
        }
        return target;
    }

    private static List<Double> kicksIn(ComposeContext ctx, int bar) {
        List<Double> out = new ArrayList<>();
        double from = ctx.barStart(bar), to = from + ctx.barBeats();
        for (Note n : ctx.kickNotes()) if (n.startBeats() >= from - 1e-9 && n.startBeats() < to - 1e-9) out.add(n.startBeats());
        if (out.isEmpty()) {
            String p = ctx.drums().kicks().get(0);
            for (int i = 0; i < p.length(); i++) if (p.charAt(i) != '.') out.add(from + i * ctx.barBeats() / p.length());
        }
        return out;
    }
}
