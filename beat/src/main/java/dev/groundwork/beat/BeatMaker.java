package dev.groundwork.beat;

import dev.groundwork.beat.compose.Composer;
import dev.groundwork.beat.compose.Seeds;
import dev.groundwork.beat.plan.BeatPlan;
import dev.groundwork.beat.plan.Chord;
import dev.groundwork.beat.plan.Note;
import dev.groundwork.beat.plan.Part;
import dev.groundwork.beat.plan.Role;
import dev.groundwork.beat.plan.Section;
import dev.groundwork.beat.prompt.BeatRequest;
import dev.groundwork.beat.prompt.PromptException;
import dev.groundwork.beat.prompt.PromptParser;
import dev.groundwork.beat.prompt.SectionEdit;
import dev.groundwork.beat.render.BeatRenderer;
import dev.groundwork.beat.render.MidiExport;
import dev.groundwork.beat.render.RenderedBeat;
import dev.groundwork.beat.sound.LoadedKit;
import dev.groundwork.beat.sound.SoundFontRenderer;
import dev.groundwork.beat.style.Genre;
import dev.groundwork.beat.style.MetreDrums;
import dev.groundwork.beat.style.Sounds;
import dev.groundwork.core.midi.MidiSong;
import dev.groundwork.core.progress.ProgressListener;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The beat module's API: compose a plan from a prompt, make a producer's edits to a plan (each
 * returns a new plan and leaves the rest locked), and render a plan to audio and MIDI.
 * The studio page and the CLI call only this.
 */
public final class BeatMaker {
    private BeatMaker() { }

    public static BeatRequest read(String prompt) { return PromptParser.parse(prompt); }

    public static BeatPlan compose(String prompt, long seed) { return compose(PromptParser.parse(prompt), seed); }

    /** The composed beat with the prompt's arrangement moves ("no hats in the intro", "key change before the last chorus") made. */
    public static BeatPlan compose(BeatRequest request, long seed) {
        BeatPlan plan = Composer.compose(request, seed);
        for (SectionEdit e : request.edits()) {
            boolean excluded = e.part() != null && (request.exclude().contains(e.part())
                    || e.part().equals(DRUMS) && request.exclude().containsAll(List.of("kick", "snare", "hats")));
            plan = apply(plan, e, excluded);
        }
        return plan;
    }

    /** Whether the beat plays the part; {@link #DRUMS}: any drum part. */
    public static boolean plays(BeatPlan plan, String part) {
        return part.equals(DRUMS) ? !drumParts(plan).isEmpty() : plan.hasPart(part);
    }

    /**
     * One of the prompt's moves, made as the CLI's --drop, --add or --transpose make it; a section the form lacks is a prompt error.
     * "melody only in the hook" on a beat the genre wrote without a melody brings one into the hooks, as "add" would; a part the
     * prompt itself left out ({@code excluded}: "no melody, … melody only in the hook") stays out, and the reading says so.
     */
    private static BeatPlan apply(BeatPlan plan, SectionEdit e, boolean excluded) {
        try {
            if (e.kind() == SectionEdit.Kind.DROP && e.selector().startsWith("until:")
                    && select(plan, e.selector().substring("until:".length())).get(0) == 0) {
                // "drums come in at the verse" when the verse opens the beat: they already do; nothing to leave out
                return note(plan, "edit: '" + e.phrase() + "': the " + plan.sections().get(0).name() + " is the first section, so nothing comes before it");
            }
            return switch (e.kind()) {
                case DROP -> plays(plan, e.part()) ? drop(plan, e.part(), e.selector())
                        : note(plan, "edit: '" + e.phrase() + "': this beat has no " + e.part() + " to leave out");
                case ADD -> add(plan, e.part(), e.selector());
                case ONLY -> plays(plan, e.part()) || !excluded ? only(plan, e.part(), e.selector())
                        : note(plan, "edit: '" + e.phrase() + "': the prompt leaves the " + e.part() + " out");
                case TRANSPOSE -> transpose(plan, e.semitones(), e.selector());
            };
        } catch (PromptException ex) {
            throw ex;
        } catch (IllegalArgumentException ex) {
            throw new PromptException("'" + e.phrase() + "': " + ex.getMessage());
        }
    }

    public static RenderedBeat render(BeatPlan plan, ProgressListener progress) { return render(plan, null, progress); }

    /** Renders with {@code kit} when it is the plan's kit, already loaded; otherwise the plan's kit is read from its path. */
    public static RenderedBeat render(BeatPlan plan, LoadedKit kit, ProgressListener progress) { return BeatRenderer.render(plan, kit, progress); }

