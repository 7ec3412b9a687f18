package dev.groundwork.beat.plan;

/**
 * One note of the score, on the straight grid (the groove is applied at render time).
 *
 * @param startBeats  position in quarter notes from the start of the song
 * @param lengthBeats duration in quarter notes
 * @param pitch       MIDI note (GM drum note for drum parts)
 * @param velocity    1..127
 * @param chromatic   a deliberate note outside the key (e.g. the raised leading tone of a harmonic-minor V)
 * @param glideFrom   808/bass glide: the pitch the note slides in from, or null
 */
public record Note(double startBeats, double lengthBeats, int pitch, int velocity, boolean chromatic, Integer glideFrom) {
    public Note {
        if (!(startBeats >= 0) || !Double.isFinite(startBeats)) throw new IllegalArgumentException("note start must be >= 0: " + startBeats);
        if (!(lengthBeats > 0) || !Double.isFinite(lengthBeats)) throw new IllegalArgumentException("note length must be > 0: " + lengthBeats);
        if (pitch < 0 || pitch > 127) throw new IllegalArgumentException("pitch must be 0..127: " + pitch);
        if (velocity < 1 || velocity > 127) throw new IllegalArgumentException("velocity must be 1..127: " + velocity);
        if (glideFrom != null && (glideFrom < 0 || glideFrom > 127)) throw new IllegalArgumentException("glide_from must be 0..127: " + glideFrom);
    }

    public static Note of(double start, double length, int pitch, int velocity) {
        return new Note(start, length, pitch, velocity, false, null);
    }

    public double endBeats() { return startBeats + lengthBeats; }

    public Note withPitch(int p) { return new Note(startBeats, lengthBeats, p, velocity, chromatic, glideFrom); }

    public Note shifted(int semitones) {
        return new Note(startBeats, lengthBeats, pitch + semitones, velocity, chromatic, glideFrom == null ? null : glideFrom + semitones);
    }
}
