package dev.groundwork.mix.roles;

import dev.groundwork.mix.analysis.StemAnalysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Names a stem's role from its file name and its sound. The name is the strongest evidence when it
 * holds a known word ("Kick_01", "LeadVox", "808"); the sound (spectral centroid, low-band share,
 * crest factor, onset density, pitchedness, stereo width) confirms it, or decides alone when the
 * name says nothing. All sound features are level-independent, so input gain never changes a role.
 */
public final class RoleClassifier {
    private RoleClassifier() { }

    private record Keyword(String word, Role role, boolean prefix) { }

    /** Whole tokens (or token prefixes) of the file name; order matters where words overlap ("bass drum" before "bass"). */
    private static final List<Keyword> KEYWORDS = List.of(
            kw("kick", Role.KICK, true), kw("kik", Role.KICK, true), kw("bd", Role.KICK, false), kw("bassdrum", Role.KICK, false),
            kw("snare", Role.SNARE, true), kw("snr", Role.SNARE, false), kw("sd", Role.SNARE, false), kw("clap", Role.SNARE, true),
            kw("rim", Role.SNARE, true),
            kw("hat", Role.HATS, false), kw("hats", Role.HATS, false), kw("hihat", Role.HATS, true), kw("hh", Role.HATS, false),
            kw("oh", Role.HATS, false), kw("cymbal", Role.HATS, true), kw("crash", Role.HATS, true), kw("ride", Role.HATS, true),
            kw("overhead", Role.HATS, true), kw("ohs", Role.HATS, false),
            kw("perc", Role.PERCUSSION, true), kw("shaker", Role.PERCUSSION, true), kw("conga", Role.PERCUSSION, true),
            kw("bongo", Role.PERCUSSION, true), kw("tamb", Role.PERCUSSION, true), kw("cowbell", Role.PERCUSSION, true),
            kw("tom", Role.PERCUSSION, true), kw("triangle", Role.PERCUSSION, true), kw("block", Role.PERCUSSION, true),
            kw("drum", Role.FULL_DRUMS, true), kw("drums", Role.FULL_DRUMS, false), kw("kit", Role.FULL_DRUMS, false),
            kw("beat", Role.FULL_DRUMS, false), kw("break", Role.FULL_DRUMS, true), kw("loop", Role.FULL_DRUMS, false),
            kw("808", Role.SUB_808, true), kw("sub", Role.SUB_808, true),
            kw("bass", Role.BASS, true), kw("bs", Role.BASS, false), kw("bas", Role.BASS, false),
            kw("bv", Role.BACKING_VOCALS, true), kw("bgv", Role.BACKING_VOCALS, true), kw("backing", Role.BACKING_VOCALS, true),
            kw("harmony", Role.BACKING_VOCALS, true), kw("harm", Role.BACKING_VOCALS, false), kw("choir", Role.BACKING_VOCALS, true),
            kw("adlib", Role.BACKING_VOCALS, true), kw("double", Role.BACKING_VOCALS, true), kw("dbl", Role.BACKING_VOCALS, false),
            kw("bvox", Role.BACKING_VOCALS, false), kw("backvox", Role.BACKING_VOCALS, false),
            kw("vox", Role.LEAD_VOCAL, false), kw("vocal", Role.LEAD_VOCAL, true), kw("voc", Role.LEAD_VOCAL, false),
            kw("vocals", Role.LEAD_VOCAL, false), kw("singer", Role.LEAD_VOCAL, false), kw("voice", Role.LEAD_VOCAL, false),
            kw("rap", Role.LEAD_VOCAL, false), kw("leadvox", Role.LEAD_VOCAL, false), kw("vl", Role.LEAD_VOCAL, false),
            kw("gtr", Role.GUITAR, true), kw("guitar", Role.GUITAR, true), kw("gt", Role.GUITAR, false), kw("acoustic", Role.GUITAR, true),
            kw("elec", Role.GUITAR, true), kw("strat", Role.GUITAR, false), kw("tele", Role.GUITAR, false),
            kw("keys", Role.KEYS, false), kw("key", Role.KEYS, false), kw("piano", Role.KEYS, true), kw("pno", Role.KEYS, false),
            kw("rhodes", Role.KEYS, true), kw("ep", Role.KEYS, false), kw("organ", Role.KEYS, true), kw("wurli", Role.KEYS, true),
            kw("clav", Role.KEYS, true), kw("chords", Role.KEYS, true), kw("chord", Role.KEYS, false),
            kw("pad", Role.PAD, true), kw("atmos", Role.PAD, true), kw("ambient", Role.PAD, true), kw("texture", Role.PAD, true),
            kw("drone", Role.PAD, true),
            kw("synthpad", Role.PAD, true), kw("synthfx", Role.FX, true), kw("synthlead", Role.SYNTH_LEAD, true),
            kw("chromatic", Role.KEYS, true), kw("vibes", Role.KEYS, true), kw("marimba", Role.KEYS, true), kw("glock", Role.KEYS, true),
            kw("ensemble", Role.STRINGS_BRASS, true), kw("reed", Role.STRINGS_BRASS, true), kw("pipe", Role.STRINGS_BRASS, true),
            kw("clarinet", Role.STRINGS_BRASS, true), kw("oboe", Role.STRINGS_BRASS, true), kw("ethnic", Role.GUITAR, true),
            kw("sitar", Role.GUITAR, true), kw("banjo", Role.GUITAR, true), kw("harp", Role.GUITAR, true),
            kw("synth", Role.SYNTH_LEAD, true), kw("lead", Role.SYNTH_LEAD, false), kw("arp", Role.SYNTH_LEAD, true),
            kw("pluck", Role.SYNTH_LEAD, true), kw("melody", Role.SYNTH_LEAD, true), kw("saw", Role.SYNTH_LEAD, false),
            kw("bell", Role.SYNTH_LEAD, true),
            kw("string", Role.STRINGS_BRASS, true), kw("str", Role.STRINGS_BRASS, false), kw("violin", Role.STRINGS_BRASS, true),
            kw("viola", Role.STRINGS_BRASS, true), kw("cello", Role.STRINGS_BRASS, true), kw("brass", Role.STRINGS_BRASS, true),
            kw("horn", Role.STRINGS_BRASS, true), kw("trumpet", Role.STRINGS_BRASS, true), kw("sax", Role.STRINGS_BRASS, true),
            kw("trombone", Role.STRINGS_BRASS, true), kw("orch", Role.STRINGS_BRASS, true), kw("flute", Role.STRINGS_BRASS, true),
            kw("fx", Role.FX, true), kw("sfx", Role.FX, false), kw("riser", Role.FX, true), kw("sweep", Role.FX, true),
            kw("impact", Role.FX, true), kw("noise", Role.FX, true), kw("whoosh", Role.FX, true), kw("reverse", Role.FX, true),
            kw("vinyl", Role.FX, true), kw("crackle", Role.FX, true), kw("foley", Role.FX, true));

