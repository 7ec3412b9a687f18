package dev.groundwork.beat.plan;

import dev.groundwork.beat.theory.Key;

import java.util.List;

/**
 * Every decision of a beat, and nothing else: render it to get the same audio every time.
 *
 * @param reading   the prompt as understood, one line per decision, with the reason
 * @param ignored   words of the prompt that were not understood
 * @param loop      render as a seamless loop (note tails wrap to the start)
 * @param kit       Hydrogen drumkit.xml or folder of one-shots for the drums, or null for the built-in drums
 * @param soundfont SF2 file for the pitched parts (and drums without a kit), or null for the built-in voices
 */
public record BeatPlan(int formatVersion, String prompt, List<String> reading, List<String> ignored,
                       String genre, double tempoBpm, Key key, String timeSignature, int bars, boolean loop,
                       long seed, int sampleRateHz, String kit, String soundfont, Feel feel,
                       Groove groove, List<Section> sections, List<Chord> chords, List<Part> parts) {
    public static final int FORMAT = 1;

    public BeatPlan {
        if (!(tempoBpm >= 40 && tempoBpm <= 300)) throw new IllegalArgumentException("tempo_bpm must be 40..300: " + tempoBpm);
        if (bars < 1 || bars > 1024) throw new IllegalArgumentException("bars must be 1..1024: " + bars);
        if (timeSignature == null) timeSignature = "4/4"; // plans written before metres were saved as 4/4
        timeSignature = Metre.of(timeSignature).label();
        if (sampleRateHz < 8000 || sampleRateHz > 192000) throw new IllegalArgumentException("sample_rate_hz must be 8000..192000");
        if (key == null) throw new IllegalArgumentException("a plan needs a key");
        reading = List.copyOf(reading == null ? List.of() : reading);
        ignored = List.copyOf(ignored == null ? List.of() : ignored);
        sections = List.copyOf(sections);
        chords = List.copyOf(chords);
        parts = List.copyOf(parts);
        int at = 0;
        for (Section s : sections) {
            if (s.startBar() != at) throw new IllegalArgumentException("section '" + s.name() + "' must start at bar " + at);
            at = s.endBar();
        }
        if (at != bars) throw new IllegalArgumentException("sections cover " + at + " bars but the plan has " + bars);
    }

    public Metre metre() { return Metre.of(timeSignature); }

    /** Quarter notes per bar (4 in 4/4, 3 in 3/4 and 6/8, 6 in 12/8). */
    public double barBeats() { return metre().barBeats(); }

    public double totalBeats() { return bars * barBeats(); }

    public double secondsPerBeat() { return 60.0 / tempoBpm; }

    /** Exact length in frames: bars x bar duration, rounded once. */
    public long totalFrames() { return Math.round(totalBeats() * secondsPerBeat() * sampleRateHz); }

    public Part part(String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no part named '" + name + "' (parts: " +
                        String.join(", ", parts.stream().map(Part::name).toList()) + ")"));
    }

    public boolean hasPart(String name) { return parts.stream().anyMatch(p -> p.name().equals(name)); }

    public Section sectionAtBar(int bar) {
        for (Section s : sections) if (bar >= s.startBar() && bar < s.endBar()) return s;
        return sections.get(sections.size() - 1);
    }

    /** The chord sounding at the start of a bar. */
    public Chord chordAtBar(int bar) { return Chord.at(chords, bar, 0); }

    public Key keyAtBar(int bar) { return key.transpose(sectionAtBar(bar).transposeSemitones()); }

    // Withers used by edits: a plan is immutable, an edit makes a new one.
    public BeatPlan withParts(List<Part> p) { return new BeatPlan(formatVersion, prompt, reading, ignored, genre, tempoBpm, key, timeSignature, bars, loop, seed, sampleRateHz, kit, soundfont, feel, groove, sections, chords, p); }

    public BeatPlan withSections(List<Section> s) { return new BeatPlan(formatVersion, prompt, reading, ignored, genre, tempoBpm, key, timeSignature, bars, loop, seed, sampleRateHz, kit, soundfont, feel, groove, s, chords, parts); }

    public BeatPlan withChords(List<Chord> c) { return new BeatPlan(formatVersion, prompt, reading, ignored, genre, tempoBpm, key, timeSignature, bars, loop, seed, sampleRateHz, kit, soundfont, feel, groove, sections, c, parts); }

    public BeatPlan withFeel(Feel f) { return new BeatPlan(formatVersion, prompt, reading, ignored, genre, tempoBpm, key, timeSignature, bars, loop, seed, sampleRateHz, kit, soundfont, f, groove, sections, chords, parts); }

    public BeatPlan withTempo(double bpm) { return new BeatPlan(formatVersion, prompt, reading, ignored, genre, bpm, key, timeSignature, bars, loop, seed, sampleRateHz, kit, soundfont, feel, groove, sections, chords, parts); }

    public BeatPlan withSounds(String k, String sf) { return new BeatPlan(formatVersion, prompt, reading, ignored, genre, tempoBpm, key, timeSignature, bars, loop, seed, sampleRateHz, k, sf, feel, groove, sections, chords, parts); }

    public BeatPlan withGroove(Groove g) { return new BeatPlan(formatVersion, prompt, reading, ignored, genre, tempoBpm, key, timeSignature, bars, loop, seed, sampleRateHz, kit, soundfont, feel, g, sections, chords, parts); }

    /**
     * The reading with {@code lines} placed after the first line that starts with {@code prefix}, or at the end when none does
     * ("variations: 3 (--variations 3 wins …)" right after the prompt's own "variations: 2" line).
     */
    public BeatPlan withReadingAfter(String prefix, List<String> lines) {
        List<String> r = new java.util.ArrayList<>(reading);
        int at = 0;
        while (at < r.size() && !r.get(at).startsWith(prefix)) at++;
        r.addAll(Math.min(at + 1, r.size()), lines);
        return withReading(r);
    }

    public BeatPlan withReading(List<String> r) { return new BeatPlan(formatVersion, prompt, r, ignored, genre, tempoBpm, key, timeSignature, bars, loop, seed, sampleRateHz, kit, soundfont, feel, groove, sections, chords, parts); }
}
