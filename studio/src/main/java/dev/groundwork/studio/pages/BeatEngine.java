package dev.groundwork.studio.pages;

import dev.groundwork.beat.BeatMaker;
import dev.groundwork.beat.plan.BeatPlan;
import dev.groundwork.beat.plan.Note;
import dev.groundwork.beat.plan.Part;
import dev.groundwork.beat.plan.Role;
import dev.groundwork.beat.plan.Section;
import dev.groundwork.beat.compose.Composer;
import dev.groundwork.beat.sound.InstalledSounds;
import dev.groundwork.beat.sound.LoadedKit;
import dev.groundwork.beat.sound.SoundFontRenderer;
import dev.groundwork.beat.style.Sounds;
import dev.groundwork.core.json.Json;
import dev.groundwork.core.progress.ProgressListener;
import dev.groundwork.session.beat.BeatJob;
import dev.groundwork.session.beat.BeatOutput;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** The one place the studio calls the beat module and the session's beat job (it never composes by itself). */
final class BeatEngine {
    /** "drums" in a lock list stands for every drum part (kick, snare, hats, perc), as for the beat module. */
    static final String DRUMS = BeatMaker.DRUMS;

    private BeatEngine() { }

    static boolean available() { return true; }

    /** How many variations the prompt asks for ("3 versions"), or null; an impossible count is a 400 with the CLI's message. */
    static Integer askedVariations(String prompt) {
        try {
            return BeatMaker.read(prompt).variations();
        } catch (dev.groundwork.beat.prompt.PromptException e) {
            throw dev.groundwork.studio.ApiError.badRequest(e.getMessage());
        }
    }

    /**
     * Variation i composed with seed + i, as {@code groundwork beat PROMPT --seed N --variations K} does. Composing takes
     * milliseconds, so the request composes before its job starts: an impossible prompt ("500 bpm", a move into a section the
     * form lacks) is a 400 with the CLI's message, and the job renders these plans.
     */
    static List<BeatPlan> compose(String prompt, int variations, long seed) {
        List<BeatPlan> plans = new ArrayList<>();
        try {
            for (int i = 0; i < variations; i++) plans.add(BeatMaker.compose(prompt, seed + i));
        } catch (dev.groundwork.beat.prompt.PromptException e) {
            throw dev.groundwork.studio.ApiError.badRequest(e.getMessage());
        }
        return plans;
    }

    static BeatViews.Generation generate(String prompt, List<BeatPlan> composed, Sources sources, Path outDir, String relBase, ProgressListener progress) {
        List<BeatViews.Variation> out = new ArrayList<>();
        int variations = composed.size();
        for (int i = 0; i < variations; i++) {
            BeatPlan plan = sources.apply(composed.get(i));
            String id = "v" + (i + 1);
            double lo = (double) i / variations, span = 1.0 / variations;
            out.add(render(plan, sources.kit(), id, "Variation " + (i + 1), List.of(), outDir.resolve(id), relBase + "/" + id,
                    (st, f) -> progress.progress(st + " " + id, lo + span * f)));
        }
        return new BeatViews.Generation(prompt, out);
    }

    /** A new variation that keeps the locked parts of {@code plan} and writes every other part again from a new seed. */
    static BeatViews.Variation regenerate(Path planFile, List<String> locked, long seed, Path outDir, String relBase, String id, ProgressListener progress) {
        BeatPlan plan = BeatMaker.regenerateAllBut(Json.read(planFile, BeatPlan.class), locked, seed);
        return render(plan, id, "Variation " + id.substring(1) + " (regenerated)", locked, outDir, relBase, progress);
    }

    static BeatViews.Variation dropPart(Path planFile, String section, String part, Path outDir, String relBase, String id, ProgressListener progress) {
        BeatPlan plan = Json.read(planFile, BeatPlan.class);
        plan = BeatMaker.drop(plan, part, section);
        return render(plan, id, "Variation " + id.substring(1) + " (no " + part + " in " + section + ")", List.of(), outDir, relBase, progress);
    }

    /**
     * The drum kit and SoundFont new variations are rendered with ({@code --kit}, {@code --soundfont}); null is the built-in
     * sound. The plan records them as the CLI does (absolute paths in beat.json, an "edit:" line in its reading). The kit
     * is the one the request loaded to check it: every variation records and plays it without reading its files again.
     */
    record Sources(LoadedKit kit, Path soundfont) {
        BeatPlan apply(BeatPlan plan) {
            if (kit != null) plan = BeatMaker.kit(plan, kit);
            if (soundfont != null) plan = BeatMaker.soundfont(plan, soundfont);
            return plan;
        }

        /** "kit Rock, SoundFont FluidR3_GM.sf2", or "" for the built-in sounds. */
        String describe() {
            List<String> s = new ArrayList<>();
            if (kit != null) s.add("kit " + kit.path().getFileName());
            if (soundfont != null) s.add("SoundFont " + soundfont.getFileName());
            return String.join(", ", s);
        }
    }

