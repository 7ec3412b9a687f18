package dev.groundwork.beat.render;

import dev.groundwork.beat.plan.Part;
import dev.groundwork.beat.plan.Role;

/**
 * Levels the built-in sounds before the plan's balance is applied: each sound, as the composer plays
 * it, is brought to about {@link #REFERENCE_LUFS} while it plays, so a part's {@code gain_db} means
 * "this many dB against the others" whatever the voice. The raw loudness of each sound was measured
 * with the BS.1770 meter on 16-bar renders of every genre (bench/beat/Levels.java); a sample kit or
 * SoundFont is not calibrated (its levels are its author's).
 */
public final class Calibration {
    public static final double REFERENCE_LUFS = -18.0;

    private Calibration() { }

    /** Measured loudness (LUFS, while playing, at gain 0) of a built-in sound in a part. */
    static double rawLufs(Part p) {
        if (p.role() == Role.DRUMS) {
            return switch (p.name()) {
                case "kick" -> p.sound().startsWith("techno") ? -3.8 : -9.5;
                case "snare" -> p.sound().startsWith("lofi") || p.sound().startsWith("afro") ? -24.5 : -17.5;
                case "hats" -> -18.0;
                default -> p.sound().startsWith("techno") ? -30.7 : -23.0;
            };
        }
        boolean chords = p.role() == Role.CHORDS;
        return switch (p.sound()) {
            case "808" -> -7.0;
            case "bass" -> -16.5;
            case "sub" -> -16.0;
            case "reese" -> -17.7;
            case "pad" -> chords ? -19.8 : -24.0;
            case "strings" -> chords ? -19.0 : -23.0;
            case "keys" -> chords ? -13.6 : -18.9;
            case "piano" -> chords ? -13.0 : -18.0;
            case "stab" -> chords ? -22.3 : -26.0;
            case "pluck" -> chords ? -20.6 : -26.4;
            case "lead" -> chords ? -19.0 : -23.5;
            case "bells" -> chords ? -10.0 : -14.2;
            default -> REFERENCE_LUFS;
        };
    }

    /** Gain (dB) that brings a built-in sound to the reference level. */
    public static double gainDb(Part p) { return REFERENCE_LUFS - rawLufs(p); }
}
