package dev.groundwork.beat.style;

import dev.groundwork.beat.theory.Mode;

import java.util.List;
import java.util.Locale;

/**
 * The genres a producer asks for, with the conventions of REFERENCE.md §4: tempo range, feel,
 * swing, default mode, sounds, drum grammar and song form.
 */
public enum Genre {
    TRAP("trap", List.of("trap"), 130, 160, 140, true, Mode.MINOR, 0.50, "808", "pad", "bells",
            new DrumStyle(List.of("x......x..x.....", "x.....x...x..x..", "x......x.x......", "x.x....x..x....x"),
                    List.of("........x......."), List.of("xoxoxoxoxoxoxoxo", "x.x.x.x.x.x.x.x."), "",
                    List.of(), 0, 39, true)),
    DRILL("UK drill", List.of("drill", "uk drill", "ukdrill"), 138, 144, 142, true, Mode.MINOR, 0.50, "808", "pad", "pluck",
            new DrumStyle(List.of("x.........x.....", "x.........x..x..", "x.....x...x....."),
                    List.of("........x.....x.", "........x......."), List.of("x.xx.xx.x.xx", "x..x.xx..x.x"), "",
                    List.of("...x.......x...."), 37, 38, true)),
    BOOM_BAP("boom bap", List.of("boom bap", "boombap", "boom-bap", "90s hip hop", "hip hop", "hip-hop", "hiphop"), 85, 95, 90, false, Mode.MINOR, 0.58,
            "bass", "keys", "keys",
            new DrumStyle(List.of("x.........x.....", "x......x..x.....", "x.x.......x...x."),
                    List.of("....x.......x...", "....x.......x.o."), List.of("x.xxx.x.x.xxx.x.", "x.x.x.xxx.x.x.xx"), "",
                    List.of(), 0, 38, false)),
    HOUSE("house", List.of("house", "deep house", "tech house"), 120, 128, 124, false, Mode.MINOR, 0.54, "bass", "stab", "lead",
            new DrumStyle(List.of("x...x...x...x..."), List.of("....x.......x..."), List.of("xoxoxoxoxoxoxoxo", "x.x.x.x.x.x.x.x."),
                    "..x...x...x...x.", List.of("o.o.o.o.o.o.o.oo", "..o...o...o..oo."), 70, 39, false)),
    LOFI("lo-fi", List.of("lo-fi", "lofi", "lo fi", "chillhop", "chill hop", "jazzhop", "jazz hop", "jazz-hop",
            // "lofi hip hop" names lo-fi: whole, so the longer "hip hop" alone (boom bap) does not win it
            "lofi hip hop", "lo-fi hip hop", "lo fi hip hop", "lofi hip-hop", "lo-fi hip-hop", "lofi hiphop", "lo-fi hiphop"), 70, 92, 80, false, Mode.DORIAN, 0.62, "sub", "keys", "pluck",
            new DrumStyle(List.of("x.......x.o.....", "x.....o.x.......", "x.......x......o"),
                    List.of("....x.......x...", "....x.......x..o"), List.of("x.o.x.o.x.o.x.o.", "x.o.x.o.x.o.x.oo"), "",
                    List.of(), 0, 37, false)),
    REGGAETON("reggaeton", List.of("reggaeton", "dembow", "perreo"), 90, 100, 95, false, Mode.MINOR, 0.50, "808", "pluck", "lead",
            new DrumStyle(List.of("x...x...x...x..."), List.of("...x..x....x..x."), List.of("x.x.x.x.x.x.x.x."), "",
                    List.of("..o...o...o...o."), 63, 38, false)),
    AFROBEATS("afrobeats", List.of("afrobeats", "afrobeat", "afro", "afropop", "amapiano"), 95, 115, 105, false, Mode.MINOR, 0.54,
            "bass", "keys", "pluck",
            new DrumStyle(List.of("x..x....x.x....."), List.of("....x.......x..."), List.of("x..x..x..x..x..x", "x..x..x..x.xx..x"), "",
                    List.of("o.oo.o.oo.o.oo.o", "..x..x.x..x..x.."), 64, 37, false)),
    TECHNO("techno", List.of("techno", "industrial techno", "minimal"), 125, 140, 130, false, Mode.MINOR, 0.50, "bass", "stab", "lead",
            new DrumStyle(List.of("x...x...x...x..."), List.of("....x.......x...", "................"),
                    List.of("xoxoxoxoxoxoxoxo"), "..x...x...x...x.", List.of("...o..o....o..o."), 37, 39, false)),
    DNB("drum and bass", List.of("drum and bass", "drum & bass", "drum n bass", "drum'n'bass", "dnb", "d&b", "jungle", "liquid"),
            160, 178, 174, true, Mode.MINOR, 0.50, "reese", "pad", "lead",
            new DrumStyle(List.of("x.........x.....", "x.x.......x.....", "x.........xx...."),
                    List.of("....x.......x...", "....x..o....x..o"), List.of("x.o.x.o.x.o.x.o.", "x.oox.o.x.oox.o."), "",
                    List.of(), 0, 38, false)),
    RNB("R&B", List.of("r&b", "rnb", "r and b", "rhythm and blues", "neo soul", "neo-soul", "soul"), 60, 100, 80, false, Mode.MINOR, 0.56,
            "808", "keys", "bells",
            // kicks on 1 and 3 (with a 16th pickup or push), never on an off-beat 8th; hats on the quarter with at most
            // one ghosted 16th pickup a bar, and no trap hat rolls: at 60-100 BPM an even 8th stream (or a kick and 808
            // on the "and") makes a listener, or a detector, count double time; a ghost on the last 16th of every beat
            // (swung late, so it leans into the beat) is a second pulse a 16th ahead of the first; and a roll, which
            // starts on an off-beat 8th and runs in 1/32 or 1/16 triplets, is double-time 16ths or a triplet grid at
            // these tempos (it read as 108 or 144 BPM for a 72 BPM R&B beat)
            new DrumStyle(List.of("x......xx.......", "x.......x..x...."), List.of("....x.......x..."),
                    List.of("x...x...x...x...", "x...x...x..ox..."), "", List.of(), 0, 39, false));

