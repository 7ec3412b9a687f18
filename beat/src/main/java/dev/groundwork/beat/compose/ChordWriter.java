package dev.groundwork.beat.compose;

import dev.groundwork.beat.plan.Chord;
import dev.groundwork.beat.plan.Note;
import dev.groundwork.beat.style.Genre;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Chords: voice-led voicings (each chord takes the inversion nearest the last one) played in the
 * sound's own rhythm: held pads, comped keys, off-beat stabs, 3-3-2 plucks.
 */
public final class ChordWriter {
    private ChordWriter() { }

    public static int lowFor(String sound) {
        return switch (sound) {
            case "pad", "strings" -> 53;
            case "stab", "pluck" -> 57;
            default -> 55;
        };
    }

    public static List<Note> write(ComposeContext ctx, String sound, SplittableRandom rnd) {
        int low = lowFor(sound) + ctx.feel().registerShift();
        List<Note> out = new ArrayList<>();
        int[] prev = null;
        Genre g = ctx.genre();
        String pattern = rhythm(g, sound);
        for (int bar = 0; bar < ctx.bars(); bar++) {
            Chord c = ctx.chordAtBar(bar);
            int[] voicing = voice(c, low, prev);
            prev = voicing;
            double base = bar * 4.0;
            double energy = ctx.sectionAtBar(bar).energy();
            int vel = (int) Math.round(62 + 26 * energy);
            if (pattern == null) {
                // a held chord ties over the bar line while the harmony stays (two-bar chords), within a section
                boolean tie = bar > 0 && ctx.barInSection(bar) > 0 && ctx.chordAtBar(bar - 1).pitchClasses().equals(c.pitchClasses())
                        && out.size() >= voicing.length;
                if (tie) {
                    for (int k = out.size() - voicing.length; k < out.size(); k++) {
                        Note held = out.get(k);
                        out.set(k, new Note(held.startBeats(), held.lengthBeats() + 4.0, held.pitch(), held.velocity(), held.chromatic(), null));
                    }
                } else {
                    for (int p : voicing) out.add(note(c, base, 4.0, p, vel));
                }
                continue;
            }
            double step = 4.0 / pattern.length();
            List<Integer> hits = new ArrayList<>();
            for (int i = 0; i < pattern.length(); i++) if (pattern.charAt(i) != '.') hits.add(i);
            // Keys vary their comping a little from bar to bar.
            if ((sound.equals("keys") || sound.equals("piano")) && rnd.nextDouble() < 0.35) {
                // lo-fi's sampled chord is held or re-struck on a beat, never pushed onto an off-beat: the slow
                // quarter pulse must stay with the drums
                hits = new ArrayList<>(g == Genre.LOFI ? List.of(0) : List.of(0, rnd.nextBoolean() ? 6 : 10));
            }
            for (int h = 0; h < hits.size(); h++) {
                int i = hits.get(h);
                double next = h + 1 < hits.size() ? hits.get(h + 1) * step : 4.0;
                double len = sound.equals("stab") || sound.equals("pluck") ? Math.min(0.35, next - i * step) : next - i * step;
                int v = pattern.charAt(i) == 'o' ? vel - 14 : vel;
                for (int p : voicing) out.add(note(c, base + i * step, len, p, v));
            }
        }
        return out;
    }

    private static Note note(Chord c, double at, double len, int pitch, int vel) {
        return new Note(at, len, pitch, Math.max(1, Math.min(127, vel)), c.isChromatic(pitch), null);
    }

    /** Rhythm as a step pattern, or null for a chord held through the bar. */
    static String rhythm(Genre g, String sound) {
        return switch (sound) {
            case "pad", "strings" -> null;
            case "stab" -> g == Genre.TECHNO ? "..x...x...x...x." : "..x..x....x..x..";
            case "pluck" -> g == Genre.REGGAETON ? "x..x..x.x..x..x." : "x..x..x...x.x...";
            default -> switch (g) {
                case RNB, BOOM_BAP -> "x.........x.....";
                case LOFI -> "x.......x.......";
                case AFROBEATS -> "x..x..x...x.x...";
                case REGGAETON -> "x..x..x.x..x..x.";
                default -> "x.......x.......";
            };
        };
    }

    /** The inversion of the chord nearest the previous voicing (or centred in the range for the first chord). */
    static int[] voice(Chord c, int low, int[] prev) {
        List<Integer> pcs = c.pitchClasses();
        int n = pcs.size();
        int[] best = null;
        double bestCost = Double.MAX_VALUE;
        for (int inv = 0; inv < n; inv++) {
            for (int base = low; base < low + 12; base++) {
                if (Math.floorMod(base, 12) != pcs.get(inv)) continue;
                int[] v = new int[n];
                int at = base;
                for (int k = 0; k < n; k++) {
                    int pc = pcs.get((inv + k) % n);
                    while (Math.floorMod(at, 12) != pc) at++;
                    v[k] = at;
                    at++;
                }
                double cost = prev == null ? Math.abs(mean(v) - (low + 9)) : distance(prev, v);
                if (v[n - 1] > low + 22) cost += 50;
                if (cost < bestCost) {
                    bestCost = cost;
                    best = v;
                }
            }
        }
        return best;
    }

    private static double mean(int[] v) { return Arrays.stream(v).average().orElse(0); }

    private static double distance(int[] a, int[] b) {
        double d = 0;
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) d += Math.abs(a[i] - b[i]);
        return d + Math.abs(mean(a) - mean(b)) * Math.abs(a.length - b.length);
    }
}
