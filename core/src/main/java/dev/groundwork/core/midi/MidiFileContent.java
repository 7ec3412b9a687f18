package dev.groundwork.core.midi;

import java.util.List;

/**
 * What a standard MIDI file says, in plain records: timing resolution, tempo, time and key
 * signature, and per track its name, channel, program, notes and pitch bends.
 */
public record MidiFileContent(int fileType, int ppq, List<Tempo> tempos, String timeSignature,
                              Integer keySharps, Boolean keyMinor, List<TrackContent> tracks) {
    public record Tempo(long tick, int microsPerQuarter) {
        public double bpm() { return 60_000_000.0 / microsPerQuarter; }
    }

    public record Note(long tick, long durationTicks, int key, int velocity, int channel) { }

    public record Bend(long tick, int value) { }

    public record TrackContent(String name, int channel, int program, Integer pitchBendRangeSemitones,
                               List<Note> notes, List<Bend> bends) { }

    /** The first tempo, or 120 BPM (the MIDI default) when the file has none. */
    public double tempoBpm() { return tempos.isEmpty() ? 120.0 : tempos.get(0).bpm(); }

    public TrackContent track(String name) {
        return tracks.stream().filter(t -> name.equals(t.name())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no track named " + name));
    }
}
