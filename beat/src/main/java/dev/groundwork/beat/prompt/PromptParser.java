package dev.groundwork.beat.prompt;

import dev.groundwork.beat.plan.Feel;
import dev.groundwork.beat.plan.Metre;
import dev.groundwork.beat.style.Genre;
import dev.groundwork.beat.style.MetreDrums;
import dev.groundwork.beat.theory.Key;
import dev.groundwork.beat.theory.Mode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a producer's one-line prompt. Every phrase it understands is consumed and explained in
 * the reading; whatever is left is reported as ignored. An odd prompt never fails; only an
 * impossible number (500 BPM, a 3-hour beat, 95 % swing) is an error.
 */
public final class PromptParser {
    public static final double MIN_BPM = 40, MAX_BPM = 300;
    /** A minus sign before a number (group 1), not a range's dash ("130-140 bpm"): a negative number is refused, never read unsigned. */
    private static final String SIGN = "(?:(?<![a-z0-9.])([-\u2212])\\s*)?";
    public static final int MAX_BARS = 512;
    public static final double MAX_SECONDS = 20 * 60;
    /** The most beats one prompt may ask for ("4 variations"), as the CLI's --variations. */
    public static final int MAX_VARIATIONS = 32;

    private static final Set<String> FILLER = Set.of("a", "an", "the", "beat", "beats", "with", "and", "in", "for", "type",
            "instrumental", "some", "vibe", "vibes", "style", "please", "make", "me", "song", "track", "bpm", "feel", "of",
            "at", "on", "to", "like", "that", "is", "it", "its", "very", "really", "kinda", "kind", "sort", "more", "less",
            "bit", "little", "lots", "lot", "i", "want", "need", "give", "create", "produce", "generate", "tempo", "key",
            "mode", "structure", "form", "length", "long", "plus", "but", "also", "sound", "sounds", "sounding", "over",
            "from", "by", "into", "x", "one", "just", "only", "heavy", "big", "loud", "hits", "hit", "add", "without", "no",
            "then", "rap", "rapper", "rappers", "vocal", "vocals", "singer", "music", "remix", "groove", "jam", "banger", "type-beat",
            "riddim", "club", "would", "could", "can", "something", "you", "my", "we", "our");

    private static final Map<String, String> SECTION_WORDS = new LinkedHashMap<>();
    static {
        for (String w : List.of("intro", "verse", "hook", "chorus", "bridge", "drop", "breakdown", "break", "build", "buildup", "outro", "pre-hook", "prehook")) {
            SECTION_WORDS.put(w, switch (w) {
                case "breakdown" -> "break";
                case "buildup" -> "build";
                case "prehook", "pre-hook" -> "build";
                default -> w;
            });
        }
    }

    /** Instrument words: which part they mean and, for some, which sound. */
    /** {@code standIn}: no sound of the word's own is built in; {@code sound} (or the genre's, when null) plays it, and the reading says so. */
    private record Instrument(String part, String sound, boolean standIn) {
        Instrument(String part, String sound) { this(part, sound, false); }
    }

    private static final Map<String, Instrument> INSTRUMENTS = new LinkedHashMap<>();
    static {
        // amapiano's log drum: a short, pitched, boomy bass line, played by the bass part (before "drums")
        INSTRUMENTS.put("log drums", new Instrument("bass", null));
        INSTRUMENTS.put("log drum", new Instrument("bass", null));
        INSTRUMENTS.put("upright bass", new Instrument("bass", "bass"));
        INSTRUMENTS.put("double bass", new Instrument("bass", "bass"));
        INSTRUMENTS.put("slap bass", new Instrument("bass", "bass"));
        INSTRUMENTS.put("808s", new Instrument("bass", "808"));
        INSTRUMENTS.put("808", new Instrument("bass", "808"));
        INSTRUMENTS.put("sub bass", new Instrument("bass", "808"));
        INSTRUMENTS.put("reese", new Instrument("bass", "reese"));
        INSTRUMENTS.put("bassline", new Instrument("bass", null));
        INSTRUMENTS.put("bass", new Instrument("bass", null));
        INSTRUMENTS.put("hi-hats", new Instrument("hats", null));
        INSTRUMENTS.put("hihats", new Instrument("hats", null));
        INSTRUMENTS.put("hi hats", new Instrument("hats", null));
        INSTRUMENTS.put("hats", new Instrument("hats", null));
        INSTRUMENTS.put("hat", new Instrument("hats", null));
        INSTRUMENTS.put("kicks", new Instrument("kick", null));
        INSTRUMENTS.put("kick", new Instrument("kick", null));
        INSTRUMENTS.put("snares", new Instrument("snare", null));
        INSTRUMENTS.put("snare", new Instrument("snare", null));
        INSTRUMENTS.put("claps", new Instrument("snare", "clap"));
        INSTRUMENTS.put("clap", new Instrument("snare", "clap"));
        INSTRUMENTS.put("percussion", new Instrument("perc", null));
        INSTRUMENTS.put("perc", new Instrument("perc", null));
        INSTRUMENTS.put("shakers", new Instrument("perc", "shaker"));
        INSTRUMENTS.put("shaker", new Instrument("perc", "shaker"));
        INSTRUMENTS.put("congas", new Instrument("perc", "conga"));
        INSTRUMENTS.put("conga", new Instrument("perc", "conga"));
        INSTRUMENTS.put("cowbells", new Instrument("perc", null, true));
        INSTRUMENTS.put("cowbell", new Instrument("perc", null, true));
        INSTRUMENTS.put("drums", new Instrument("drums", null));
        INSTRUMENTS.put("electric piano", new Instrument("chords", "keys"));
        INSTRUMENTS.put("e-piano", new Instrument("chords", "keys"));
        INSTRUMENTS.put("piano", new Instrument("chords", "piano"));
        INSTRUMENTS.put("rhodes", new Instrument("chords", "keys"));
        INSTRUMENTS.put("keys", new Instrument("chords", "keys"));
        INSTRUMENTS.put("pads", new Instrument("chords", "pad"));
        INSTRUMENTS.put("pad", new Instrument("chords", "pad"));
        INSTRUMENTS.put("strings", new Instrument("chords", "strings"));
        INSTRUMENTS.put("chords", new Instrument("chords", null));
        INSTRUMENTS.put("stabs", new Instrument("chords", "stab"));
        // no choir or brass is built in: the nearest sounds (stand-ins), and the reading names them
        INSTRUMENTS.put("choir", new Instrument("chords", "pad", true));
        INSTRUMENTS.put("brass", new Instrument("chords", "stab", true));
        INSTRUMENTS.put("horns", new Instrument("chords", "stab", true));
        INSTRUMENTS.put("guitar", new Instrument("melody", "pluck"));
        INSTRUMENTS.put("pluck", new Instrument("melody", "pluck"));
        INSTRUMENTS.put("bells", new Instrument("melody", "bells"));
        INSTRUMENTS.put("bell", new Instrument("melody", "bells"));
        INSTRUMENTS.put("flute", new Instrument("melody", "lead"));
        INSTRUMENTS.put("saxophone", new Instrument("melody", "lead", true));
        INSTRUMENTS.put("sax", new Instrument("melody", "lead", true));
        INSTRUMENTS.put("trumpet", new Instrument("melody", "lead", true));
        INSTRUMENTS.put("marimba", new Instrument("melody", "bells", true));
        INSTRUMENTS.put("synths", new Instrument("melody", "lead"));
        INSTRUMENTS.put("synth", new Instrument("melody", "lead"));
        INSTRUMENTS.put("lead", new Instrument("melody", "lead"));
        INSTRUMENTS.put("melody", new Instrument("melody", null));
        INSTRUMENTS.put("melodies", new Instrument("melody", null));
    }