    public static MidiSong midi(BeatPlan plan) { return MidiExport.toMidi(plan); }

    // --- the producer's edits ---

    /** Writes one part again from a new seed; every other part, the form and the harmony stay as they are. */
    public static BeatPlan regenerate(BeatPlan plan, String partName, long seed) {
        return eachPart(plan, partName, (p, name) -> regenerateOne(p, name, seed));
    }

    private static BeatPlan regenerateOne(BeatPlan plan, String partName, long seed) {
        Part old = plan.part(partName);
        Part fresh = old.withSeed(Seeds.derive(seed, "part:" + partName));
        List<Note> notes = Composer.keepActive(plan, partName, Composer.writeNotes(plan, fresh));
        return note(replace(plan, fresh.withNotes(notes)), "edit: regenerated " + partName + " with seed " + seed + "; other parts locked");
    }

    /** Every drum part (kick, snare, hats, perc), in a list of parts to keep and as the part of any edit. */
    public static final String DRUMS = "drums";

    /** {@code edit} made on the named part, or on each drum part of the beat for {@link #DRUMS}. */
    private static BeatPlan eachPart(BeatPlan plan, String partName, java.util.function.BiFunction<BeatPlan, String, BeatPlan> edit) {
        return eachPart(plan, partName, drumParts(plan), edit);
    }

    private static BeatPlan eachPart(BeatPlan plan, String partName, List<String> drums, java.util.function.BiFunction<BeatPlan, String, BeatPlan> edit) {
        if (!partName.equals(DRUMS)) return edit.apply(plan, partName);
        if (drums.isEmpty()) throw new IllegalArgumentException("this beat has no drum parts");
        for (String d : drums) plan = edit.apply(plan, d);
        return plan;
    }

    /** The drum parts {@link #DRUMS} brings in: the beat's, or, in a beat without drums, the ones its genre plays. */
    private static List<String> drumsToBring(BeatPlan plan) {
        List<String> own = drumParts(plan);
        if (!own.isEmpty()) return own;
        boolean perc = !MetreDrums.of(Genre.fromLabel(plan.genre()), plan.metre()).percs().isEmpty();
        return perc ? List.of("kick", "snare", "hats", "perc") : List.of("kick", "snare", "hats");
    }

    /**
     * Keeps the named parts ({@link #DRUMS} names every drum part) as they are and writes every other part again from a new seed,
     * in the plan's order (so a bass written again follows the kick it plays with): "lock the drums and regenerate the rest".
     */
    public static BeatPlan regenerateAllBut(BeatPlan plan, java.util.Collection<String> keep, long seed) {
        for (String k : keep) {
            if (!k.equals(DRUMS) && !plan.hasPart(k)) {
                throw new IllegalArgumentException("no part '" + k + "' to keep (parts: " + String.join(", ", plan.parts().stream().map(Part::name).toList()) + ", " + DRUMS + ")");
            }
        }
        BeatPlan out = plan;
        for (Part p : plan.parts()) {
            boolean kept = keep.contains(p.name()) || (!p.role().pitched() && keep.contains(DRUMS));
            if (!kept) out = regenerate(out, p.name(), seed);
        }
        return out;
    }

    /**
     * Leaves a part out of the selected sections ("no hats in the hook": {@code drop(plan, "hats", "hook")}); {@link #DRUMS}
     * leaves every drum part of the beat out, as the prompt's "no drums in the intro" does.
     */
    public static BeatPlan drop(BeatPlan plan, String partName, String sectionSelector) {
        List<Integer> idx = select(plan, sectionSelector);
        return eachPart(plan, partName, (p, name) -> drop(p, name, idx));
    }

    /** The beat's drum parts (kick, snare, hats, perc: the unpitched ones), what {@link #DRUMS} stands for. */
    public static List<String> drumParts(BeatPlan plan) {
        return plan.parts().stream().filter(p -> !p.role().pitched()).map(Part::name).toList();
    }

    private static BeatPlan drop(BeatPlan plan, String partName, List<Integer> idx) {
        Part part = plan.part(partName);
        List<Section> sections = new ArrayList<>(plan.sections());
        List<Note> notes = new ArrayList<>(part.notes());
        for (int i : idx) {
            Section s = sections.get(i);
            sections.set(i, s.withParts(s.parts().stream().filter(p -> !p.equals(partName)).toList()));
            double from = s.startBar() * plan.barBeats(), to = s.endBar() * plan.barBeats();
            List<Note> kept = new ArrayList<>();
            for (Note n : notes) {
                if (n.startBeats() >= from - 1e-9 && n.startBeats() < to - 1e-9) continue;
                if (n.startBeats() < from && n.endBeats() > from) {
                    n = new Note(n.startBeats(), from - n.startBeats(), n.pitch(), n.velocity(), n.chromatic(), n.glideFrom());
                }
                kept.add(n);
            }
            notes = kept;
        }
        BeatPlan out = plan.withSections(sections);
        return note(replace(out, part.withNotes(notes)), "edit: dropped " + partName + " in " + describe(plan, idx));
    }

