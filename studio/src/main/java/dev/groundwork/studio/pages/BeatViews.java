package dev.groundwork.studio.pages;

import java.util.List;

/** What the Beat page shows of a generated beat: audio to hear, drums as a step grid, other parts as notes. */
final class BeatViews {
    private BeatViews() { }

    record Hit(int step, double velocity) { }

    /** One drum instrument's hits over the whole song, in sixteenth-note steps (16 a 4/4 bar, 12 a 3/4 or 6/8 bar). */
    record Lane(String name, String sound, List<Hit> hits) { }

    record Note(double startBeats, double lengthBeats, int pitch, double velocity) { }

    /** {@code sound}: the built-in sound it plays (--sound; null in variations stored before it was shown). */
    record Part(String name, String sound, List<Note> notes) { }

    /** A built-in sound: {@code fits} is "drums", "bass", "chords" or "melody", the kind of part it was made for. */
    record Sound(String name, String fits, String description) { }

    record Section(String name, int startBar, int bars) { }

    record Stem(String part, String path) { }

    /** {@code kit}, {@code soundfont}: the absolute paths the plan renders with (--kit, --soundfont), null for the built-in sounds. */
    record Variation(String id, String label, long seed, double tempoBpm, String key, int bars,
                     String planPath, String wavPath, String midiPath, List<Stem> stems,
                     List<Lane> drums, List<Part> parts, List<Section> sections, List<String> locked,
                     String genre, List<String> reading, String timeSignature, int stepsPerBar, String kit, String soundfont) { }

    /**
     * What the page's menus offer: the built-in sounds, the parts a beat can bring in (--add), and the Hydrogen kits and SF2
     * SoundFonts installed on this computer (--kit, --soundfont).
     */
    record Options(List<Sound> sounds, List<String> addableParts, List<dev.groundwork.beat.sound.InstalledSounds.Choice> kits,
                   List<dev.groundwork.beat.sound.InstalledSounds.Choice> soundfonts) { }

    record Generation(String prompt, List<Variation> variations) { }
}