    private static final List<String> DRUM_PARTS = List.of("kick", "snare", "hats", "perc");

    private String text;      // lower-case prompt
    private String original;  // as typed (key letters are case-sensitive)
    private boolean[] used;
    private final List<String> reading = new ArrayList<>();

    private static String describe(Metre m) {
        return switch (m) {
            case THREE_FOUR -> "three beats a bar, kick on 1, backbeat on 3";
            case SIX_EIGHT -> "two dotted-quarter beats a bar (six 8ths), kick on 1, backbeat on 4";
            case TWELVE_EIGHT -> "four dotted-quarter beats a bar (twelve 8ths), kick on 1 and 7, backbeat on 4 and 10";
            case FOUR_FOUR -> "four beats a bar";
        };
    }

    public static BeatRequest parse(String prompt) { return new PromptParser().run(prompt == null ? "" : prompt); }

    private BeatRequest run(String prompt) {
        original = prompt.replace('\u2019', '\'').replace('\u2013', '-').replace('\u2014', '-');
        text = original.toLowerCase(Locale.ROOT);
        used = new boolean[text.length()];

        Genre genre = findGenre();
        boolean genreExplicit = genre != null;
        if (genre == null) {
            genre = Genre.TRAP;
            reading.add("genre: trap (no genre named; the most requested)");
        } else {
            reading.add("genre: " + genre.label + " (" + genre.bpmMin + "-" + genre.bpmMax + " BPM)");
        }

        // Before any number is read as a tempo or a length: "40 variations" is not 40 BPM.
        Integer variations = findVariations();

        // Arrangement moves before instruments: "no hats in the intro" is not "no hats".
        List<SectionEdit> edits = findSectionEdits();

        // "808 slides", "sliding 808s": only the slide word is taken here, the 808 is still an instrument below
        boolean slides = findSlides();

        // Instruments first: "808s" is not a length and "hard 808" is not a mood.
        Set<String> include = new LinkedHashSet<>(), exclude = new LinkedHashSet<>();
        Map<String, String> sounds = new TreeMap<>();
        boolean heavy808 = findInstruments(include, exclude, sounds);
        String medium = findMedium();

        // Metres: 3/4, 6/8 and 12/8 where the genre is played in them; the 4/4 grammars (trap, house, ...) say so.
        List<String> meters = new ArrayList<>();
        Metre metre = Metre.FOUR_FOUR;
        for (Matcher m; (m = consume("(?<![\\d/])(\\d{1,2}\\s*/\\s*\\d{1,2})(?![\\d/])|\\b(waltz|triple (meter|metre|time)|compound (meter|metre|time))\\b")) != null; ) {
            String asked = m.group().replaceAll("\\s+", "");
            String label = asked.startsWith("waltz") || asked.startsWith("triple") ? "3/4" : asked.startsWith("compound") ? "6/8" : asked;
            if (label.equals("4/4")) continue;
            Metre wanted;
            try {
                wanted = Metre.of(label);
            } catch (IllegalArgumentException e) {
                meters.add(asked);
                reading.add("time signature: '" + asked + "' asked, but beats are written in 4/4, 3/4, 6/8 or 12/8 (ignored)");
                continue;
            }
            if (!MetreDrums.allows(genre, wanted)) {
                meters.add(asked);
                reading.add("time signature: '" + asked + "' asked, but " + genre.label + (MetreDrums.allowed(genre).equals("4/4 only")
                        ? " is a 4/4 grammar (its drums are built on the 4/4 bar)" : " is written in " + MetreDrums.allowed(genre))
                        + ": kept in 4/4 (ignored)");
                continue;
            }
            if (!metre.equals(Metre.FOUR_FOUR) && !metre.equals(wanted)) {
                meters.add(asked);
                reading.add("time signature: '" + asked + "' also asked; keeping " + metre.label() + " (ignored)");
                continue;
            }
            metre = wanted;
            reading.add("time signature: " + wanted.label() + (asked.equals(wanted.label()) ? "" : " ('" + asked + "')") + " - "
                    + describe(wanted) + "; the tempo counts quarter notes, as a DAW does");
        }
        boolean loop = consume("\\b(loop|looped|loopable|seamless)\\b") != null;
        Double bpm = findTempo(genre);
        Integer bars = findBars();
        Matcher decade = consume("(?<![a-z0-9.])(?:19|')?([5-9]0)s\\b");
        // groundwork writes and synthesises its parts: a request to sample is answered, not dropped without a word
        List<String> sampling = new ArrayList<>();
        for (Matcher m; (m = consume("\\b(?:samples?|sampled|sampling|chops|chopped|scratch(?:es|ing)?)\\b")) != null; ) sampling.add(m.group());
        if (!sampling.isEmpty()) {
            reading.add("sampling: '" + String.join("', '", sampling) + "' asked, but groundwork writes and synthesises every part, it does not sample or scratch;"
                    + " --kit plays your own one-shots");
        }
        Matcher era = consume("\\b(?:old[- ]school|new[- ]school|retro|west coast|east coast)\\b");
        if (era != null) reading.add("era: '" + era.group() + "' noted; the genre's own grammar is what is written");
        if (decade != null) reading.add("era: the " + decade.group(1) + "s ('" + decade.group().trim() + "' is a decade here, not a length: write '" + decade.group(1) + " seconds' for one)");
        Double seconds = findSeconds();
        if (bars != null && seconds != null) reading.add("length: " + bars + " bars (bars win over the time also given)");
        Double swing = findSwing();
        // after every number with a unit or a keyword ("62 % swing", "swing 60"), so only a number on its own is left
        if (bpm == null) bpm = findBareTempo(genre);
        List<Mood> moods = findMoods(genre, metre, exclude);
        double tempoBias = findTempoWords(bpm != null);
        for (Mood m : moods) tempoBias += m.tempoBias;
        tempoBias = Math.max(-1, Math.min(1, tempoBias));
        if (bpm != null && moods.stream().anyMatch(m -> m.tempoBias != 0)) {
            reading.add("tempo: the number asked for wins over the mood words");
        }
        Double styleTempo = nearestStyle == null ? null : NEAREST.get(nearestStyle).tempo();
        if (bpm == null && styleTempo != null) {
            // the style's own tempo, not the grammar's range; tempo and mood words move it a little (up to 4 BPM)
            bpm = styleTempo + Math.round(4 * tempoBias);
            reading.add("tempo: " + fmt(bpm) + " BPM, " + nearestStyle + "'s usual tempo" + (tempoBias != 0 ? " moved by the tempo words" : "")
                    + " (" + genre.label + "'s own range is " + genre.bpmMin + "-" + genre.bpmMax + "; name a tempo to choose another)");
        }

        Integer tonic = null;
        Mode mode = null;
        boolean modeExplicit = false;
        Key key = findKey();
        if (key != null) {
            tonic = key.tonic();
            mode = key.mode();
            modeExplicit = true;
            reading.add("key: " + key.name());
        } else if ((key = findGermanB()) != null) {
            tonic = key.tonic();
            mode = key.mode();
            modeExplicit = true;
            reading.add("key: " + key.name() + " ('H' is the German name of B)");
        } else {
            // another letter past G with a mode word is a typo: say so, rather than quietly choosing a tonic; the letter stays ignored
            Matcher notKey = find("(?<![a-z0-9])([h-z])\\s*(minor|major|dorian|phrygian|lydian|mixolydian|aeolian|ionian)\\b");
            Mode m = findModeOnly();
            if (m != null) {
                mode = m;
                modeExplicit = true;
                reading.add(notKey != null && Character.isUpperCase(original.charAt(notKey.start(1)))
                        ? "key: '" + original.substring(notKey.start(), notKey.end()) + "' names no key (notes are A to G): the mode is kept, the tonic chosen by the seed"
                        : "mode: " + m.label() + " (tonic chosen by the seed)");
            }
        }
        if (!modeExplicit) {
            for (Mood m : moods) {
                if (m.mode != null) {
                    mode = m.mode;
                    reading.add("mode: " + m.mode.label() + " (from '" + m.name().toLowerCase(Locale.ROOT) + "')");
                    break;
                }
            }
        }


        List<String> structure = findStructure();
        if (!structure.isEmpty()) reading.add("structure: " + String.join(", ", structure));
        if (loop) reading.add("loop: renders as a seamless loop");

        // "melodic": the melody must be heard, even where the form would leave it out ("no melody" wins, said above)
        if (moods.contains(Mood.MELODIC)) include.add("melody");
        // last: an artist's name is whatever is left after "like" or before "type beat"
        findReference(genreExplicit);

        List<String> ignored = new ArrayList<>(meters);
        ignored.addAll(leftovers());
        return new BeatRequest(prompt, genre, genreExplicit, bpm, tempoBias, tonic, mode, modeExplicit, moods, bars, seconds,
                structure, swing, loop, include, exclude, sounds, heavy808, metre, reading, ignored, edits, medium, slides, variations);
    }

