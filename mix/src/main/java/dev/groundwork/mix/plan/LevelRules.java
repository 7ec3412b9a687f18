package dev.groundwork.mix.plan;

import dev.groundwork.mix.MixSettings;
import dev.groundwork.mix.roles.Role;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Fader levels: every playing stem is brought from its measured active loudness to a target that is
 * the role's offset from the lead (REFERENCE §3: lead vocal about 3 LU under the mix, drums 3.5–5.5 LU
 * under the vocal, bass a few dB under it), the lead 2 dB forward, shared among stems of one role,
 * then moved by the style, the intents and the producer's fixes.
 */
final class LevelRules {
    /** Loudness (LUFS) a stem with offset 0 is set to before the mix-bus trim. */
    static final double REFERENCE_LUFS = -23;
    static final double LEAD_FOCUS_DB = 2.0;
    /**
     * Focus for a lead the classifier picked that is not a vocal (a synth or instrument line): none. The
     * pick is a guess from the sound, and on the bench's known mixes the picked lines sat 4 LU under where
     * +1 dB put them (on both the General MIDI and the tracker-module songs), so a guessed lead keeps its
     * role's level; a lead vocal or a `--lead` stem still gets the full focus.
     */
    static final double INSTRUMENT_LEAD_FOCUS_DB = 0.0;
    /**
     * Stems of one role step back a little together (dB per tenfold count: two keys parts -0.75 dB each):
     * each is a part of its own, not a slice of one instrument, so they are not split to one stem's power
     * (-10) or half of it (-5); on both bench families 0 to -2.5 scored better than -5.
     */
    static final double ROLE_SHARE_DB_PER_DECADE = -2.5;
    /** A part that plays less than this share of the song is not picked as the lead. */
    static final double LEAD_MIN_ACTIVE_FRACTION = 0.25;

    private static final Map<Role, Double> OFFSET = new EnumMap<>(Role.class);

    static {
        OFFSET.put(Role.LEAD_VOCAL, 0.0);
        OFFSET.put(Role.BACKING_VOCALS, -6.0);
        OFFSET.put(Role.KICK, -11.0);
        OFFSET.put(Role.SNARE, -11.0);
        OFFSET.put(Role.HATS, -16.0);
        OFFSET.put(Role.PERCUSSION, -11.0);   // toms, congas, shakers: at the snare's level
        OFFSET.put(Role.FULL_DRUMS, -7.0);
        OFFSET.put(Role.BASS, -5.5);
        OFFSET.put(Role.SUB_808, -5.0);
        OFFSET.put(Role.GUITAR, -3.0);
        OFFSET.put(Role.KEYS, -3.0);
        OFFSET.put(Role.PAD, -5.0);
        // 3 dB under keys and guitar: stems that sound or are named like a synth lead were too loud at
        // their level in both bench families (fitted on either, it also lowered the error on the other).
        OFFSET.put(Role.SYNTH_LEAD, -6.0);
        OFFSET.put(Role.STRINGS_BRASS, -3.5);
        OFFSET.put(Role.FX, -12.0);
    }

    /**
     * The "beat" balance, for instrumental drum-driven genres (hip-hop, trap, house...: what `produce` makes).
     * The default offsets above were calibrated on game-soundtrack songs, whose composers keep the kick about
     * 11 LU under the lead; a beat keeps it much nearer. These follow REFERENCE §3's published rule set (stems
     * at -32 LUFS: main vocal -8.5…-6.5, bass -11.5…-8.5, kick -13…-11, hats -13…-10), taken at the middle of
     * each range relative to the lead (the beat's melody plays the vocal's part): bass -2.5, kick -4.5, hats
     * at the quiet end -5.5; the snare with the kick; chords, keys and pads as a bed under the lead.
     */
    private static final Map<Role, Double> BEAT_OFFSET = new EnumMap<>(Role.class);

    static {
        BEAT_OFFSET.put(Role.LEAD_VOCAL, 0.0);
        BEAT_OFFSET.put(Role.BACKING_VOCALS, -6.0);
        BEAT_OFFSET.put(Role.KICK, -4.5);
        BEAT_OFFSET.put(Role.SNARE, -4.5);
        BEAT_OFFSET.put(Role.HATS, -5.5);
        BEAT_OFFSET.put(Role.PERCUSSION, -7.0);
        BEAT_OFFSET.put(Role.FULL_DRUMS, -4.5);  // drum bus 6.5-8.5 LU under the mix, the lead about 3 under it
        BEAT_OFFSET.put(Role.BASS, -2.5);
        BEAT_OFFSET.put(Role.SUB_808, -2.5);
        BEAT_OFFSET.put(Role.GUITAR, -6.0);
        BEAT_OFFSET.put(Role.KEYS, -6.0);
        BEAT_OFFSET.put(Role.PAD, -8.0);
        BEAT_OFFSET.put(Role.SYNTH_LEAD, -5.0);
        BEAT_OFFSET.put(Role.STRINGS_BRASS, -6.0);
        BEAT_OFFSET.put(Role.FX, -10.0);
    }

    private LevelRules() { }

    /** The role's offset in the named balance ("song" or "beat"). */
    static double offset(Role r, String balance) {
        return "beat".equals(balance) ? BEAT_OFFSET.get(r) : OFFSET.get(r);
    }

    /** Style and intent moves for a role, in dB, with a short explanation (empty when nothing moves). */
    static Move styleMove(Role r, boolean isLead, MixSettings s) {
        double db = 0;
        StringBuilder why = new StringBuilder();
        switch (s.style()) {
            case "vocal_forward" -> {
                if (isLead) db += 2.0; else if (r.isVocal()) db += 1.0; else if (!r.isDrum() && !r.isLowEnd()) db -= 0.5;
            }
            case "beat_forward" -> {
                if (r.isDrum()) db += 2.0; else if (r.isLowEnd()) db += 1.5; else if (isLead) db -= 1.0;
            }
            default -> { }
        }
        if (db != 0) why.append(String.format(Locale.ROOT, "%s style %+.1f dB", s.style().replace('_', ' '), db));
        double intent = 0;
        if (r.isVocal() || isLead && r == Role.SYNTH_LEAD) intent += 2.0 * s.intent("vocal") * (isLead ? 1 : 0.5);
        if (r.isDrum()) intent += 2.0 * s.intent("drums");
        if (r.isLowEnd() && !r.isDrum()) intent += 2.0 * s.intent("bass");
        if (intent != 0) {
            if (why.length() > 0) why.append(", ");
            why.append(String.format(Locale.ROOT, "asked %+.1f dB", intent));
            db += intent;
        }
        return new Move(db, why.toString());
    }

    /** A fix names a file or a role ("bass=-3dB" moves every bass stem). */
    static double fixFor(String file, Role role, MixSettings s) {
        double db = 0;
        for (var e : s.fixes().entrySet()) if (fixMatches(e.getKey(), file, role)) db += e.getValue();
        return db;
    }

    /** Whether a --fix target (a file, its base name, or a role; "bass" also moves 808s, "drums" every drum stem) names this stem. */
    static boolean fixMatches(String target, String file, Role role) {
        if (target.equalsIgnoreCase(file) || target.equalsIgnoreCase(file.replaceFirst("\\.[^.]+$", ""))) return true;
        try {
            Role r = Role.parse(target);
            return r == role || (target.equalsIgnoreCase("bass") && role == Role.SUB_808) || (target.equalsIgnoreCase("drums") && role.isDrum());
        } catch (IllegalArgumentException notARole) {
            return false;
        }
    }

    record Move(double db, String reason) { }
}
