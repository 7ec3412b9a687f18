package dev.groundwork.beat.theory;

import java.util.Locale;

/** Diatonic modes as semitone steps from the tonic. */
public enum Mode {
    MAJOR(0, 2, 4, 5, 7, 9, 11),
    MINOR(0, 2, 3, 5, 7, 8, 10),
    DORIAN(0, 2, 3, 5, 7, 9, 10),
    PHRYGIAN(0, 1, 3, 5, 7, 8, 10),
    LYDIAN(0, 2, 4, 6, 7, 9, 11),
    MIXOLYDIAN(0, 2, 4, 5, 7, 9, 10);

    private final int[] steps;

    Mode(int... steps) { this.steps = steps; }

    /** Semitones above the tonic of scale degree 0..6 (any integer degree wraps by octaves). */
    public int semitones(int degree) {
        int oct = Math.floorDiv(degree, 7);
        return steps[Math.floorMod(degree, 7)] + 12 * oct;
    }

    /** Minor-third modes feel minor (a minor tonic chord). */
    public boolean isMinorFamily() { return steps[2] == 3; }

    public String label() { return name().toLowerCase(Locale.ROOT); }

    public static Mode fromWord(String w) {
        return switch (w.toLowerCase(Locale.ROOT)) {
            case "m", "min", "minor", "aeolian", "-" -> MINOR;
            case "maj", "major", "ionian", "" -> MAJOR;
            case "dorian" -> DORIAN;
            case "phrygian" -> PHRYGIAN;
            case "lydian" -> LYDIAN;
            case "mixolydian" -> MIXOLYDIAN;
            default -> null;
        };
    }
}