    // --- genre ---

    /**
     * Styles groundwork has no grammar of its own for, played with the nearest one it has (said in the reading):
     * subgenres that share its tempo, drums and bass (phonk, rage, plugg, cloud rap: trap; grime: UK drill's tempo and
     * half-time; g-funk: boom bap; dancehall, moombahton: dembow; afro and bass house: house; trap soul: R&B).
     * Dubstep and future bass are written at 140-160 BPM with the snare once a bar on beat 3, trap's half-time grid and
     * tempo (future bass's big chords go on trap's pad). Jersey club is club music with the kick on the beat and the
     * claps on 2 and 4, not half-time, so house, its ancestor (via Baltimore club).
     * A style whose usual tempo the grammar's range misses carries it ({@link Nearest#tempo}, used when no tempo is named):
     * jersey club about 140 BPM and UK garage about 132, above house's 120-128; moombahton about 108, above dembow's 90-100.
     */
    private static final Map<String, Nearest> NEAREST = new LinkedHashMap<>();

    /** The grammar a style is played as, and the style's own tempo where that grammar's range misses it (else null). */
    private record Nearest(Genre genre, Double tempo) { }

    private static void nearest(Genre g, Double tempo, String... styles) {
        for (String a : styles) NEAREST.put(a, new Nearest(g, tempo));
    }

    static {
        nearest(Genre.TRAP, null, "phonk", "drift phonk", "rage", "plugg", "pluggnb", "cloud rap", "emo rap", "dubstep", "future bass", "hyperpop");
        nearest(Genre.DRILL, null, "grime");
        nearest(Genre.BOOM_BAP, null, "g-funk", "gfunk", "g funk");
        nearest(Genre.REGGAETON, null, "dancehall");
        nearest(Genre.REGGAETON, 108.0, "moombahton");
        nearest(Genre.HOUSE, null, "afro house", "bass house");
        nearest(Genre.HOUSE, 140.0, "jersey club");
        // four-on-the-floor dance music: UK garage (its two-step kick swing aside, and faster), disco and its heirs, EDM
        nearest(Genre.HOUSE, 132.0, "uk garage", "future garage", "2-step", "2step", "two-step", "garage");
        nearest(Genre.HOUSE, 135.0, "speed garage");
        nearest(Genre.HOUSE, null, "disco", "nu disco", "nu-disco", "funky house", "progressive house", "electro house", "big room", "edm");
        nearest(Genre.TECHNO, null, "trance"); // four on the floor at 130-140 BPM, like techno, with bigger chords
        // synthwave: 80s drum machines, four on the floor or a plain backbeat, slower than house
        nearest(Genre.HOUSE, 100.0, "synthwave", "retrowave", "outrun");
        nearest(Genre.RNB, null, "trap soul", "trapsoul");
    }

    /** The style named in the prompt when it is played as the nearest grammar ({@link #NEAREST}), else null. */
    private String nearestStyle;

    private Genre findGenre() {
        record Alias(Genre g, String a, boolean nearest) { }
        List<Alias> all = new ArrayList<>();
        for (Genre g : Genre.values()) for (String a : g.aliases) all.add(new Alias(g, a, false));
        NEAREST.forEach((a, n) -> all.add(new Alias(n.genre(), a, true)));
        all.sort(Comparator.comparingInt((Alias x) -> -x.a.length()));
        Genre found = null;
        for (Alias al : all) {
            Matcher m = Pattern.compile("(?<![a-z0-9])" + Pattern.quote(al.a) + "(?![a-z0-9])").matcher(text);
            while (m.find()) {
                if (isUsed(m.start(), m.end())) continue;
                mark(m.start(), m.end());
                if (found == null) {
                    found = al.g;
                    if (al.nearest) {
                        reading.add("genre: '" + al.a + "' has no grammar of its own here: played as " + al.g.label + ", the nearest");
                        nearestStyle = al.a;
                    }
                } else if (found != al.g) {
                    reading.add("genre: also named " + al.g.label + "; using the first, " + found.label);
                }
            }
        }
        return found;
    }

    // --- numbers ---

    private Double findTempo(Genre genre) {
        Matcher m = find(SIGN + "(\\d+(?:\\.\\d+)?)\\s*(?:bpm|b\\.p\\.m\\.?|beats per minute)\\b|\\btempo\\s*(?:of\\s*)?([-\u2212])?\\s*(\\d+(?:\\.\\d+)?)\\b");
        if (m == null) return null;
        double bpm = Double.parseDouble(m.group(2) != null ? m.group(2) : m.group(4));
        if (m.group(1) != null || m.group(3) != null) bpm = -bpm;
        if (!(bpm >= MIN_BPM && bpm <= MAX_BPM)) {
            throw new PromptException(fmt(bpm) + " BPM is not a playable tempo: ask for " + (int) MIN_BPM + ".." + (int) MAX_BPM + " BPM");
        }
        mark(m.start(), m.end());
        if (bpm < genre.bpmMin || bpm > genre.bpmMax) {
            reading.add("tempo: " + fmt(bpm) + " BPM as asked (outside " + genre.label + "'s usual " + genre.bpmMin + "-" + genre.bpmMax + ")");
        } else {
            reading.add("tempo: " + fmt(bpm) + " BPM as asked");
        }
        return bpm;
    }

    /** Two or three digits with no letter, sign, '%', ':' or '/' touching them (not 808s, 4/4, 1:30, -140 or 50%). */
    private static final Pattern BARE_NUMBER = Pattern.compile("(?<![a-z0-9.#'\u2212-])(\\d{2,3}(?:\\.\\d+)?)(?![a-z0-9.%:/])");

