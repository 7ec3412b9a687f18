package dev.groundwork.mix;

import dev.groundwork.mix.roles.Role;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the producer asks of the automix. Every field has a default ({@link #defaults()}); intents
 * are steps (+1 = "more", -1 = "less") on {@link #INTENT_TARGETS}; fixes add dB to a role or a file last.
 *
 * @param roles            file name → role, overriding the classifier (produce passes the beat's exact roles)
 * @param lead             file name of the focus stem, or null to let the plan choose
 * @param maskingStrength  0 (no masking cuts) … 1 (up to 6 dB); default {@link #DEFAULT_MASKING_STRENGTH}
 * @param maskingLevel     0 … 1, the masking-aware level move: each stem's fader moves this many dB per dB its exposure
 *                         (how far the other stems stand over it in its bands) differs from the stems' mean; default
 *                         {@link #DEFAULT_MASKING_LEVEL}, 0 turns the move off
 * @param style            balanced, vocal_forward, beat_forward, wide or dry
 * @param targetLufs       predicted mix loudness before mastering
 * @param peakCeilingDbfs  the mix never peaks above this (headroom for mastering)
 * @param tempoBpm         tempo for the delay time, or null (a dotted eighth at 120 BPM)
 * @param sampleRateHz     session rate, or null for the most common rate among the stems
 * @param balance          level conventions: "song" (calibrated on songs with a lead part), "beat" (instrumental
 *                         drum-driven genres: kick, snare and bass nearer the lead) or "auto" (default: the planner
 *                         picks one from the kick's sound and says why)
 * @param bleedStems       files the producer names as bleed or room tracks: held {@code BLEED_UNDER_ROLE_DB} under their
 *                         role's level instead of being raised to it (the planner cannot tell a bleed from a quiet export
 *                         by level without breaking input-gain invariance, so this is the producer's switch)
 */
public record MixSettings(Map<String, Role> roles, String lead, double maskingStrength, double maskingLevel, Map<String, Integer> intents,
                          Map<String, Double> fixes, String style, double targetLufs, double peakCeilingDbfs,
                          Double tempoBpm, Double sampleRateHz, String balance, java.util.Set<String> bleedStems) {
    public static final List<String> BALANCES = List.of("auto", "song", "beat");
    public static final List<String> STYLES = List.of("balanced", "vocal_forward", "beat_forward", "wide", "dry");
    /**
     * The masking-aware level's default (dB of fader per dB of exposure difference). Chosen on the bench with each
     * family of known mixes held out in turn (General MIDI songs, tracker modules, LMMS producer mixes; full runs at
     * 0, 0.1, 0.2 and 0.3): the value fitted on the other two families lowered the held-out error from 3.58 to
     * 3.51 LU over all three, though not on the General MIDI songs (3.41 to 3.52); 0.2 is the value fitted on all
     * (docs/mix.md, Masking-aware level).
     */
    public static final double DEFAULT_MASKING_LEVEL = 0.2;
    /** The masking cuts' default strength: cuts of up to 3 dB (6 dB × 0.5). */
    public static final double DEFAULT_MASKING_STRENGTH = 0.5;
    public static final List<String> INTENT_TARGETS = List.of("vocal", "drums", "bass", "reverb", "delay", "width", "compression");

    public MixSettings {
        // sorted and kept sorted (Map.copyOf would iterate in an order that changes from run to run): what is printed or
        // written from them (the revisit chain, messages) is the same every time
        roles = java.util.Collections.unmodifiableMap(new TreeMap<>(roles));
        intents = java.util.Collections.unmodifiableMap(new TreeMap<>(intents));
        fixes = java.util.Collections.unmodifiableMap(new TreeMap<>(fixes));
        bleedStems = bleedStems == null ? java.util.Set.of() : java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(bleedStems));
        requireMaskingStrength(maskingStrength);
        requireMaskingLevel(maskingLevel);
        style = normaliseStyle(style);
        balance = balance == null ? "auto" : balance.trim().toLowerCase(Locale.ROOT);
        if (!BALANCES.contains(balance)) throw new IllegalArgumentException("unknown balance '" + balance + "'; use one of " + BALANCES);
        for (String k : intents.keySet()) {
            if (!INTENT_TARGETS.contains(k)) throw new IllegalArgumentException("cannot ask for more or less '" + k + "'; use one of " + INTENT_TARGETS);
        }
        if (!(peakCeilingDbfs <= 0 && peakCeilingDbfs >= -30)) throw new IllegalArgumentException("headroom (the mix's peak ceiling) must be -30..0 dBFS, not " + peakCeilingDbfs);
        if (!(targetLufs <= -6 && targetLufs >= -40)) throw new IllegalArgumentException("mix target must be -40..-6 LUFS");
        if (tempoBpm != null && !(tempoBpm >= 30 && tempoBpm <= 300)) throw new IllegalArgumentException("--tempo must be 30..300 BPM, not " + number(tempoBpm));
    }

    public static MixSettings defaults() {
        return new MixSettings(Map.of(), null, DEFAULT_MASKING_STRENGTH, DEFAULT_MASKING_LEVEL, Map.of(), Map.of(), "balanced", -20, -6, null, null, "auto", java.util.Set.of());
    }

    public static String normaliseStyle(String s) {
        String k = s == null ? "balanced" : s.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (!STYLES.contains(k)) throw new IllegalArgumentException("unknown mix style '" + s + "'; use one of " + String.join(", ", STYLES).replace('_', '-'));
        return k;
    }

    private static String number(double v) { return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v); }

    public MixSettings withRoles(Map<String, Role> r) {
        return new MixSettings(r, lead, maskingStrength, maskingLevel, intents, fixes, style, targetLufs, peakCeilingDbfs, tempoBpm, sampleRateHz, balance, bleedStems);
    }

    public MixSettings withLead(String l) {
        return new MixSettings(roles, l, maskingStrength, maskingLevel, intents, fixes, style, targetLufs, peakCeilingDbfs, tempoBpm, sampleRateHz, balance, bleedStems);
    }

    public MixSettings withStyle(String s) {
        return new MixSettings(roles, lead, maskingStrength, maskingLevel, intents, fixes, s, targetLufs, peakCeilingDbfs, tempoBpm, sampleRateHz, balance, bleedStems);
    }

    public MixSettings withBalance(String b) {
        return new MixSettings(roles, lead, maskingStrength, maskingLevel, intents, fixes, style, targetLufs, peakCeilingDbfs, tempoBpm, sampleRateHz, b, bleedStems);
    }

    public MixSettings withMaskingStrength(double m) {
        return new MixSettings(roles, lead, m, maskingLevel, intents, fixes, style, targetLufs, peakCeilingDbfs, tempoBpm, sampleRateHz, balance, bleedStems);
    }

    public MixSettings withMaskingLevel(double level) {
        return new MixSettings(roles, lead, maskingStrength, level, intents, fixes, style, targetLufs, peakCeilingDbfs, tempoBpm, sampleRateHz, balance, bleedStems);
    }

    /** The masking level's range check, shared with plans read back: one line that says what is allowed. */
    public static double requireMaskingLevel(double level) {
        if (!(level >= 0 && level <= 1)) {
            throw new IllegalArgumentException("masking level must be 0..1 (0 turns the masking-aware level move off, default "
                    + DEFAULT_MASKING_LEVEL + "), got " + level);
        }
        return level;
    }

    /** The masking strength's range check, shared with plans read back. */
    public static double requireMaskingStrength(double strength) {
        if (!(strength >= 0 && strength <= 1)) {
            throw new IllegalArgumentException("masking strength must be 0..1 (0 makes no masking cuts, default " + DEFAULT_MASKING_STRENGTH + "), got " + strength);
        }
        return strength;
    }

    public MixSettings withPeakCeiling(double dbfs) {
        return new MixSettings(roles, lead, maskingStrength, maskingLevel, intents, fixes, style, targetLufs, dbfs, tempoBpm, sampleRateHz, balance, bleedStems);
    }

    public MixSettings withTempo(Double bpm) {
        return new MixSettings(roles, lead, maskingStrength, maskingLevel, intents, fixes, style, targetLufs, peakCeilingDbfs, bpm, sampleRateHz, balance, bleedStems);
    }

    public MixSettings withIntent(String target, int steps) {
        String k = target.trim().toLowerCase(Locale.ROOT);
        if (k.equals("vocals") || k.equals("vox")) k = "vocal";
        if (k.equals("beat") || k.equals("drum")) k = "drums";
        Map<String, Integer> m = new LinkedHashMap<>(intents);
        m.merge(k, steps, Integer::sum);
        return new MixSettings(roles, lead, maskingStrength, maskingLevel, m, fixes, style, targetLufs, peakCeilingDbfs, tempoBpm, sampleRateHz, balance, bleedStems);
    }

    public MixSettings withFix(String target, double db) {
        Map<String, Double> m = new LinkedHashMap<>(fixes);
        m.merge(target.trim(), db, Double::sum);
        return new MixSettings(roles, lead, maskingStrength, maskingLevel, intents, m, style, targetLufs, peakCeilingDbfs, tempoBpm, sampleRateHz, balance, bleedStems);
    }

    /** Marks a stem (file or base name) as a bleed or room track. */
    public MixSettings withBleed(String file) {
        java.util.Set<String> b = new java.util.TreeSet<>(bleedStems);
        b.add(file.trim());
        return new MixSettings(roles, lead, maskingStrength, maskingLevel, intents, fixes, style, targetLufs, peakCeilingDbfs, tempoBpm, sampleRateHz, balance, b);
    }

    public int intent(String target) { return intents.getOrDefault(target, 0); }
}
