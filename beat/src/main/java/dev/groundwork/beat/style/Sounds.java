package dev.groundwork.beat.style;

import dev.groundwork.beat.plan.Role;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The built-in sounds: name, the role they fit, and the GM program written to the MIDI file. */
public final class Sounds {
    public record Sound(String name, Role role, int gmProgram, String description) { }

    private static final Map<String, Sound> ALL = new TreeMap<>();

    private static void add(String name, Role role, int program, String description) {
        ALL.put(name, new Sound(name, role, program, description));
    }

    static {
        add("808", Role.BASS, 38, "sine 808 tuned to the key, with pitch drop, glides and drive");
        add("bass", Role.BASS, 33, "round filtered-saw bass");
        add("sub", Role.BASS, 32, "mellow round bass, slow attack (lo-fi)");
        add("reese", Role.BASS, 39, "detuned-saw reese bass");
        add("keys", Role.CHORDS, 4, "FM electric piano (Rhodes-like)");
        add("piano", Role.CHORDS, 0, "bright FM piano");
        add("pad", Role.CHORDS, 89, "warm detuned-saw pad, slow attack");
        add("strings", Role.CHORDS, 48, "string-ensemble pad");
        add("stab", Role.CHORDS, 81, "short filtered-saw chord stab");
        add("pluck", Role.MELODY, 24, "plucked string (Karplus-Strong)");
        add("bells", Role.MELODY, 10, "FM bells (music box)");
        add("lead", Role.MELODY, 80, "square/saw lead with vibrato");
        for (String kit : List.of("trap-kit", "drill-kit", "boombap-kit", "house-kit", "lofi-kit", "reggaeton-kit",
                "afro-kit", "techno-kit", "dnb-kit", "rnb-kit")) {
            add(kit, Role.DRUMS, -1, "synthesised drums voiced for " + kit.replace("-kit", ""));
        }
    }

    private Sounds() { }

    public static Sound get(String name) {
        Sound s = ALL.get(name);
        if (s == null) throw new IllegalArgumentException("unknown sound '" + name + "' (built-in: " + String.join(", ", ALL.keySet()) + ")");
        return s;
    }

    public static boolean exists(String name) { return ALL.containsKey(name); }

    public static List<String> names() { return List.copyOf(ALL.keySet()); }

    public static String drumKitFor(Genre g) {
        return switch (g) {
            case TRAP -> "trap-kit"; case DRILL -> "drill-kit"; case BOOM_BAP -> "boombap-kit"; case HOUSE -> "house-kit";
            case LOFI -> "lofi-kit"; case REGGAETON -> "reggaeton-kit"; case AFROBEATS -> "afro-kit"; case TECHNO -> "techno-kit";
            case DNB -> "dnb-kit"; case RNB -> "rnb-kit";
        };
    }
}