    /**
     * Brings a part into the selected sections, written from its own seed (a new part gets the genre's sound); {@link #DRUMS}
     * brings in each drum part the beat has.
     */
    public static BeatPlan add(BeatPlan plan, String partName, String sectionSelector) {
        List<Integer> idx = select(plan, sectionSelector);
        return eachPart(plan, partName, drumsToBring(plan), (p, name) -> add(p, name, idx));
    }

    /**
     * Keeps a part to the selected sections ("melody only in the hook"): left out of every other section it plays in,
     * brought into the selected ones that lack it.
     */
    public static BeatPlan only(BeatPlan plan, String partName, String sectionSelector) {
        List<Integer> keep = select(plan, sectionSelector);
        return eachPart(plan, partName, drumsToBring(plan), (p, name) -> only(p, name, keep));
    }

    private static BeatPlan only(BeatPlan plan, String partName, List<Integer> keep) {
        List<Integer> out = new ArrayList<>(), in = new ArrayList<>();
        for (int i = 0; i < plan.sections().size(); i++) {
            boolean plays = plan.sections().get(i).parts().contains(partName);
            if (keep.contains(i) && !plays) in.add(i);
            if (!keep.contains(i) && plays) out.add(i);
        }
        BeatPlan edited = out.isEmpty() ? plan : drop(plan, partName, out);
        return in.isEmpty() ? edited : add(edited, partName, in);
    }

    private static BeatPlan add(BeatPlan plan, String partName, List<Integer> idx) {
        Genre g = Genre.fromLabel(plan.genre());
        Part part;
        if (plan.hasPart(partName)) {
            part = plan.part(partName);
        } else {
            if (!dev.groundwork.beat.compose.Arranger.ALL_PARTS.contains(partName)) {
                throw new IllegalArgumentException("unknown part '" + partName + "' (" + String.join(", ", dev.groundwork.beat.compose.Arranger.ALL_PARTS) + ")");
            }
            String sound = switch (partName) {
                case "bass" -> g.bassSound;
                case "chords" -> g.chordSound;
                case "melody" -> g.leadSound;
                default -> Sounds.drumKitFor(g);
            };
            part = Composer.emptyPart(partName, sound, Seeds.derive(plan.seed(), "part:" + partName), false,
                    plan.feel() != null && plan.feel().melodic());
        }
        List<Section> sections = new ArrayList<>(plan.sections());
        for (int i : idx) {
            Section s = sections.get(i);
            if (!s.parts().contains(partName)) {
                List<String> ps = new ArrayList<>(s.parts());
                ps.add(partName);
                sections.set(i, s.withParts(ps));
            }
        }
        BeatPlan withSections = plan.withSections(sections);
        if (!plan.hasPart(partName)) {
            List<Part> parts = new ArrayList<>(plan.parts());
            parts.add(part);
            withSections = withSections.withParts(parts);
        }
        List<Note> all = Composer.writeNotes(withSections, part);
        List<Note> notes = new ArrayList<>(part.notes());
        for (int i : idx) {
            Section s = sections.get(i);
            double from = s.startBar() * plan.barBeats(), to = s.endBar() * plan.barBeats();
            if (plan.sections().get(i).parts().contains(partName)) continue; // already playing there
            for (Note n : all) {
                if (n.startBeats() >= from - 1e-9 && n.startBeats() < to - 1e-9) {
                    notes.add(n.endBeats() > to ? new Note(n.startBeats(), to - n.startBeats(), n.pitch(), n.velocity(), n.chromatic(), n.glideFrom()) : n);
                }
            }
        }
        notes.sort(Comparator.comparingDouble(Note::startBeats).thenComparingInt(Note::pitch));
        return note(replace(withSections, part.withNotes(notes)), "edit: added " + partName + " in " + describe(plan, idx));
    }