    private static Keyword kw(String w, Role r, boolean prefix) { return new Keyword(w, r, prefix); }

    public static RoleGuess classify(StemAnalysis a) {
        Map<Role, Double> sound = soundScores(a);
        Role best = bestOf(sound);
        double bestScore = sound.get(best);
        NameMatch byName = fromName(a.name());
        if (byName != null) {
            Role r = byName.role;
            double agree = sound.get(r);
            double conf = 0.65 + 0.3 * agree;
            String why = "name says '" + byName.word + "'; " + (agree >= 0.5 ? "sound agrees" : "sound is unlike a typical " + r.id()) + " (" + evidence(a) + ")";
            return new RoleGuess(r, round2(conf), why);
        }
        // Sound alone: confidence from the winning score and its margin over the runner-up. Instrument
        // families that sound alike (vocal, guitar, keys, strings…) are a guess from sound, and say so.
        double second = 0;
        for (var e : sound.entrySet()) if (e.getKey() != best) second = Math.max(second, e.getValue());
        double conf = Math.max(0.2, Math.min(0.85, 0.25 + 0.5 * bestScore + 0.5 * (bestScore - second)));
        boolean family = !best.isDrum() && !best.isLowEnd();
        if (family) conf = Math.min(conf, 0.6);
        return new RoleGuess(best, round2(conf), "sound (" + evidence(a) + "); the name gives no hint"
                + (family ? "; the instrument family is a guess: name the file or use --role" : ""));
    }