    /**
     * A number with no unit that can be a tempo ("trap 150", "dnb 174"): producers write the tempo that way, and it used to
     * vanish without a word. Read only when no tempo is named with its unit, and said so in the reading.
     */
    private Double findBareTempo(Genre genre) {
        Matcher m = BARE_NUMBER.matcher(text);
        while (m.find()) {
            if (isUsed(m.start(), m.end())) continue;
            double bpm = Double.parseDouble(m.group(1));
            if (!(bpm >= MIN_BPM && bpm <= MAX_BPM)) continue;
            mark(m.start(), m.end());
            String range = bpm < genre.bpmMin || bpm > genre.bpmMax ? ", outside " + genre.label + "'s usual " + genre.bpmMin + "-" + genre.bpmMax : "";
            reading.add("tempo: " + fmt(bpm) + " BPM ('" + m.group(1) + "', a number on its own read as the tempo" + range + ")");
            return bpm;
        }
        return null;
    }

    private Integer findBars() {
        Matcher m = find(SIGN + "(\\d+)\\s*(?:-\\s*)?(?:bars?|measures?)\\b");
        if (m == null) return null;
        long n = Long.parseLong(m.group(2).length() > 9 ? "9999999999" : m.group(2));
        if (m.group(1) != null) n = -n;
        if (n < 1 || n > MAX_BARS) throw new PromptException((m.group(1) != null ? "-" : "") + m.group(2) + " bars is not a possible length: ask for 1.." + MAX_BARS + " bars");
        mark(m.start(), m.end());
        reading.add("length: " + n + " bars");
        return (int) n;
    }

    private Double findSeconds() {
        Matcher m = find("\\b(\\d{1,3}):([0-5]\\d)\\b");
        double s;
        if (m != null) {
            s = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
        } else {
            m = find(SIGN + "(\\d+(?:\\.\\d+)?)\\s*(hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)\\b");
            if (m == null) return null;
            double v = Double.parseDouble(m.group(2)) * (m.group(1) != null ? -1 : 1);
            s = m.group(3).startsWith("h") ? v * 3600 : m.group(3).startsWith("m") ? v * 60 : v;
        }
        if (!(s >= 2 && s <= MAX_SECONDS)) throw new PromptException(m.group().trim() + " is not a possible length: ask for 2 seconds to 20 minutes");
        mark(m.start(), m.end());
        reading.add("length: " + fmt(s) + " s");
        return s;
    }

    private Double findSwing() {
        Matcher m = find(SIGN + "(\\d+(?:\\.\\d+)?)\\s*%\\s*swing\\b|\\bswing\\s*(?:of\\s*)?([-\u2212])?\\s*(\\d+(?:\\.\\d+)?)\\s*%?");
        if (m != null) {
            double pct = Double.parseDouble(m.group(2) != null ? m.group(2) : m.group(4));
            if (m.group(1) != null || m.group(3) != null) pct = -pct;
            if (!(pct >= 50 && pct <= 75)) throw new PromptException("swing " + fmt(pct) + " % is not possible: ask for 50 % (straight) to 75 %");
            mark(m.start(), m.end());
            reading.add("swing: " + fmt(pct) + " % as asked");
            return pct / 100;
        }
        if ((m = consume("\\b(heavy|lots of|big|a lot of)\\s+swing\\b|\\bheavily swung\\b")) != null) {
            reading.add("swing: 64 % ('" + m.group().trim() + "')");
            return 0.64;
        }
        if ((m = consume("\\b(light|slight|little|a bit of)\\s+swing\\b|\\bslightly swung\\b")) != null) {
            reading.add("swing: 54 % ('" + m.group().trim() + "')");
            return 0.54;
        }
        if ((m = consume("\\b(no swing|straight|quantized|quantised|unswung)\\b")) != null) {
            reading.add("swing: none ('" + m.group().trim() + "')");
            return 0.5;
        }
        if ((m = consume("\\b(swung|swing|swingy|shuffle|shuffled)\\b")) != null) {
            reading.add("swing: 58 % ('" + m.group().trim() + "')");
            return 0.58;
        }
        return null;
    }

    private double findTempoWords(boolean numberGiven) {
        double bias = 0;
        Matcher m;
        if ((m = consume("\\b(slow|slower|downtempo|down-tempo)\\b")) != null) { bias -= 0.8; note(numberGiven, m.group()); }
        if ((m = consume("\\b(fast|faster|uptempo|up-tempo|quick)\\b")) != null) { bias += 0.8; note(numberGiven, m.group()); }
        if ((m = consume("\\b(mid-?tempo|medium tempo)\\b")) != null) { note(numberGiven, m.group()); }
        if ((m = consume("\\b(half-?time|half time)\\b")) != null) {
            reading.add("feel: half-time ('" + m.group() + "'): snare on 3, tempo written at full speed");
        }
        if ((m = consume("\\b(double-?time|double time)\\b")) != null) { bias += 1; note(numberGiven, m.group()); }
        return bias;
    }

    private void note(boolean numberGiven, String word) {
        reading.add("tempo word '" + word + "'" + (numberGiven ? " noted; the number asked for wins" : " steers the tempo within the genre's range"));
    }

    // --- key ---

    private Key findKey() {
        // "in A dorian", "in f minor", "in Eb": "in" makes the letter unambiguous.
        Matcher m = find("\\bin\\s+([a-g])\\s*(#|\u266f|b(?![a-z])|\u266d|-sharp|-flat|\\s+sharp|\\s+flat)?\\s*"
                + "(minor|major|min|maj|aeolian|ionian|dorian|phrygian|lydian|mixolydian|m(?![a-z]))?(?![a-z#])");
        if (m != null && keyPlausible(m)) return takeKey(m);
        // "F minor", "F#m", "Eb major", "C# dorian": a capital letter, or any letter with a mode word.
        Pattern p = Pattern.compile("(?<![a-z0-9])([a-g])\\s*(#|\u266f|b(?![a-z])|\u266d|-sharp|-flat|\\s+sharp|\\s+flat)?\\s*"
                + "(minor|major|min|maj|aeolian|ionian|dorian|phrygian|lydian|mixolydian|m(?![a-z]))?(?![a-z#0-9])");
        m = p.matcher(text);
        while (m.find()) {
            if (isUsed(m.start(), m.end())) continue;
            boolean capital = Character.isUpperCase(original.charAt(m.start(1)));
            boolean hasMode = m.group(3) != null;
            boolean hasAcc = m.group(2) != null;
            if (m.group(3) != null && m.group(3).equals("m") && !capital) continue; // "am", "bm" stay words
            if (!hasMode && !hasAcc) continue; // a lone letter is too ambiguous ("A dark beat")
            if (!capital && !hasMode) continue;
            return takeKey(m);
        }
        return null;
    }

    /**
     * "H minor", "H dorian": German, Dutch, Scandinavian and Central European names call B natural 'H' (and B flat 'B',
     * which an English prompt's "B minor" never means, so only H is read the German way). A capital H with a mode word:
     * a lone "h" stays a letter.
     */
    private Key findGermanB() {
        Matcher m = find("(?<![a-z0-9])h\\s*(minor|major|dorian|phrygian|lydian|mixolydian|aeolian|ionian)\\b");
        if (m == null || original.charAt(m.start()) != 'H') return null;
        mark(m.start(), m.end());
        return new Key(11, Mode.fromWord(m.group(1)));
    }

    private boolean keyPlausible(Matcher m) { return !isUsed(m.start(), m.end()); }