    /**
     * The kit and SoundFont a request names (a path on this computer; "~/" is the home folder; blank or absent = built in),
     * checked now with the beat module's own checks (the kit is loaded, once, the SoundFont's header read), so a bad one is one 400.
     */
    static Sources sources(String kit, String soundfont) {
        Path k = path("kit", kit), sf = path("soundfont", soundfont);
        try {
            LoadedKit loaded = k == null ? null : LoadedKit.load(k, Composer.SAMPLE_RATE);
            if (sf != null) SoundFontRenderer.check(sf);
            return new Sources(loaded, sf);
        } catch (IllegalArgumentException | dev.groundwork.core.audio.AudioFileException e) {
            throw dev.groundwork.studio.ApiError.badRequest(e.getMessage());
        }
    }

    private static Path path(String field, String typed) {
        if (typed == null || typed.isBlank()) return null;
        String t = typed.strip();
        if (t.equals("~") || t.startsWith("~/")) t = System.getProperty("user.home") + t.substring(1);
        Path p;
        try {
            p = Path.of(t);
        } catch (java.nio.file.InvalidPathException e) {
            throw dev.groundwork.studio.ApiError.badRequest(field + " is not a path: " + typed);
        }
        if (!p.isAbsolute()) throw dev.groundwork.studio.ApiError.badRequest(field + " must be a full path on this computer (like /home/you/kits/MyKit), not " + typed);
        return p.normalize();
    }

    /** What the Beat page offers: built-in sounds, the parts --add brings in, the installed kits and SoundFonts. */
    static BeatViews.Options options() {
        Path home = Path.of(System.getProperty("user.home"));
        return new BeatViews.Options(sounds(), ADDABLE, InstalledSounds.kits(InstalledSounds.kitRoots(home)),
                InstalledSounds.soundfonts(InstalledSounds.soundfontRoots(home)));
    }

    /** The parts --add brings in (a part the beat lacks is written from its own seed with the genre's sound). */
    static final List<String> ADDABLE = dev.groundwork.beat.compose.Arranger.ALL_PARTS;

    /** A section selector ("hook", "hook:last", "3", ...) checked against the plan now, so a bad one is a 400, not a failed job. */
    static String section(Path planFile, String selector) {
        try {
            BeatMaker.select(Json.read(planFile, BeatPlan.class), selector);
            return selector;
        } catch (IllegalArgumentException e) {
            throw dev.groundwork.studio.ApiError.badRequest(e.getMessage());
        }
    }

    /** A section number in words a producer reads ("3" → "hook (bar 17)"); a named selector as it is. */
    static String sectionName(Path planFile, String selector) {
        if (!selector.matches("\\d+")) return selector;
        Section s = Json.read(planFile, BeatPlan.class).sections().get(Integer.parseInt(selector) - 1);
        return s.name() + " (bar " + (s.startBar() + 1) + ")";
    }

    static BeatViews.Variation addPart(Path planFile, String section, String part, Path outDir, String relBase, String id, ProgressListener progress) {
        BeatPlan plan = BeatMaker.add(Json.read(planFile, BeatPlan.class), part, section);
        return render(plan, id, "Variation " + id.substring(1) + " (" + part + " added in " + section + ")", List.of(), outDir, relBase, progress);
    }

    /** --transpose: the key moves by {@code semitones} from the first section {@code from} selects to the end. */
    static BeatViews.Variation keyChange(Path planFile, int semitones, String from, Path outDir, String relBase, String id, ProgressListener progress) {
        BeatPlan plan = BeatMaker.transpose(Json.read(planFile, BeatPlan.class), semitones, from);
        return render(plan, id, String.format("Variation %s (%+d st from %s)", id.substring(1), semitones, sectionName(planFile, from)), List.of(), outDir,
                relBase, progress);
    }

    /** The built-in sounds (--sound), each with the kind of part it fits and what it sounds like. */
    static List<BeatViews.Sound> sounds() {
        return Sounds.names().stream().map(Sounds::get)
                .map(s -> new BeatViews.Sound(s.name(), s.role() == Role.DRUMS ? DRUMS : s.role().name().toLowerCase(java.util.Locale.ROOT), s.description())).toList();
    }

    /**
     * A drop's section selector and part name ("drums" = every drum part) checked against the plan, read once, so a bad
     * one is a 400, not a failed job.
     */
    static void checkDrop(Path planFile, String section, String part) {
        try {
            BeatPlan plan = Json.read(planFile, BeatPlan.class);
            BeatMaker.select(plan, section);
            checkPart(plan, part);
        } catch (IllegalArgumentException e) {
            throw dev.groundwork.studio.ApiError.badRequest(e.getMessage());
        }
    }