    public final String label;
    public final List<String> aliases;
    public final int bpmMin, bpmMax, bpmDefault;
    /**
     * Half-time feel (trap, UK drill, drum and bass): the backbeat comes once a bar (trap, drill: snare on
     * beat 3) or the two-step drums at 160-178 BPM are counted at half speed, so a listener, and a tempo
     * detector, may count half (or double) the written tempo. Every other genre must be heard at its tempo.
     */
    public final boolean halfTime;
    public final Mode defaultMode;
    public final double swing;
    public final String bassSound, chordSound, leadSound;
    public final DrumStyle drums;

    Genre(String label, List<String> aliases, int bpmMin, int bpmMax, int bpmDefault, boolean halfTime, Mode defaultMode,
          double swing, String bassSound, String chordSound, String leadSound, DrumStyle drums) {
        this.label = label;
        this.aliases = aliases;
        this.bpmMin = bpmMin;
        this.bpmMax = bpmMax;
        this.bpmDefault = bpmDefault;
        this.halfTime = halfTime;
        this.defaultMode = defaultMode;
        this.swing = swing;
        this.bassSound = bassSound;
        this.chordSound = chordSound;
        this.leadSound = leadSound;
        this.drums = drums;
    }

    /** The backbeat is one snare a bar on beat 3 (step 8), not on 2 and 4. */
    public boolean backbeatOnThree() { return drums.snares().get(0).indexOf('x') == 8; }

    /** Genres whose harmony leans on seventh chords. */
    public boolean jazzy() { return this == LOFI || this == BOOM_BAP || this == RNB || this == HOUSE; }

    public boolean fourOnTheFloor() { return this == HOUSE || this == TECHNO; }

    /** Genres whose slow beats make added 16ths and hat rolls heard as double time: "rolling" leaves their hats alone. */
    public boolean rollsSoundDoubleTime() { return this == RNB || this == LOFI; }

    /** Electronic dance forms build with drops rather than hooks. */
    public boolean dance() { return this == HOUSE || this == TECHNO || this == DNB; }

    public static Genre fromLabel(String text) {
        String t = text.toLowerCase(Locale.ROOT).trim();
        for (Genre g : values()) {
            if (g.label.equalsIgnoreCase(t) || g.name().equalsIgnoreCase(t.replace(' ', '_').replace("-", "_"))) return g;
            for (String a : g.aliases) if (a.equals(t)) return g;
        }
        throw new IllegalArgumentException("unknown genre '" + text + "'");
    }
}
