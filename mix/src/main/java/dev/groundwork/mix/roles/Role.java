package dev.groundwork.mix.roles;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What a stem does in the arrangement; the rules for level, pan, EQ, dynamics and space follow from it. */
public enum Role {
    KICK("kick", true, true),
    SNARE("snare", true, false),
    HATS("hats", true, false),
    PERCUSSION("percussion", true, false),
    FULL_DRUMS("drums", true, true),
    BASS("bass", false, true),
    SUB_808("808", false, true),
    LEAD_VOCAL("lead_vocal", false, false),
    BACKING_VOCALS("backing_vocals", false, false),
    GUITAR("guitar", false, false),
    KEYS("keys", false, false),
    PAD("pad", false, false),
    SYNTH_LEAD("synth_lead", false, false),
    STRINGS_BRASS("strings_brass", false, false),
    FX("fx", false, false);

    private final String id;
    private final boolean drums;
    private final boolean lowEnd;

    Role(String id, boolean drums, boolean lowEnd) {
        this.id = id;
        this.drums = drums;
        this.lowEnd = lowEnd;
    }

    @JsonValue
    public String id() { return id; }

    /** Goes through the drum bus. */
    public boolean isDrum() { return drums; }

    /** Carries the low end of the mix, so it stays centred and is never widened. */
    public boolean isLowEnd() { return lowEnd; }

    public boolean isVocal() { return this == LEAD_VOCAL || this == BACKING_VOCALS; }

    /** Accepts the id ("lead_vocal"), the enum name, and common spellings ("vocal", "vox", "hihat", "sub"). */
    @JsonCreator
    public static Role parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Role r : values()) if (r.id.equals(k) || r.name().toLowerCase(Locale.ROOT).equals(k)) return r;
        return switch (k) {
            case "vocal", "vocals", "vox", "lead", "leadvocal" -> LEAD_VOCAL;
            case "bv", "bvs", "backing", "backings", "harmony", "choir" -> BACKING_VOCALS;
            case "clap", "snare_clap", "rim" -> SNARE;
            case "hat", "hihat", "hihats", "cymbal", "cymbals", "hats_cymbals" -> HATS;
            case "perc" -> PERCUSSION;
            case "drum", "full_drums", "kit", "loop" -> FULL_DRUMS;
            case "sub", "808_sub", "sub808" -> SUB_808;
            case "piano", "key", "keys_piano", "organ", "rhodes" -> KEYS;
            case "synth", "lead_synth" -> SYNTH_LEAD;
            case "strings", "brass", "horns" -> STRINGS_BRASS;
            case "gtr", "guitars" -> GUITAR;
            case "sfx", "effects" -> FX;
            default -> throw new IllegalArgumentException("unknown role '" + s + "'; use one of " + ids());
        };
    }

    public static String ids() {
        StringBuilder b = new StringBuilder();
        for (Role r : values()) b.append(b.length() == 0 ? "" : ", ").append(r.id);
        return b.toString();
    }
}