    private static void checkPart(BeatPlan plan, String part) {
        if (!BeatMaker.plays(plan, part)) throw new IllegalArgumentException("this beat has no " + part + (part.equals(DRUMS) ? "" : " part"));
    }

    /** Checks a --sound swap now (the part exists, the sound is built in and fits it), so a bad one is a 400. */
    static void checkSound(Path planFile, String part, String sound) {
        BeatPlan plan = Json.read(planFile, BeatPlan.class);
        try {
            checkPart(plan, part);
            BeatMaker.sound(plan, part, sound);
        } catch (IllegalArgumentException e) {
            throw dev.groundwork.studio.ApiError.badRequest(e.getMessage());
        }
    }

    static BeatViews.Variation sound(Path planFile, String part, String sound, Path outDir, String relBase, String id, ProgressListener progress) {
        BeatPlan plan = Json.read(planFile, BeatPlan.class);
        plan = BeatMaker.sound(plan, part, sound);
        return render(plan, id, "Variation " + id.substring(1) + " (" + part + ": " + sound + ")", List.of(), outDir, relBase, progress);
    }

    /** The same beat with another kit and SoundFont (--from-plan with --kit, --soundfont; null goes back to the built-in sound). */
    static BeatViews.Variation sources(Path planFile, Sources sources, Path outDir, String relBase, String id, ProgressListener progress) {
        BeatPlan plan = BeatMaker.soundfont(BeatMaker.kit(Json.read(planFile, BeatPlan.class), sources.kit()), sources.soundfont());
        String what = sources.describe().isEmpty() ? "built-in sounds" : sources.describe();
        return render(plan, sources.kit(), id, "Variation " + id.substring(1) + " (" + what + ")", List.of(), outDir, relBase, progress);
    }

    /** The tempo range a beat can be set to (the beat module's, --tempo). */
    static final double MIN_BPM = dev.groundwork.beat.prompt.PromptParser.MIN_BPM, MAX_BPM = dev.groundwork.beat.prompt.PromptParser.MAX_BPM;

    /** The same beat, note for note, at another tempo (--tempo on a saved plan). */
    static BeatViews.Variation tempo(Path planFile, double bpm, Path outDir, String relBase, String id, ProgressListener progress) {
        BeatPlan plan = Json.read(planFile, BeatPlan.class);
        String label = String.format(java.util.Locale.ROOT, "Variation %s (%s → %s BPM)", id.substring(1), bpm(plan.tempoBpm()), bpm(bpm));
        return render(BeatMaker.tempo(plan, bpm), id, label, List.of(), outDir, relBase, progress);
    }

    /** 90 → "90", 92.5 → "92.5". */
    static String bpm(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    private static BeatViews.Variation render(BeatPlan plan, String id, String label, List<String> locked, Path dir, String rel, ProgressListener progress) {
        return render(plan, null, id, label, locked, dir, rel, progress);
    }

    /** {@code kit}: the plan's kit as the request loaded it (null: read from the plan's path, once, by the render). */
    private static BeatViews.Variation render(BeatPlan plan, LoadedKit kit, String id, String label, List<String> locked, Path dir, String rel,
                                              ProgressListener progress) {
        BeatOutput o = BeatJob.run(plan, kit, dir, progress);
        List<BeatViews.Stem> stems = o.parts().stream().map(p -> new BeatViews.Stem(p, rel + "/stems/" + p + ".wav")).toList();
        List<BeatViews.Lane> drums = new ArrayList<>();
        List<BeatViews.Part> pitched = new ArrayList<>();
        for (Part p : plan.parts()) {
            if (p.role().pitched()) {
                pitched.add(new BeatViews.Part(p.name(), p.sound(), p.notes().stream()
                        .map(n -> new BeatViews.Note(n.startBeats(), n.lengthBeats(), n.pitch(), n.velocity() / 127.0)).toList()));
            } else {
                // one lane per part in sixteenth-note steps (the bar's length follows the metre), a step keeps its loudest hit
                TreeMap<Integer, Double> steps = new TreeMap<>();
                for (Note n : p.notes()) steps.merge((int) Math.round(n.startBeats() * 4), n.velocity() / 127.0, Math::max);
                drums.add(new BeatViews.Lane(p.name(), p.sound(), steps.entrySet().stream().map(e -> new BeatViews.Hit(e.getKey(), e.getValue())).toList()));
            }
        }
        List<BeatViews.Section> sections = new ArrayList<>();
        for (Section s : plan.sections()) sections.add(new BeatViews.Section(s.name(), s.startBar(), s.bars()));
        return new BeatViews.Variation(id, label, plan.seed(), plan.tempoBpm(), o.key(), plan.bars(), rel + "/beat.json", rel + "/beat.wav",
                rel + "/beat.mid", stems, drums, pitched, sections, locked, plan.genre(), plan.reading(),
                plan.timeSignature(), (int) Math.round(plan.barBeats() * 4), plan.kit(), plan.soundfont());
    }
}