    private Key takeKey(Matcher m) {
        String acc = m.group(2) == null ? "" : m.group(2).replace("-", "").trim();
        int pc = Key.pitchClass(m.group(1), acc);
        Mode mode = m.group(3) == null ? Mode.MAJOR : Mode.fromWord(m.group(3));
        mark(m.start(), m.end());
        return new Key(pc, mode);
    }

    private Mode findModeOnly() {
        Matcher m = consume("\\b(minor|major|dorian|phrygian|lydian|mixolydian|aeolian|ionian)\\b(\\s+key)?");
        return m == null ? null : Mode.fromWord(m.group(1));
    }

    // --- moods and instruments ---

    private List<Mood> findMoods(Genre genre, Metre metre, Set<String> exclude) {
        List<Mood> out = new ArrayList<>();
        for (Mood mood : Mood.values()) {
            for (String w : mood.words) {
                Matcher m = consume("\\b" + Pattern.quote(w) + "\\b");
                if (m == null || out.contains(mood)) continue;
                String refused = refusal(mood, genre, exclude);
                if (refused != null) {
                    reading.add("mood: '" + w + "' noted, but " + refused);
                    continue;
                }
                out.add(mood);
                reading.add("mood: " + w + " (" + describe(mood, genre, metre, out.contains(Mood.ROLLING)) + ")");
            }
        }
        return out;
    }

    /** Why a mood word cannot be honoured in this beat, or null when it can. */
    private static String refusal(Mood mood, Genre genre, Set<String> exclude) {
        if (mood == Mood.MELODIC && exclude.contains("melody")) return "'no melody' wins: no melody is written";
        if (mood == Mood.ROLLING && genre.rollsSoundDoubleTime()) {
            return genre.label + "'s hats stay as they are (16ths and rolls between its slow beats are heard as double time)";
        }
        return null;
    }

    /** What a mood word does, for the reading; the words that steer the part writers say how. */
    private static String describe(Mood m, Genre genre, Metre metre, boolean rolling) {
        return switch (m) {
            case AIRY -> "brighter synths, chords and melody " + m.register + " semitones higher, fewer notes for more space between them";
            case MELODIC -> "the melody is busier, plays in the verses as well as the hooks, and sits 2 dB louder";
            case ROLLING -> MetreDrums.of(genre, metre).hatRolls()
                    ? "hi-hat rolls in every bar the hats play, not only at phrase ends: 1/32, 1/16-triplet and 1/64 ratchets"
                    : genre == Genre.DNB
                    ? "a rolling break: 16th hats with ghost notes between the hits, ghost snares every bar; a busier, syncopated bass"
                    : genre == Genre.HOUSE || genre == Genre.TECHNO
                    ? "a rolling 16th bassline between the kicks; ghost hats in the hat pattern's gaps"
                    : "16th hats with ghost notes between the hits, a little busier";
            case HYPNOTIC -> "one drum pattern and one chord progression for the whole beat, the melody repeats one bar's phrase,"
                    + (rolling && MetreDrums.of(genre, metre).hatRolls() ? " fills only where a section changes; the rolls asked for stay, the same roll every bar"
                    : " fills and hat rolls only where a section changes; a little sparser");
            default -> describe(m);
        };
    }

    private static String describe(Mood m) {
        List<String> d = new ArrayList<>();
        if (m.density > 0) d.add("busier"); else if (m.density < 0) d.add("sparser");
        if (m.register > 0) d.add("higher"); else if (m.register < 0) d.add("lower");
        if (m.brightness > 0) d.add("brighter"); else if (m.brightness < 0) d.add("darker");
        if (m.drive > 0) d.add("more drive");
        if (m.tempoBias > 0) d.add("faster"); else if (m.tempoBias < 0) d.add("slower");
        return d.isEmpty() ? "sets the mode" : String.join(", ", d);
    }

    /**
     * "a sad piano melody", "guitar chords", "no bell melody": the sound word names the sound of the part word after it,
     * whatever part the sound word means alone (piano alone is chords).
     */
    private static final Pattern SOUND_THEN_PART = Pattern.compile("\\b(?:(no|without)\\s+)?("
            + String.join("|", INSTRUMENTS.keySet().stream().filter(w -> INSTRUMENTS.get(w).sound() != null).map(Pattern::quote).toList())
            + ")\\s+(melody|melodies|lead|chords)\\b");

    private boolean findInstruments(Set<String> include, Set<String> exclude, Map<String, String> sounds) {
        boolean heavy = false;
        Matcher m;
        if ((m = consume("\\b(heavy|hard|big|loud|distorted|booming)\\s+808s?\\b")) != null) {
            heavy = true;
            include.add("bass");
            sounds.put("bass", "808");
            reading.add("808: heavy ('" + m.group() + "'): louder and driven");
        }
        if ((m = consume("\\b(drumless|no drums|without drums)\\b")) != null) {
            exclude.addAll(DRUM_PARTS);
            reading.add("drums: none ('" + m.group() + "')");
        }
        List<String> words = new ArrayList<>(INSTRUMENTS.keySet());
        String alt = String.join("|", words.stream().map(Pattern::quote).toList());
        m = SOUND_THEN_PART.matcher(text);
        while (m.find()) {
            if (isUsed(m.start(), m.end())) continue;
            mark(m.start(), m.end());
            String part = INSTRUMENTS.get(m.group(3)).part, sound = INSTRUMENTS.get(m.group(2)).sound;
            if (m.group(1) != null) {
                exclude.add(part);
                reading.add("leave out: " + part + " ('" + m.group() + "')");
            } else if (!exclude.contains(part)) {
                include.add(part);
                sounds.put(part, sound);
                reading.add("include: " + part + " as " + sound + " ('" + m.group() + "')");
            }
        }
        Pattern neg = Pattern.compile("\\b(no|without|minus|drop|drop the|no more)\\s+(" + alt + ")\\b");
        Pattern pos = Pattern.compile("\\b(with|add|plus|featuring|and|heavy|lots of|some)\\s+(?:a\\s+|an\\s+|some\\s+|the\\s+)?(" + alt + ")\\b");
        m = neg.matcher(text);
        while (m.find()) {
            if (isUsed(m.start(), m.end())) continue;
            mark(m.start(), m.end());
            Instrument in = INSTRUMENTS.get(m.group(2));
            List<String> parts = in.part.equals("drums") ? DRUM_PARTS : List.of(in.part);
            exclude.addAll(parts);
            reading.add("leave out: " + String.join(", ", parts) + " ('" + m.group() + "')");
        }
        m = pos.matcher(text);
        while (m.find()) {
            if (isUsed(m.start(), m.end())) continue;
            mark(m.start(), m.end());
            takeInstrument(m.group(2), include, exclude, sounds);
        }
        // Bare instrument words ("piano trap beat") also count as asking for them.
        for (String w : words) {
            Matcher b = Pattern.compile("(?<![a-z0-9-])" + Pattern.quote(w) + "(?![a-z0-9])").matcher(text);
            while (b.find()) {
                if (isUsed(b.start(), b.end())) continue;
                mark(b.start(), b.end());
                takeInstrument(w, include, exclude, sounds);
            }
        }
        return heavy;
    }