    public record NameMatch(Role role, String word) { }

    /** The role named by the file name, or null. */
    public static NameMatch fromName(String fileName) {
        List<String> tokens = tokens(fileName);
        // "lead" next to a vocal word names the lead vocal, not a synth.
        boolean vocalWord = tokens.stream().anyMatch(t -> t.startsWith("vox") || t.startsWith("vocal") || t.equals("voc") || t.equals("voice"));
        boolean backingWord = tokens.stream().anyMatch(t -> t.equals("bv") || t.equals("bgv") || t.startsWith("backing") || t.startsWith("harmon")
                || t.startsWith("choir") || t.startsWith("adlib") || t.startsWith("double") || t.equals("dbl"));
        if (vocalWord && !backingWord) return new NameMatch(Role.LEAD_VOCAL, tokens.stream().filter(t -> t.startsWith("vo")).findFirst().orElse("vocal"));
        boolean bassDrum = fileName.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "").contains("bassdrum");
        if (bassDrum) return new NameMatch(Role.KICK, "bass drum");
        for (Keyword k : KEYWORDS) {
            for (String t : tokens) {
                if (t.equals(k.word) || (k.prefix && t.startsWith(k.word))) return new NameMatch(k.role, t);
            }
        }
        return null;
    }

    /** Lower-case word tokens of a file name without extension: split on non-letters, digits and camelCase ("LeadVox_02" → lead, vox; "808s" → 808s). */
    static List<String> tokens(String fileName) {
        String base = fileName.replaceFirst("\\.[A-Za-z0-9]+$", "");
        String spaced = base.replaceAll("([a-z])([A-Z])", "$1 $2").replaceAll("([A-Za-z])(\\d)", "$1 $2");
        List<String> out = new ArrayList<>();
        for (String t : spaced.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (t.isEmpty()) continue;
            if (t.chars().allMatch(Character::isDigit) && !t.equals("808")) continue;
            out.add(t);
        }
        return out;
    }

    /** How much each role's typical sound fits the measurements, 0..1. */
    static Map<Role, Double> soundScores(StemAnalysis a) {
        double c = Math.log(Math.max(20, a.centroidHz())) / Math.log(2);   // octaves
        double low = a.lowRatio(), sub = a.subRatio(), high = a.highRatio(), crest = a.crestDb();
        double tr = a.transientsPerSecond(), pitch = a.pitchedness(), width = a.width(), act = a.activeFraction(), sus = a.sustain();
        Map<Role, Double> s = new EnumMap<>(Role.class);
        s.put(Role.KICK, avg(rise(low, 0.6, 0.9), rise(crest, 10, 19), band(c, oct(40), oct(400), 1.5), rise(tr, 0.5, 1.5), fall(high, 0.05, 0.2), fall(sus, 0.35, 0.65)));
        s.put(Role.SUB_808, avg(rise(sub, 0.3, 0.6), rise(pitch, 0.4, 0.7), band(c, oct(30), oct(200), 1), fall(high, 0.01, 0.05), fall(tr, 3, 8)));
        s.put(Role.BASS, avg(rise(low, 0.3, 0.55), rise(pitch, 0.42, 0.6), band(c, oct(80), oct(500), 1), fall(crest, 14, 20), fall(sub, 0.5, 0.8), rise(sus, 0.35, 0.65)));
        s.put(Role.SNARE, avg(band(c, oct(700), oct(4000), 1), rise(crest, 13, 18), fall(pitch, 0.5, 0.8), band(tr, 0.8, 4, 1), fall(low, 0.1, 0.3)));
        s.put(Role.HATS, avg(rise(c, oct(4000), oct(7000)), rise(high, 0.3, 0.6), rise(tr, 2, 6), fall(low, 0.02, 0.08), fall(pitch, 0.4, 0.7)));
        s.put(Role.PERCUSSION, avg(band(c, oct(1200), oct(6000), 1), rise(crest, 12, 17), rise(tr, 1.5, 4), fall(low, 0.05, 0.2), fall(pitch, 0.5, 0.8)));
        s.put(Role.FULL_DRUMS, avg(band(low, 0.15, 0.5, 0.1), rise(high, 0.08, 0.2), rise(crest, 13, 18), rise(tr, 2, 5), fall(pitch, 0.5, 0.8)));
        s.put(Role.LEAD_VOCAL, 0.9 * avg(band(c, oct(700), oct(3000), 1), rise(pitch, 0.45, 0.75), fall(width, 0.05, 0.2), band(crest, 11, 20, 3),
                fall(low, 0.05, 0.15), band(act, 0.3, 1, 0.2)));
        s.put(Role.BACKING_VOCALS, 0.9 * avg(band(c, oct(700), oct(3000), 1), rise(pitch, 0.45, 0.75), rise(width, 0.05, 0.2), fall(low, 0.05, 0.15),
                fall(act, 0.5, 0.9)));
        s.put(Role.GUITAR, avg(band(c, oct(500), oct(2500), 1), rise(pitch, 0.4, 0.7), band(crest, 12, 20, 3), fall(low, 0.1, 0.3), band(tr, 0.5, 4, 1)));
        s.put(Role.KEYS, avg(band(c, oct(300), oct(2000), 1), rise(pitch, 0.5, 0.8), band(crest, 12, 20, 3), band(tr, 0.3, 3, 1), fall(high, 0.1, 0.25)));
        s.put(Role.PAD, avg(band(c, oct(200), oct(2000), 1.5), rise(pitch, 0.4, 0.7), fall(crest, 9, 13), fall(tr, 0.3, 1), rise(width, 0.1, 0.3), rise(sus, 0.6, 0.9)));
        s.put(Role.SYNTH_LEAD, avg(band(c, oct(800), oct(4000), 1), rise(pitch, 0.55, 0.85), fall(crest, 11, 16), fall(width, 0.1, 0.3), fall(low, 0.05, 0.15)));
        s.put(Role.STRINGS_BRASS, avg(band(c, oct(400), oct(2500), 1), rise(pitch, 0.55, 0.85), fall(crest, 11, 15), fall(tr, 0.3, 1.2), fall(low, 0.1, 0.25)));
        s.put(Role.FX, avg(fall(pitch, 0.3, 0.6), fall(act, 0.2, 0.5), rise(width, 0.1, 0.4), fall(tr, 0.5, 2)));
        return s;
    }

    private static Role bestOf(Map<Role, Double> s) {
        Role best = Role.FX;
        double v = -1;
        for (var e : s.entrySet()) if (e.getValue() > v) { v = e.getValue(); best = e.getKey(); }
        return best;
    }

    private static String evidence(StemAnalysis a) {
        return String.format(Locale.ROOT, "centroid %.0f Hz, %.0f %% below 150 Hz, crest %.1f dB, %.1f onsets/s, sustain %.2f, pitchedness %.2f, width %.2f",
                a.centroidHz(), 100 * a.lowRatio(), a.crestDb(), a.transientsPerSecond(), a.sustain(), a.pitchedness(), a.width());
    }

    private static double oct(double hz) { return Math.log(hz) / Math.log(2); }

    private static double avg(double... v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    /** 0 below lo, 1 above hi, linear between. */
    private static double rise(double x, double lo, double hi) { return x <= lo ? 0 : x >= hi ? 1 : (x - lo) / (hi - lo); }

    private static double fall(double x, double lo, double hi) { return 1 - rise(x, lo, hi); }

    /** 1 inside [lo, hi], falling to 0 over {@code soft} outside. */
    private static double band(double x, double lo, double hi, double soft) {
        if (x >= lo && x <= hi) return 1;
        double d = x < lo ? lo - x : x - hi;
        return Math.max(0, 1 - d / soft);
    }

    private static double round2(double v) { return Math.round(v * 100) / 100.0; }
}