    /** Changes key by semitones from the first selected section to the end ("up a whole step for the last hook": +2, "hook:last"). */
    public static BeatPlan transpose(BeatPlan plan, int semitones, String fromSection) {
        if (semitones < -12 || semitones > 12) throw new IllegalArgumentException("transpose by -12..12 semitones, not " + semitones);
        int first = select(plan, fromSection).get(0);
        int fromBar = plan.sections().get(first).startBar();
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < plan.sections().size(); i++) {
            Section s = plan.sections().get(i);
            sections.add(i >= first ? s.withTranspose(s.transposeSemitones() + semitones) : s);
        }
        List<Chord> chords = new ArrayList<>();
        for (Chord c : plan.chords()) {
            if (c.bar() < fromBar) { chords.add(c); continue; }
            List<Integer> pcs = c.pitchClasses().stream().map(p -> Math.floorMod(p + semitones, 12)).toList();
            List<Integer> chrom = c.chromatic().stream().map(p -> Math.floorMod(p + semitones, 12)).toList();
            chords.add(new Chord(c.bar(), c.beat(), transposeSymbol(c.symbol(), semitones), c.degree(), Math.floorMod(c.root() + semitones, 12), pcs, chrom));
        }
        double fromBeat = fromBar * plan.barBeats();
        List<Part> parts = new ArrayList<>();
        for (Part p : plan.parts()) {
            if (!p.role().pitched()) { parts.add(p); continue; }
            List<Note> notes = new ArrayList<>();
            for (Note n : p.notes()) {
                if (n.startBeats() < fromBeat - 1e-9) { notes.add(n); continue; }
                Note t = n.shifted(semitones);
                if (p.role() == Role.BASS) {
                    int fold = t.pitch() > 40 ? -12 : t.pitch() < 28 ? 12 : 0;
                    if (fold != 0) t = t.shifted(fold);
                    if (t.glideFrom() != null && (t.glideFrom() < 16 || t.glideFrom() > 52)) t = new Note(t.startBeats(), t.lengthBeats(), t.pitch(), t.velocity(), t.chromatic(), null);
                }
                notes.add(t);
            }
            parts.add(p.withNotes(notes));
        }
        BeatPlan out = plan.withSections(sections).withChords(chords).withParts(parts);
        return note(out, String.format(Locale.ROOT, "edit: key %+d semitones from %s (bar %d) on: %s", semitones,
                plan.sections().get(first).name(), fromBar + 1, plan.key().transpose(sections.get(first).transposeSemitones()).name()));
    }

    public static BeatPlan tempo(BeatPlan plan, double bpm) {
        if (!(bpm >= PromptParser.MIN_BPM && bpm <= PromptParser.MAX_BPM)) {
            throw new IllegalArgumentException("tempo must be 40..300 BPM, not " + bpm);
        }
        return note(plan.withTempo(bpm), "edit: tempo " + bpm + " BPM");
    }

    /** Swaps a part's built-in sound (e.g. chords to "piano", bass to "reese"; {@link #DRUMS} to a kit sound: every drum part). */
    public static BeatPlan sound(BeatPlan plan, String partName, String sound) {
        return eachPart(plan, partName, (pl, name) -> soundOne(pl, name, sound));
    }

    private static BeatPlan soundOne(BeatPlan plan, String partName, String sound) {
        Part p = plan.part(partName);
        Sounds.Sound s = Sounds.get(sound);
        boolean fits = p.role() == Role.DRUMS ? s.role() == Role.DRUMS : s.role() != Role.DRUMS;
        if (!fits) throw new IllegalArgumentException("sound '" + sound + "' does not fit the " + partName + " part");
        return note(replace(plan, p.withSound(sound, p.role() == Role.DRUMS ? -1 : s.gmProgram())), "edit: " + partName + " sound " + sound);
    }

    /** Uses a Hydrogen kit or a folder of one-shots for the drums (null: the built-in drums). Checked now, loaded at render. */
    public static BeatPlan kit(BeatPlan plan, Path kit) {
        return kit(plan, kit == null ? null : LoadedKit.load(kit, plan.sampleRateHz()));
    }

    /** The same with a kit already loaded, and so checked (null: the built-in drums); nothing is read again. */
    public static BeatPlan kit(BeatPlan plan, LoadedKit kit) {
        return note(plan.withSounds(kit == null ? null : kit.path().toString(), plan.soundfont()),
                "edit: drum kit " + (kit == null ? "built-in" : kit.path().getFileName()));
    }

    /** Uses an SF2 SoundFont for the pitched parts (and the drums when no kit is set); null: the built-in voices. */
    public static BeatPlan soundfont(BeatPlan plan, Path sf2) {
        if (sf2 != null) SoundFontRenderer.check(sf2);
        return note(plan.withSounds(plan.kit(), sf2 == null ? null : sf2.toAbsolutePath().toString()),
                "edit: SoundFont " + (sf2 == null ? "none" : sf2.getFileName()));
    }

    /**
     * Sections named by a selector: "hook" (every hook), "hook:last", "hook:first", "hook:2"
     * (the second hook), "all", a 1-based section number "3", or several of these "intro,outro". Chorus, hook and drop stand in for each other in a form
     * without the one named (a trap beat's "drop" is its hook, a house track's "chorus" its drop).
     */
    public static List<Integer> select(BeatPlan plan, String selector) {
        if (selector != null && selector.contains(",")) {
            // "intro,outro": every section any of them names, in order
            java.util.TreeSet<Integer> union = new java.util.TreeSet<>();
            for (String one : selector.split(",")) union.addAll(select(plan, one));
            return List.copyOf(union);
        }
        // "until:hook" = every section before the first hook ("no melody until the first hook"); "through:intro" = up to and
        // including it ("drums come in after the intro")
        for (String range : List.of("until:", "through:")) {
            if (selector != null && selector.trim().toLowerCase(Locale.ROOT).startsWith(range)) {
                int first = select(plan, selector.trim().substring(range.length())).get(0);
                int end = range.equals("until:") ? first : first + 1;
                if (end == 0) throw new IllegalArgumentException("no section comes before the " + plan.sections().get(first).name());
                List<Integer> out = new ArrayList<>();
                for (int i = 0; i < end; i++) out.add(i);
                return out;
            }
        }
        String sel = selector == null ? "all" : selector.trim().toLowerCase(Locale.ROOT);
        List<Section> ss = plan.sections();
        List<Integer> out = new ArrayList<>();
        if (sel.equals("all") || sel.isEmpty()) {
            for (int i = 0; i < ss.size(); i++) out.add(i);
            return out;
        }
        if (sel.matches("\\d+")) {
            int n = Integer.parseInt(sel);
            if (n < 1 || n > ss.size()) throw new IllegalArgumentException("section " + n + " does not exist (1-" + ss.size() + ")");
            return List.of(n - 1);
        }
        String name = sel, which = null;
        int colon = sel.indexOf(':');
        if (colon >= 0) {
            name = sel.substring(0, colon);
            which = sel.substring(colon + 1);
        }
        // the section a song's peak is called by: chorus, hook (rap forms) and drop (house, techno) stand in for each other
        // when the form has no section of the name asked for
        if (name.equals("chorus") || name.equals("hook") || name.equals("drop")) {
            String asked = name;
            name = java.util.stream.Stream.of(asked, "hook", "chorus", "drop")
                    .filter(n -> ss.stream().anyMatch(s -> s.name().equals(n))).findFirst().orElse(asked);
        }
        for (int i = 0; i < ss.size(); i++) if (ss.get(i).name().equals(name)) out.add(i);
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no section '" + name + "' (sections: "
                    + String.join(", ", ss.stream().map(Section::name).distinct().toList()) + ")");
        }
        if (which == null) return out;
        return switch (which) {
            case "last" -> List.of(out.get(out.size() - 1));
            case "first" -> List.of(out.get(0));
            default -> {
                int k;
                try { k = Integer.parseInt(which); } catch (NumberFormatException e) { throw new IllegalArgumentException("bad section selector '" + selector + "'"); }
                if (k < 1 || k > out.size()) throw new IllegalArgumentException((out.size() == 1 ? "there is one '" + name + "' section" : "there are " + out.size() + " '" + name + "' sections") + ", not " + k);
                yield List.of(out.get(k - 1));
            }
        };
    }

    private static String describe(BeatPlan plan, List<Integer> idx) {
        return String.join(", ", idx.stream().map(i -> plan.sections().get(i).name() + " (bar " + (plan.sections().get(i).startBar() + 1) + ")").toList());
    }

    private static String transposeSymbol(String symbol, int semitones) {
        int len = symbol.length() > 1 && (symbol.charAt(1) == '#' || symbol.charAt(1) == 'b') ? 2 : 1;
        int pc = dev.groundwork.beat.theory.Key.pitchClass(symbol.substring(0, 1), len == 2 ? symbol.substring(1, 2) : "");
        String[] names = {"C", "Db", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};
        return names[Math.floorMod(pc + semitones, 12)] + symbol.substring(len);
    }

    private static BeatPlan replace(BeatPlan plan, Part part) {
        List<Part> parts = new ArrayList<>();
        for (Part p : plan.parts()) parts.add(p.name().equals(part.name()) ? part : p);
        return plan.withParts(parts);
    }

    private static BeatPlan note(BeatPlan plan, String line) {
        List<String> r = new ArrayList<>(plan.reading());
        r.add(line);
        return plan.withReading(r);
    }
}
