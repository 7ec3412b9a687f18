package dev.groundwork.beat.compose;

import dev.groundwork.beat.plan.Chord;
import dev.groundwork.beat.plan.Metre;
import dev.groundwork.beat.plan.Section;
import dev.groundwork.beat.style.Genre;
import dev.groundwork.beat.theory.Key;
import dev.groundwork.beat.theory.Mode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Chords from genre-flavoured progression tables, one a bar or one over two bars (see {@link #barsPerChord}), with a
 * half-bar turnaround at the end of each four-bar phrase where the genre has one (see {@link #turnaround}). Every table starts on the tonic and
 * most return to it or to a (harmonic-minor) dominant, so a listener, or a key detector, hears the
 * requested key rather than its relative major; the song's last bar is always the tonic.
 */
public final class HarmonyWriter {
    /** Degrees (0 = tonic); "4h" is the dominant with the raised leading tone (harmonic minor). First entries weigh most. */
    private static final Map<Mode, List<String>> TABLES = Map.of(
            Mode.MINOR, List.of("0 3 5 4h", "0 5 6 0", "0 5 3 4h", "0 3 0 4h", "0 6 5 4h", "0 0 5 6", "0 5 2 6"),
            Mode.MAJOR, List.of("0 4 5 3", "0 3 4 0", "0 5 3 4", "0 3 0 4", "0 2 3 4", "0 5 1 4"),
            Mode.DORIAN, List.of("0 3 0 3", "0 0 3 0", "0 3 0 6", "0 6 3 0"),
            Mode.PHRYGIAN, List.of("0 1 0 6", "0 1 5 0", "0 6 1 0", "0 1 0 0"),
            Mode.LYDIAN, List.of("0 1 0 1", "0 1 4 0", "0 1 5 0"),
            Mode.MIXOLYDIAN, List.of("0 6 3 0", "0 3 6 0", "0 6 0 3"));
    private static final int[] WEIGHTS = {4, 3, 3, 2, 2, 2, 1};

    private HarmonyWriter() { }

    public static List<Chord> write(Genre genre, Metre metre, Key key, boolean sevenths, List<Section> sections, int bars, boolean loop,
                                    boolean oneProgression, SplittableRandom rnd) {
        List<String> table = TABLES.get(key.mode());
        Map<String, String[]> bySection = new HashMap<>();
        List<Chord> out = new ArrayList<>();
        for (Section s : sections) {
            // "hypnotic": every section plays the hook's progression
            String family = oneProgression ? "hook" : switch (s.name()) {
                case "intro", "outro", "hook", "chorus", "drop", "loop" -> "hook";
                default -> s.name();
            };
            String[] prog = bySection.computeIfAbsent(family, f -> pick(table, rnd).split(" "));
            Key k = key.transpose(s.transposeSemitones());
            int span = barsPerChord(genre, s.bars());
            for (int b = s.startBar(); b < s.endBar(); b++) {
                String deg = prog[((b - s.startBar()) / span) % prog.length];
                if (!loop && b == bars - 1) deg = "0";
                boolean ninth = genre == Genre.LOFI && deg.equals("0");
                double half = metre.halfBarBeats();
                boolean phraseEnd = (b - s.startBar()) % 4 == 3 && s.bars() >= 4;
                if (turnaround(genre) && half > 0 && phraseEnd && (loop || b < bars - 1) && dominant(k) != null) {
                    // the turnaround: the bar's chord (or the predominant, when the bar is already the dominant) for the
                    // first half, the dominant for the second, pulling back to the tonic that starts the next phrase
                    String dom = dominant(k);
                    String first = deg.equals(dom) || deg.equals("4") ? predominant(k) : deg;
                    out.add(chord(b, 0, k, first, sevenths, ninth && first.equals("0")));
                    out.add(chord(b, half, k, dom, sevenths, false));
                } else {
                    out.add(chord(b, 0, k, deg, sevenths, ninth));
                }
            }
        }
        return out;
    }

    /**
     * Genres whose four-bar phrases end on a half-bar turnaround (two chords in the last bar: the phrase's chord or
     * the predominant, then the dominant), as R&B, boom bap's jazz loops and afrobeats' highlife-rooted progressions do.
     */
    public static boolean turnaround(Genre genre) {
        return genre == Genre.RNB || genre == Genre.BOOM_BAP || genre == Genre.AFROBEATS;
    }

    /** The dominant of a key as a table degree ("4h": harmonic-minor V in minor), or null in modes without a functional V. */
    static String dominant(Key key) {
        return switch (key.mode()) {
            case MAJOR -> "4";
            case MINOR, DORIAN -> "4h";
            default -> null;
        };
    }

    /** The chord before the dominant: ii in major, iv in minor. */
    static String predominant(Key key) { return key.mode().isMinorFamily() ? "3" : "1"; }

    /**
     * Harmonic rhythm: bars each chord lasts. Techno, drum and bass and UK drill move slowly (a chord over two
     * bars, so a four-chord progression takes eight), the other genres change once a bar. A section too short
     * for two-bar chords changes every bar.
     */
    public static int barsPerChord(Genre genre, int sectionBars) {
        boolean slow = genre == Genre.TECHNO || genre == Genre.DNB || genre == Genre.DRILL;
        return slow && sectionBars >= 4 ? 2 : 1;
    }

    private static String pick(List<String> table, SplittableRandom rnd) {
        int total = 0;
        for (int i = 0; i < table.size(); i++) total += WEIGHTS[Math.min(i, WEIGHTS.length - 1)];
        int r = rnd.nextInt(total);
        for (int i = 0; i < table.size(); i++) {
            r -= WEIGHTS[Math.min(i, WEIGHTS.length - 1)];
            if (r < 0) return table.get(i);
        }
        return table.get(0);
    }

    /** Builds the chord on a degree: stacked thirds of the mode, the raised leading tone for "h". */
    public static Chord chord(int bar, double beat, Key key, String degreeText, boolean seventh, boolean ninth) {
        boolean harmonic = degreeText.endsWith("h");
        int degree = Integer.parseInt(harmonic ? degreeText.substring(0, degreeText.length() - 1) : degreeText);
        List<Integer> pcs = new ArrayList<>();
        List<Integer> chromatic = new ArrayList<>();
        int[] stack = seventh ? (ninth ? new int[]{0, 2, 4, 6, 8} : new int[]{0, 2, 4, 6}) : new int[]{0, 2, 4};
        // A minor tonic with a seventh holds the relative major triad (Dm7 = D + F A C), which pulls a
        // listener (and a key detector) to the relative major: colour it with the ninth instead.
        if (degree == 0 && seventh && key.mode().isMinorFamily()) stack = new int[]{0, 2, 4, 8};
        for (int s : stack) {
            int pc = Math.floorMod(key.degreeSemitones(degree + s), 12);
            if (harmonic && Math.floorMod(degree + s, 7) == 6 && key.mode().isMinorFamily()) {
                pc = Math.floorMod(pc + 1, 12);
                if (!key.contains(pc)) chromatic.add(pc);
            }
            pcs.add(pc);
        }
        return new Chord(bar, beat, symbol(key, pcs), degree, pcs.get(0), pcs, chromatic);
    }

    static String symbol(Key key, List<Integer> pcs) {
        // Spell roots with the key's accidentals.
        String root = key.signatureSharps() < 0 ? flat(pcs.get(0)) : sharp(pcs.get(0));
        int third = Math.floorMod(pcs.get(1) - pcs.get(0), 12);
        int fifth = Math.floorMod(pcs.get(2) - pcs.get(0), 12);
        String q = third == 3 ? (fifth == 6 ? "dim" : "m") : (fifth == 8 ? "aug" : "");
        if (pcs.size() >= 4) {
            int sev = Math.floorMod(pcs.get(3) - pcs.get(0), 12);
            if (q.equals("dim") && sev == 10) q = "m7b5";
            else q += sev == 11 ? "maj7" : "7";
        }
        if (pcs.size() >= 5) q = q.endsWith("7") ? q.substring(0, q.length() - 1) + "9" : q + "add9";
        if (pcs.size() == 4 && Math.floorMod(pcs.get(3) - pcs.get(0), 12) == 2) q = q.replaceAll("(maj)?7$", "") + "add9";
        return root + q;
    }

    private static String flat(int pc) { return new String[]{"C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B"}[pc]; }

    private static String sharp(int pc) { return new String[]{"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"}[pc]; }
}
