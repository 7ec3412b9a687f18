package dev.groundwork.beat.compose;

import dev.groundwork.beat.plan.Chord;
import dev.groundwork.beat.plan.Metre;
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
        double barBeats = ctx.barBeats();
        String pattern = rhythm(g, sound, ctx.metre());
        for (int bar = 0; bar < ctx.bars(); bar++) {
            double base = ctx.barStart(bar);
            double change = ctx.changeInBar(bar);
            double energy = ctx.sectionAtBar(bar).energy();
            int vel = (int) Math.round(62 + 26 * energy);
            if (pattern == null) {
                Chord c = ctx.chordAtBar(bar);
                int[] voicing = voice(c, low, prev);
                prev = voicing;
                // a held chord ties over the bar line while the harmony stays (two-bar chords), within a section
                boolean tie = bar > 0 && ctx.barInSection(bar) > 0 && ctx.changeInBar(bar - 1) < 0
                        && ctx.chordAtBar(bar - 1).pitchClasses().equals(c.pitchClasses()) && out.size() >= voicing.length;
                double firstLength = change > 0 ? change : barBeats;
                if (tie) {
                    for (int k = out.size() - voicing.length; k < out.size(); k++) {
                        Note held = out.get(k);
                        out.set(k, new Note(held.startBeats(), held.lengthBeats() + firstLength, held.pitch(), held.velocity(), held.chromatic(), null));
                    }
                } else {
                    for (int p : voicing) out.add(note(c, base, firstLength, p, vel));
                }
                if (change > 0) {
                    Chord second = ctx.chordAt(bar, change);
                    int[] v2 = voice(second, low, prev);
                    prev = v2;
                    for (int p : v2) out.add(note(second, base + change, barBeats - change, p, vel));
                }
                continue;
            }
            double step = barBeats / pattern.length();
            List<Integer> hits = new ArrayList<>();
            for (int i = 0; i < pattern.length(); i++) if (pattern.charAt(i) != '.') hits.add(i);
            // Keys vary their comping a little from bar to bar.
            if ((sound.equals("keys") || sound.equals("piano")) && rnd.nextDouble() < 0.35) {
                // lo-fi's sampled chord is held or re-struck on a beat, never pushed onto an off-beat: the slow
                // quarter pulse must stay with the drums
                // R&B anticipates by a 16th rather than an 8th, for the same reason
                double off = g == Genre.RNB && !ctx.metre().compound() ? 0.25 : 0.5;
                int late = (int) Math.round((ctx.metre().compound() ? 2 * ctx.metre().pulseBeats() - 0.5 : 2 + off) / step);
                int push = (int) Math.round((2 - off) / step);
                hits = new ArrayList<>(g == Genre.LOFI ? List.of(0) : List.of(0, rnd.nextBoolean() ? push : Math.min(late, pattern.length() - 1)));
            }
            if (change > 0) {
                // the turnaround's second chord is struck where it comes in; a hit just after the change would re-strike it
                int at = (int) Math.round(change / step);
                int window = (int) Math.round(1.0 / step);
                hits.removeIf(i -> i > at && i < at + window);
                if (!hits.contains(at)) hits.add(at);
                hits.sort(null);
            }
            for (int h = 0; h < hits.size(); h++) {
                int i = hits.get(h);
                Chord c = ctx.chordAt(bar, i * step);
                int[] voicing = voice(c, low, prev);
                prev = voicing;
                double next = h + 1 < hits.size() ? hits.get(h + 1) * step : barBeats;
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
    static String rhythm(Genre g, String sound, Metre metre) {
        if (metre != Metre.FOUR_FOUR) {
            // the other metres: held pads, and keys, plucks and stabs on the felt beats with an 8th pickup
            return switch (sound) {
                case "pad", "strings" -> null;
                default -> switch (metre) {
                    case THREE_FOUR -> g == Genre.LOFI ? "x..........." : "x.......x...";
                    case SIX_EIGHT -> g == Genre.LOFI ? "x..........." : "x.....x...x.";
                    case TWELVE_EIGHT, FOUR_FOUR -> g == Genre.LOFI ? "x...........x..........." : "x.....x...x.x.....x...x.";
                };
            };
        }
        return switch (sound) {
            case "pad", "strings" -> null;
            case "stab" -> g == Genre.TECHNO ? "..x...x...x...x." : "..x..x....x..x..";
            case "pluck" -> g == Genre.REGGAETON ? "x..x..x.x..x..x." : "x..x..x...x.x...";
            default -> switch (g) {
                case BOOM_BAP -> "x.........x.....";
                case RNB -> "x.......x.......";
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
