package dev.groundwork.beat.theory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A tonic pitch class (C = 0) and a mode; written as people write it: "F minor", "Eb major", "A dorian". */
public record Key(int tonic, Mode mode) {
    private static final String[] SHARP_NAMES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
    private static final String[] FLAT_NAMES = {"C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B"};
    private static final Pattern FORM = Pattern.compile(
            "(?i)^\\s*([a-g])\\s*([#b\u266f\u266d]|sharp|flat)?\\s*(m|min|minor|maj|major|aeolian|ionian|dorian|phrygian|lydian|mixolydian)?\\s*$");

    public Key {
        if (tonic < 0 || tonic > 11) throw new IllegalArgumentException("tonic pitch class must be 0..11: " + tonic);
        if (mode == null) throw new IllegalArgumentException("a key needs a mode");
    }

    /** Pitch class of a letter and accidental, or -1. */
    public static int pitchClass(String letter, String accidental) {
        int base = switch (letter.toUpperCase(Locale.ROOT)) {
            case "C" -> 0; case "D" -> 2; case "E" -> 4; case "F" -> 5; case "G" -> 7; case "A" -> 9; case "B" -> 11;
            default -> -1;
        };
        if (base < 0) return -1;
        if (accidental == null || accidental.isEmpty()) return base;
        String a = accidental.toLowerCase(Locale.ROOT);
        if (a.equals("#") || a.equals("\u266f") || a.equals("sharp")) return (base + 1) % 12;
        if (a.equals("b") || a.equals("\u266d") || a.equals("flat")) return (base + 11) % 12;
        return base;
    }

    @JsonCreator
    public static Key parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) throw new IllegalArgumentException("not a key: '" + text + "' (write e.g. 'F minor', 'F#m', 'Eb major', 'A dorian')");
        Mode mode = m.group(3) == null ? Mode.MAJOR : Mode.fromWord(m.group(3));
        return new Key(pitchClass(m.group(1), m.group(2)), mode);
    }

    /** Semitones of scale degree d (0-based, may be negative or above 6) above the tonic's pitch class. */
    public int degreeSemitones(int degree) { return tonic + mode.semitones(degree); }

    public boolean contains(int midiPitch) {
        int rel = Math.floorMod(midiPitch - tonic, 12);
        for (int d = 0; d < 7; d++) if (mode.semitones(d) == rel) return true;
        return false;
    }

    /** The key moved by semitones, same mode. */
    public Key transpose(int semitones) { return new Key(Math.floorMod(tonic + semitones, 12), mode); }

    /** Sharps (+) or flats (-) of the key signature, from the relative major. */
    public int signatureSharps() {
        int relMajor = Math.floorMod(tonic - mode.semitones(0) + switch (mode) {
            case MAJOR -> 0; case MINOR -> 3; case DORIAN -> -2; case PHRYGIAN -> -4; case LYDIAN -> -5; case MIXOLYDIAN -> -7;
        }, 12);
        return dev.groundwork.core.midi.MidiSong.sharpsForMajorTonic(relMajor);
    }

    public String tonicName() {
        return (signatureSharps() < 0 ? FLAT_NAMES : SHARP_NAMES)[tonic];
    }

    @JsonValue
    public String name() { return tonicName() + " " + mode.label(); }

    @Override
    public String toString() { return name(); }
}