    private void takeInstrument(String word, Set<String> include, Set<String> exclude, Map<String, String> sounds) {
        Instrument in = INSTRUMENTS.get(word);
        List<String> parts = in.part.equals("drums") ? DRUM_PARTS : List.of(in.part);
        for (String p : parts) {
            if (exclude.contains(p)) continue;
            include.add(p);
        }
        String replaced = null;
        if (in.sound != null && !exclude.contains(in.part)) replaced = sounds.put(in.part, in.sound);
        // a part plays one sound: a second one named for it takes its place, and the reading says which it replaced
        boolean replaces = replaced != null && !replaced.equals(in.sound);
        reading.add("include: " + String.join(", ", parts) + (in.sound == null ? "" : " as " + in.sound) + " ('" + word + "'"
                + (in.standIn() ? ": no " + word + " sound is built in, " + (in.sound != null ? in.sound + " is the nearest"
                : "the genre's " + in.part + " sound plays it") : "")
                + (replaces ? "; in place of " + replaced + ", one sound a part" : "") + ")");
    }

    // --- how many beats ---

    private static final Map<String, Integer> COUNT_WORDS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("a couple of", 2));

    /**
     * "2 variations", "3 versions", "four takes": how many beats to make, when the CLI's --variations (which wins) is not given.
     * Null when the prompt names no number.
     */
    private Integer findVariations() {
        Matcher m = find(SIGN + "\\b(\\d+|" + String.join("|", COUNT_WORDS.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList())
                + ")\\s+(?:different\\s+|distinct\\s+|more\\s+)?(?:variations?|versions?|takes?|variants?)\\b");
        if (m == null) return null;
        String count = m.group(2);
        long n = COUNT_WORDS.containsKey(count) ? COUNT_WORDS.get(count) : Long.parseLong(count.length() > 9 ? "9999999999" : count);
        if (m.group(1) != null) n = -n;
        if (n < 1 || n > MAX_VARIATIONS) {
            throw new PromptException("'" + m.group().trim() + "': ask for 1.." + MAX_VARIATIONS + " variations, as --variations takes");
        }
        mark(m.start(), m.end());
        reading.add("variations: " + n + " ('" + m.group().trim() + "')");
        return (int) n;
    }

    // --- artist references ---

    private static final Pattern WORD = Pattern.compile("[a-z0-9$][a-z0-9'&$.*!-]*");

    /** "I'd like something chill", "would like", "hits like a truck": wishes and similes, not references. */
    private static final Pattern WISH = Pattern.compile("(?:\\bwould|'d|\\bi|\\bwe|\\byou)\\s+$");
    private static final Pattern SIMILE = Pattern.compile("(?:an?|some|something|crazy|mad|hell)\\b");

    /**
     * "like Juice WRLD", "in the style of Metro Boomin", "Juice WRLD type beat": groundwork does not imitate artists, so
     * the name is taken as one phrase, said once, and not listed word by word as ignored. The name is the run of words
     * not otherwise understood after the anchor (before it, for "type beat"), up to a comma or a word that was understood.
     */
    private void findReference(boolean genreNamed) {
        List<String> names = new ArrayList<>();
        Matcher a = Pattern.compile("\\b(?:(?:in\\s+the\\s+)?style\\s+of|(?:sounds?\\s+|sounding\\s+)?like|inspired\\s+by|similar\\s+to|a\\s+la|\u00e0\\s+la)\\s+").matcher(text);
        while (a.find()) {
            if (isUsed(a.start(), a.end())) continue;
            if (WISH.matcher(text.substring(0, a.start())).find() || SIMILE.matcher(text).region(a.end(), text.length()).lookingAt()) continue;
            int[] span = nameRun(a.end(), true);
            if (span == null) continue;
            // a name is capitalised or more than one word ("Drake", "juice wrld"): "like crazy" is not one
            String name = original.substring(span[0], span[1]);
            if (!name.contains(" ") && name.equals(name.toLowerCase(Locale.ROOT))) continue;
            mark(a.start(), span[1]);
            names.add(original.substring(span[0], span[1]));
        }
        Matcher t = Pattern.compile("[-\\s]type\\s+beats?\\b").matcher(text);
        while (t.find()) {
            if (isUsed(t.start(), t.end())) continue;
            int[] span = nameRun(t.start(), false);
            mark(t.start(), t.end());
            if (span == null) continue;
            mark(span[0], span[1]);
            String name = original.substring(span[0], span[1]);
            if (!names.contains(name)) names.add(name);
        }
        for (String name : names) {
            reading.add("reference: '" + name + "' is not imitated; " + (genreNamed
                    ? "the genre, tempo and mood words shape the beat" : "name a genre, tempo and mood to shape the beat"));
        }
    }

    /**
     * The words after (or before) {@code from} that nothing else took, at most six, stopping at punctuation: {start, end}
     * in the prompt, or null when there is no such word but filler.
     */
    private int[] nameRun(int from, boolean forward) {
        List<int[]> words = new ArrayList<>();
        Matcher w = WORD.matcher(text);
        while (w.find()) words.add(new int[]{w.start(), w.end()});
        List<int[]> run = new ArrayList<>();
        int edge = from;
        if (forward) {
            for (int[] x : words) {
                if (x[0] < from) continue;
                if (run.size() == 6 || isUsed(x[0], x[1]) || !text.substring(edge, x[0]).isBlank()) break;
                run.add(x);
                edge = x[1];
            }
        } else {
            for (int i = words.size() - 1; i >= 0; i--) {
                int[] x = words.get(i);
                if (x[0] < from && x[1] > from) x = new int[]{x[0], from}; // "drake-type beat": the name is the word's start
                if (x[1] > from) continue;
                if (run.size() == 6 || isUsed(x[0], x[1]) || !text.substring(x[1], edge).isBlank()) break;
                run.add(0, x);
                edge = x[0];
            }
        }
        // filler at the ends is not part of a name ("like drake with ..." is 'drake'); "the" may start one ("The Weeknd")
        while (!run.isEmpty() && FILLER.contains(text.substring(run.get(run.size() - 1)[0], run.get(run.size() - 1)[1]))) run.remove(run.size() - 1);
        while (!run.isEmpty() && !text.substring(run.get(0)[0], run.get(0)[1]).equals("the") && FILLER.contains(text.substring(run.get(0)[0], run.get(0)[1]))) run.remove(0);
        if (run.stream().allMatch(x -> FILLER.contains(text.substring(x[0], x[1])) || text.substring(x[0], x[1]).matches("\\d+"))) return null;
        int end = run.get(run.size() - 1)[1];
        while (".!'-".indexOf(text.charAt(end - 1)) >= 0) end--; // "like Juice WRLD." ends at the name
        return new int[]{run.get(0)[0], end};
    }

    // --- bass slides ---

    private boolean findSlides() {
        Matcher m = find("\\b(?:808s?|bass(?:line)?|sub)\\s+(?<w>slides?|glides?|sliding|gliding)\\b|\\b(?<w2>sliding|gliding|slidey|slide)\\s+(?:808s?|bass(?:line)?|sub)\\b");
        if (m == null) return false;
        String word = m.group("w") != null ? "w" : "w2";
        mark(m.start(word), m.end(word));
        reading.add(String.format(Locale.ROOT, "bass: slides into %.0f %% of its pitch changes ('%s')", 100 * Feel.SLIDES, m.group()));
        return true;
    }

    // --- medium ---

    /**
     * "vinyl crackle", "tape hiss", "dusty" ask for the worn-record medium (hiss and crackle, tape wow, a dull top) in any
     * genre; "no crackle", "without vinyl", "clean" take it off lo-fi, whose default it is. Null: the genre's default.
     */
    private String findMedium() {
        Matcher m;
        if ((m = consume("\\b(?:no|without)\\s+(?:vinyl|crackle|hiss|tape)(?:\\s+(?:crackle|hiss|noise|wow))?\\b|\\bclean\\b")) != null) {
            reading.add("medium: clean, no vinyl or tape ('" + m.group() + "')");
            return Feel.CLEAN;
        }
        if ((m = consume("\\b(?:vinyl(?:\\s+(?:crackle|noise|hiss))?|crackle|crackly|tape(?:\\s+(?:hiss|wow|saturation|warble))?|dusty|worn|record noise)\\b")) != null) {
            reading.add("medium: vinyl and tape, hiss and crackle under the chords, tape wow, a dull top ('" + m.group() + "')");
            while (consume("\\b(?:vinyl|crackle|crackly|tape|hiss|dusty|worn)\\b") != null) { } // "vinyl crackle and tape hiss": one medium
            return Feel.VINYL_TAPE;
        }
        return null;
    }

    // --- arrangement moves ---

    private static final String SECTION = "(?<section>intro|verses?|hooks?|chorus(?:es)?|drops?|breakdown|break|bridge|outro)";
    private static final String WHICH = "(?:(?<which>first|last|final|second|2nd|third|3rd|fourth|4th)\\s+)?";
    private static final String THE_SECTION = "(?:the\\s+|every\\s+|each\\s+|all\\s+(?:the\\s+)?)?" + WHICH + SECTION + "\\b";
    /**
     * More sections after the first: "in the intro and (the) outro", "in the intro, first verse or last hook". Matched as
     * one group without names (a pattern names a group once) and read again with {@link #ONE_SECTION}.
     */
    private static final Pattern ONE_SECTION = Pattern.compile(WHICH + SECTION + "\\b");
    private static final String AND_MORE = "(?<more>(?:(?:\\s*,\\s*(?:(?:and|or)\\s+)?|\\s+(?:and|or)\\s+|\\s*[&+]\\s*)(?:the\\s+)?" + ONE_SECTION.pattern()
            .replace("?<which>", "?:").replace("?<section>", "?:") + ")*)";
    private static final String THE_SECTIONS = THE_SECTION + AND_MORE;
    private static final String AMOUNT = "(?<amount>an?\\s+half[- ]step|an?\\s+semitone|one\\s+semitone|an?\\s+whole[- ](?:step|tone)|an?\\s+tone|an?\\s+step"
            + "|[+]?(?<count>\\d{1,2})(?:\\s*(?:semitones?|half[- ]steps?|st))?)";

    /** Every instrument word, as one regex alternation (longer phrases first, in the table's order). */
    private static final String INSTRUMENT_ALT = String.join("|", INSTRUMENTS.keySet().stream().map(Pattern::quote).toList());

    // "take", "leave" and "pull" only with "out": "leave the drums in the intro" keeps them, "take the hats out of the intro" does not
    private static final Pattern DROP = Pattern.compile("\\b(?:(?:no|without|drop|mute|cut|lose|kill|remove|strip)\\s+(?:the\\s+)?(?<instr>" + INSTRUMENT_ALT + ")\\s+(?:out\\s+)?"
            + "|(?:take|leave|pull)\\s+out\\s+(?:the\\s+)?(?<instr2>" + INSTRUMENT_ALT + ")\\s+"
            + "|(?:take|leave|pull)\\s+(?:the\\s+)?(?<instr3>" + INSTRUMENT_ALT + ")\\s+out\\s+)"
            + "(?:in|from|during|for|on|out of|of)\\s+" + THE_SECTIONS);
    // the parts as the subject: "the bass drops out in the outro", "bass and drums drop out in the outro", "drums that cut out for the bridge"
    private static final Pattern DROPS_OUT = Pattern.compile("\\b(?:the\\s+)?(?<instr>" + INSTRUMENT_ALT + ")(?<others>(?:\\s*,\\s*(?:and\\s+)?|\\s+and\\s+|\\s*&\\s*)(?:the\\s+)?(?:"
            + INSTRUMENT_ALT + "))*\\s+(?:(?:that|which)\\s+)?(?:drops?|cuts?|goes|go|falls?)\\s+out\\s+(?:in|for|during|on|of)\\s+" + THE_SECTIONS);
    // until a section ("no melody until the first hook", "drums come in at the hook") or after one ("drums come in after the intro")
    private static final Pattern UNTIL = Pattern.compile("\\b(?:no|without)\\s+(?:the\\s+)?(?<instr>" + INSTRUMENT_ALT + ")\\s+(?:until|till|before)\\s+" + THE_SECTION);
    private static final Pattern COMES_IN = Pattern.compile("\\b(?:the\\s+)?(?<instr>" + INSTRUMENT_ALT + ")\\s+(?:comes?|kicks?|drops?|enters?|starts?)\\s+(?:in\\s+)?"
            + "(?<when>after|at|on|from|with|in)\\s+" + THE_SECTION);
    private static final Pattern ADD = Pattern.compile("\\b(?:add|bring in|bring back)\\s+(?:an?\\s+|the\\s+|some\\s+)?(?<instr>" + INSTRUMENT_ALT
            + ")\\s+(?:in|on|for|during|to)\\s+" + THE_SECTIONS);
    private static final Pattern ONLY = Pattern.compile("\\b(?:the\\s+)?(?<instr>" + INSTRUMENT_ALT + ")\\s+(?:only|just)\\s+(?:in|on|for|during)\\s+" + THE_SECTIONS);
    private static final Pattern KEY_CHANGE = Pattern.compile("\\b(?:(?:a\\s+)?key\\s+change|modulat(?:e|es|ion)|(?:change|shift|lift|raise)\\s+(?:the\\s+)?key)"
            + "(?:\\s+(?<dir>up|down))?(?:\\s+(?:by\\s+)?" + AMOUNT + ")?(?:\\s+(?<dir2>up|down))?"
            + "\\s+(?:right\\s+)?(?:before|for|in|at|on|into|from)\\s+" + THE_SECTION);
    private static final Pattern LIFT = Pattern.compile("\\b(?<dir>up|down)\\s+" + AMOUNT + "\\s+(?:right\\s+)?(?:before|for|in|at|on|into|from)\\s+" + THE_SECTION);

    /**
     * "no hats in the intro", "drop the bass in the last hook", "add perc in the hook", "melody only in the hook", "key change up a whole step before
     * the last chorus", "up 1 semitone for the final hook": each becomes the edit the CLI's --drop, --add or --transpose
     * makes, applied to the composed beat. A key change without an amount goes up a whole step (+2).
     */
    private List<SectionEdit> findSectionEdits() {
        record Found(int at, List<SectionEdit> edits) { }
        List<Found> found = new ArrayList<>();
        for (Pattern p : List.of(ONLY, DROP, DROPS_OUT, UNTIL, COMES_IN, ADD)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                if (isUsed(m.start(), m.end())) continue;
                mark(m.start(), m.end());
                List<Instrument> ins = instruments(m);
                String selector = p == UNTIL ? "until:" + selector(m)
                        : p == COMES_IN ? ("after".equals(m.group("when")) ? "through:" : "until:") + selector(m)
                        : selector(m);
                SectionEdit.Kind kind = p == ADD ? SectionEdit.Kind.ADD : p == ONLY ? SectionEdit.Kind.ONLY : SectionEdit.Kind.DROP;
                List<SectionEdit> es = new ArrayList<>();
                // "drums" stays one edit: BeatMaker makes it on the drum parts this beat plays
                for (Instrument in : ins) es.add(new SectionEdit(kind, in.part, 0, selector, original.substring(m.start(), m.end())));
                String parts = String.join(", ", es.stream().map(SectionEdit::part).toList());
                reading.add("arrangement: " + switch (kind) {
                    case DROP -> "leave " + parts + " out of ";
                    case ADD -> "bring in " + parts + " in ";
                    default -> parts + " only in ";
                } + describeSelector(selector) + " ('" + m.group() + "')");
                found.add(new Found(m.start(), es));
            }
        }
        for (Pattern p : List.of(KEY_CHANGE, LIFT)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                if (isUsed(m.start(), m.end())) continue;
                mark(m.start(), m.end());
                String amount = m.group("amount");
                int steps = amount == null ? 2
                        : m.group("count") != null ? Integer.parseInt(m.group("count"))
                        : amount.contains("half") || amount.contains("semitone") ? 1 : 2;
                if (steps < 1 || steps > 12) throw new PromptException("a key change of " + steps + " semitones: ask for 1..12 ('" + m.group() + "')");
                String dir = m.group("dir") != null ? m.group("dir") : p == KEY_CHANGE ? m.group("dir2") : null;
                int semitones = "down".equals(dir) ? -steps : steps;
                String selector = selector(m);
                reading.add(String.format(Locale.ROOT, "key change: %+d semitone%s from %s on ('%s')%s", semitones, steps == 1 ? "" : "s",
                        describeSelector(selector), m.group(), amount == null ? "; no amount named: up a whole step" : ""));
                found.add(new Found(m.start(), List.of(new SectionEdit(SectionEdit.Kind.TRANSPOSE, null, semitones, selector,
                        original.substring(m.start(), m.end())))));
            }
        }
        found.sort(Comparator.comparingInt(Found::at));
        List<SectionEdit> edits = new ArrayList<>();
        for (Found f : found) edits.addAll(f.edits());
        return edits;
    }

    /**
     * "the last chorus" → "chorus:last", "the second verse" → "verse:2", "the intro" / "every hook" → "intro" / "hook";
     * "the intro and outro" → "intro,outro".
     */
    private static String selector(Matcher m) {
        String first = selector(m.group("section"), m.group("which"));
        List<String> all = new ArrayList<>(List.of(first));
        String more = groupOrNull(m, "more");
        if (more != null) {
            Matcher x = ONE_SECTION.matcher(more);
            while (x.find()) {
                String sel = selector(x.group("section"), x.group("which"));
                if (!all.contains(sel)) all.add(sel);
            }
        }
        return String.join(",", all);
    }

    /** The instrument words an arrangement move names: its one instrument group, and a list before the verb ("bass and drums"). */
    private static final Pattern ONE_INSTRUMENT = Pattern.compile("\\b(?:" + INSTRUMENT_ALT + ")\\b");

    private static List<Instrument> instruments(Matcher m) {
        List<Instrument> out = new ArrayList<>();
        for (String g : List.of("instr", "instr2", "instr3")) {
            String word = groupOrNull(m, g);
            if (word != null) out.add(INSTRUMENTS.get(word));
        }
        String others = groupOrNull(m, "others");
        if (others != null) {
            Matcher o = ONE_INSTRUMENT.matcher(others);
            while (o.find()) out.add(INSTRUMENTS.get(o.group()));
        }
        return out;
    }

    private static String groupOrNull(Matcher m, String name) {
        try {
            String g = m.group(name);
            return g == null || g.isBlank() ? null : g;
        } catch (IllegalArgumentException noSuchGroup) {
            return null; // the key-change patterns name one section
        }
    }

    private static String selector(String section, String which) {
        section = section.startsWith("chorus") ? "chorus" : section.equals("breakdown") ? "break"
                : section.endsWith("s") && !section.equals("bass") ? section.substring(0, section.length() - 1) : section;
        if (which == null) return section;
        return section + ":" + switch (which) {
            case "first" -> "first";
            case "last", "final" -> "last";
            case "second", "2nd" -> "2";
            case "third", "3rd" -> "3";
            default -> "4";
        };
    }

    private static String describeSelector(String selectors) {
        return String.join(" and ", java.util.Arrays.stream(selectors.split(",")).map(PromptParser::describeOne).toList());
    }

    private static String describeOne(String selector) {
        if (selector.startsWith("until:")) return "every section before " + describeOne(selector.substring(6)).replace("every ", "the first ");
        if (selector.startsWith("through:")) return "every section up to and including " + describeOne(selector.substring(8)).replace("every ", "the first ");
        int colon = selector.indexOf(':');
        if (colon < 0) return (selector.equals("intro") || selector.equals("outro") ? "the " : "every ") + selector;
        String which = selector.substring(colon + 1);
        return "the " + switch (which) {
            case "first", "last" -> which;
            case "2" -> "second";
            case "3" -> "third";
            default -> "fourth";
        } + " " + selector.substring(0, colon);
    }

    // --- structure ---

    /** "drop" and "break" as verbs are no sections: "drums that drop out", "the beat drops at the hook", "it breaks down". */
    private static final Pattern VERB_AFTER = Pattern.compile("\\s+(?:out|in|at|on|off|away|down|to|into|back)\\b");
    private static final Pattern VERB_BEFORE = Pattern.compile("\\b(?:that|which|it|beat|bass|drums|808s?|everything)\\s+$");

    private List<String> findStructure() {
        List<int[]> hits = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\\b(pre-hook|prehook|intro|verse|hook|chorus|bridge|drop|breakdown|break|buildup|build|outro)s?\\b(\\s*[x\u00d7]\\s*(\\d))?").matcher(text);
        while (m.find()) {
            if (isUsed(m.start(), m.end())) continue;
            boolean verbLike = m.group(1).equals("drop") || m.group(1).equals("break");
            if (verbLike && (VERB_AFTER.matcher(text).region(m.end(), text.length()).lookingAt()
                    || VERB_BEFORE.matcher(text.substring(0, m.start())).find())) continue;
            hits.add(new int[]{m.start(), m.end()});
            int times = m.group(3) == null ? 1 : Math.max(1, Math.min(4, Integer.parseInt(m.group(3))));
            for (int i = 0; i < times; i++) names.add(SECTION_WORDS.get(m.group(1)));
        }
        if (names.size() < 2) return List.of();
        for (int[] h : hits) mark(h[0], h[1]);
        return names;
    }

    // --- bookkeeping ---

    private List<String> leftovers() {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("[a-z0-9][a-z0-9'#&-]*").matcher(text);
        while (m.find()) {
            if (isUsed(m.start(), m.end())) continue;
            String w = m.group().replaceAll("['-]+$", "");
            if (w.isEmpty() || FILLER.contains(w) || w.matches("\\d+")) continue;
            String orig = original.substring(m.start(), m.start() + w.length());
            if (!out.contains(orig)) out.add(orig);
        }
        return out;
    }

    private Matcher find(String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) if (!isUsed(m.start(), m.end())) return m;
        return null;
    }

    private Matcher consume(String regex) {
        Matcher m = find(regex);
        if (m != null) mark(m.start(), m.end());
        return m;
    }

    private boolean isUsed(int from, int to) {
        for (int i = from; i < to; i++) if (used[i]) return true;
        return false;
    }

    private void mark(int from, int to) {
        for (int i = from; i < to; i++) used[i] = true;
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
