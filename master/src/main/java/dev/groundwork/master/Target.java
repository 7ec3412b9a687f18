package dev.groundwork.master;

import java.util.Arrays;
import java.util.Locale;

/** A delivery target: integrated loudness and true-peak ceiling, named after the preset it came from (or "custom"). */
public record Target(String preset, double lufs, double ceilingDbtp) {
    public Target {
        if (!(lufs >= -40 && lufs <= -3)) throw new IllegalArgumentException("target loudness (--lufs) must be in [-40, -3] LUFS, not " + lufs);
        if (!(ceilingDbtp >= -12 && ceilingDbtp <= 0)) throw new IllegalArgumentException("true-peak ceiling (--ceiling) must be in [-12, 0] dBTP, not " + ceilingDbtp);
    }

    /** Presets from REFERENCE.md §2 (streaming services, club/CD, AES TD1008, EBU R128). */
    public enum Preset {
        SPOTIFY(-14, -1, "Spotify: -14 LUFS, below -1 dBTP"),
        APPLE(-16, -1, "Apple Music Sound Check"),
        YOUTUBE(-14, -1, "YouTube (turn-down only)"),
        AMAZON(-14, -2, "Amazon Music"),
        TIDAL(-14, -1, "Tidal (album normalisation)"),
        DEEZER(-15, -1, "Deezer"),
        CLUB(-9, -0.3, "club / CD: loud and dense"),
        AES(-16, -1, "AES TD1008 music streaming"),
        EBU(-23, -1, "EBU R128 broadcast");

        public final double lufs, ceilingDbtp;
        public final String description;

        Preset(double lufs, double ceilingDbtp, String description) {
            this.lufs = lufs;
            this.ceilingDbtp = ceilingDbtp;
            this.description = description;
        }

        public String id() { return name().toLowerCase(Locale.ROOT); }

        public Target target() { return new Target(id(), lufs, ceilingDbtp); }

        public static Preset parse(String name) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            if (n.equals("ebu-r128") || n.equals("r128")) n = "ebu";
            if (n.equals("cd")) n = "club";
            for (Preset p : values()) if (p.id().equals(n)) return p;
            throw new IllegalArgumentException("unknown target '" + name + "': choose one of " +
                    String.join(", ", Arrays.stream(values()).map(Preset::id).toList()));
        }
    }

    public static Target of(String preset) { return Preset.parse(preset).target(); }

    public static Target custom(double lufs, double ceilingDbtp) { return new Target("custom", lufs, ceilingDbtp); }

    public static final Target DEFAULT = Preset.SPOTIFY.target();
}
