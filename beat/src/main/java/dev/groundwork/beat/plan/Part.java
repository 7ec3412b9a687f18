package dev.groundwork.beat.plan;

import java.util.List;

/**
 * One instrument of the beat and its notes.
 *
 * @param name       stem and MIDI track name (kick, snare, hats, perc, bass, chords, melody)
 * @param role       drums, bass, chords or melody
 * @param sound      built-in sound name (808, kick, keys, pad, ...) the renderer synthesises
 * @param midiProgram GM program (0-127) for the MIDI file, or -1 for drums
 * @param midiChannel 0-15 (9 = GM drums)
 * @param seed       this part's own seed: regenerating another part never changes this one
 * @param gainDb     balance in the mix, with {@code reason}
 * @param pan        -1 (left) .. 1 (right)
 * @param reason     why the level and pan are what they are
 */
public record Part(String name, Role role, String sound, int midiProgram, int midiChannel, long seed,
                   double gainDb, double pan, String reason, List<Note> notes) {
    public Part {
        if (name == null || !name.matches("[a-z0-9_-]{1,32}")) throw new IllegalArgumentException("part name must be lower-case letters/digits: " + name);
        if (midiChannel < 0 || midiChannel > 15) throw new IllegalArgumentException("midi_channel must be 0..15: " + midiChannel);
        if (midiProgram < -1 || midiProgram > 127) throw new IllegalArgumentException("midi_program must be -1..127: " + midiProgram);
        if (!(pan >= -1 && pan <= 1)) throw new IllegalArgumentException("pan must be -1..1: " + pan);
        if (!(gainDb >= -60 && gainDb <= 24)) throw new IllegalArgumentException("gain_db must be -60..24: " + gainDb);
        notes = List.copyOf(notes);
    }

    public Part withNotes(List<Note> n) { return new Part(name, role, sound, midiProgram, midiChannel, seed, gainDb, pan, reason, n); }

    public Part withSound(String s, int program) { return new Part(name, role, s, program, midiChannel, seed, gainDb, pan, reason, notes); }

    public Part withSeed(long s) { return new Part(name, role, sound, midiProgram, midiChannel, s, gainDb, pan, reason, notes); }
}
