package dev.groundwork.cli;

import dev.groundwork.beat.BeatMaker;
import dev.groundwork.beat.PlanSummary;
import dev.groundwork.beat.plan.BeatPlan;
import dev.groundwork.beat.plan.Part;
import dev.groundwork.beat.plan.Section;
import dev.groundwork.beat.prompt.PromptException;
import dev.groundwork.beat.prompt.PromptParser;
import dev.groundwork.beat.sound.LoadedKit;
import dev.groundwork.core.json.Json;
import dev.groundwork.session.beat.BeatJob;
import dev.groundwork.session.beat.BeatOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@Command(name = "beat", mixinStandardHelpOptions = true,
        description = {"Make a beat from a text prompt: MIDI, stems and a mastered render.",
                "Edit a beat: --from-plan DIR/beat.json with --regenerate, --keep, --drop, --add,",
                "--transpose, --tempo, --sound, --kit, --soundfont."},
        footerHeading = "%nExamples:%n",
        footer = {"  groundwork beat \"dark trap, 140 bpm, F minor, heavy 808\" -o my-beat --seed 7",
                "  groundwork beat \"lo-fi 80 bpm, with piano\" -o ideas --variations 4",
                "  groundwork beat \"trap, 808 slides, key change before the last chorus\" -o take1",
                "  groundwork beat --from-plan my-beat/beat.json --regenerate melody -o take2",
                "  groundwork beat --from-plan my-beat/beat.json --keep drums --seed 9 -o take2b",
                "  groundwork beat --from-plan my-beat/beat.json --drop hats@hook -o take3"})
public final class BeatCommand implements Runnable {
    @Parameters(index = "0", arity = "0..1", paramLabel = "PROMPT", description = "e.g. \"dark trap, 140 bpm, F minor, no melody\": genre, tempo, key, mood, length, instruments, and moves like \"no hats in the intro\" (docs/beat.md)")
    String prompt;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Folder for beat.wav, beat.mid, beat.json and stems/.")
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "Seed: the same prompt and seed give byte-identical files (default 1).")
    Long seed;

    @Option(names = "--variations", paramLabel = "N", description = "Write N (1..32) different beats to DIR/v1 .. DIR/vN and compare them (default: the prompt's \"3 versions\", else 1).")
    Integer variationsOption;

    /** How many beats to write: --variations, else the prompt's own count ("3 versions"), else 1. */
    private int variations = 1;

    @Option(names = "--plan", paramLabel = "P.json", description = "Also write the plan here (without -o: write only the plan).")
    Path planOut;

    @Option(names = "--from-plan", paramLabel = "P.json", description = "Render (and edit) a saved plan instead of a prompt.")
    Path fromPlan;

    @Option(names = "--regenerate", paramLabel = "PART", description = "Write this part (drums: every drum part) again from --seed (default: the plan's seed + 1); the others stay locked.")
    List<String> regenerate = new ArrayList<>();

    @Option(names = "--keep", paramLabel = "PART", description = "Lock this part (drums: every drum part) and write every other part again from --seed.")
    List<String> keep = new ArrayList<>();

    @Option(names = "--drop", paramLabel = "PART@SECTION", description = "Leave a part out of sections, e.g. hats@hook, melody@verse:2, bass@intro,outro; drums@intro leaves every drum part out.")
    List<String> drops = new ArrayList<>();

    @Option(names = "--add", paramLabel = "PART@SECTION", description = "Bring a part into sections, e.g. perc@hook, drums@intro.")
    List<String> adds = new ArrayList<>();

    @Option(names = "--transpose", paramLabel = "N@SECTION", description = "Change key by N semitones from a section on, e.g. +2@hook:last.")
    String transpose;

    @Option(names = "--tempo", paramLabel = "BPM", description = "Set the tempo (40..300), over the prompt's or the plan's.")
    Double tempo;

    @Option(names = "--sound", paramLabel = "PART=SOUND", description = "Swap a built-in sound, e.g. chords=piano, bass=reese, drums=drill-kit.")
    List<String> sounds = new ArrayList<>();

    @Option(names = "--kit", paramLabel = "PATH", description = "Hydrogen drumkit.xml (or its folder) or a folder of one-shots for the drums.")
    Path kit;

    @Option(names = "--soundfont", paramLabel = "SF2", description = "SF2 SoundFont for the pitched parts (SF3 is refused).")
    Path soundfont;

    @Option(names = "--json", description = "Machine-readable output (snake_case, units in key names).")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter o = spec.commandLine().getOut();
        if (variationsOption != null && (variationsOption < 1 || variationsOption > PromptParser.MAX_VARIATIONS)) {
            throw new UsageException("--variations must be 1.." + PromptParser.MAX_VARIATIONS);
        }
        if (prompt == null && fromPlan == null) throw new UsageException("give a PROMPT or --from-plan P.json");
        if (prompt != null && fromPlan != null) throw new UsageException("give a PROMPT or --from-plan, not both");
        if (prompt != null && prompt.isBlank()) throw new UsageException("the prompt is empty: describe the beat, e.g. groundwork beat \"lo-fi 80 bpm\" -o beat");
        Integer asked = null;
        if (prompt != null) {
            try {
                asked = BeatMaker.read(prompt).variations();
            } catch (PromptException e) {
                throw new UsageException(e.getMessage());
            }
        }
        variations = variationsOption != null ? variationsOption : asked != null ? asked : 1;
        // said in every take's reading (and its beat.json), after the prompt's own "variations: N" line
        String overruled = variationsOption != null && asked != null && !asked.equals(variationsOption)
                ? "variations: " + variationsOption + " (--variations " + variationsOption + " wins over the prompt's " + asked + ")" : null;
        if (out != null && Files.exists(out) && !Files.isDirectory(out)) throw new UsageException("-o " + out + " is a file; give a folder for the beat");
        if (out == null && planOut == null) throw new UsageException("say where to write: -o DIR (or --plan P.json for the plan only)");
        if (fromPlan != null && variations > 1) throw new UsageException("--variations makes new beats from a prompt; it cannot be used with --from-plan");
        if (!keep.isEmpty() && !regenerate.isEmpty()) throw new UsageException("--keep writes every part it does not name again; give --keep or --regenerate, not both");
        OverwriteGuard guard = new OverwriteGuard().input(fromPlan).input(kit).input(soundfont).output("--plan", planOut).folder(out);
        // every variation's folder checked before the first is written, so a bad one does not stop the run half-way
        for (int v = 1; out != null && v <= variations; v++) {
            guard.folderHolding(variations == 1 ? out : out.resolve("v" + v), dev.groundwork.session.beat.BeatJob.FILES, dev.groundwork.session.beat.BeatJob.STEMS);
        }
        long baseSeed = seed == null ? 1 : seed;

        List<BeatPlan> plans = new ArrayList<>();
        for (int v = 0; v < variations; v++) {
            BeatPlan plan;
            if (fromPlan != null) {
                plan = Json.read(fromPlan, BeatPlan.class);
            } else {
                try {
                    plan = BeatMaker.compose(prompt, baseSeed + v);
                } catch (PromptException e) {
                    throw new UsageException(e.getMessage());
                }
            }
            if (overruled != null) plan = plan.withReadingAfter("variations: ", List.of(overruled));
            plans.add(edit(plan, baseSeed + v));
        }
        if (out != null && fromPlan != null) {
            Path target = out.resolve("beat.json");
            if (Files.exists(target) && sameFile(target, fromPlan)) {
                throw new UsageException("refusing to overwrite the input plan " + fromPlan + "; write to another folder");
            }
        }
        if (planOut != null) Json.write(planOut, plans.get(0));

        List<BeatOutput> outputs = new ArrayList<>();
        if (out != null) {
            try (TerminalProgress bar = TerminalProgress.forTerminal(json)) {
                for (int v = 0; v < plans.size(); v++) {
                    Path dir = plans.size() == 1 ? out : out.resolve("v" + (v + 1));
                    outputs.add(BeatJob.run(plans.get(v), loadedKit, dir, bar));
                }
            }
        }
        if (json) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("prompt", plans.get(0).prompt());
            j.put("reading", plans.get(0).reading());
            j.put("ignored", plans.get(0).ignored());
            j.put("beats", outputs.isEmpty() ? plans.stream().map(PlanSummary::of).toList() : outputs);
            if (plans.size() > 1) j.put("variations", plans.stream().map(PlanSummary::of).toList());
            o.println(Json.write(j));
        } else {
            human(o, plans, outputs);
            if (planOut != null && out == null) o.println("wrote:   " + planOut + " (the plan; render it with --from-plan " + planOut + " -o DIR)");
        }
        o.flush();
    }

    /** The --kit's one-shots, read by the first variation that records the kit (null: no --kit, or none read yet). */
    private LoadedKit loadedKit;

    private BeatPlan edit(BeatPlan plan, long s) {
        try {
            // Without --seed, a regenerated part takes the next seed after the plan's (never the one it has).
            long regen = seed != null ? s : plan.seed() + 1;
            for (String part : regenerate) plan = BeatMaker.regenerate(plan, part, regen);
            if (!keep.isEmpty()) plan = BeatMaker.regenerateAllBut(plan, keep, regen);
            for (String d : drops) {
                String[] ps = split(d, "--drop");
                plan = BeatMaker.drop(plan, ps[0], ps[1]);
            }
            for (String a : adds) {
                String[] ps = split(a, "--add");
                plan = BeatMaker.add(plan, ps[0], ps[1]);
            }
            if (transpose != null) {
                String[] ps = split(transpose, "--transpose");
                int n;
                try { n = Integer.parseInt(ps[0].replace("+", "")); } catch (NumberFormatException e) {
                    throw new UsageException("--transpose wants semitones like +2@hook:last, not " + transpose);
                }
                plan = BeatMaker.transpose(plan, n, ps[1]);
            }
            if (tempo != null) plan = BeatMaker.tempo(plan, tempo);
            for (String snd : sounds) {
                int eq = snd.indexOf('=');
                if (eq < 1) throw new UsageException("--sound wants PART=SOUND, e.g. chords=piano");
                plan = BeatMaker.sound(plan, snd.substring(0, eq).trim(), snd.substring(eq + 1).trim());
            }
            if (kit != null) {
                // read once for every variation (and handed to the render), not once per variation and again to render it
                if (loadedKit == null || loadedKit.sampleRate() != plan.sampleRateHz()) loadedKit = LoadedKit.load(kit, plan.sampleRateHz());
                plan = BeatMaker.kit(plan, loadedKit);
            }
            if (soundfont != null) plan = BeatMaker.soundfont(plan, soundfont);
        } catch (UsageException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return plan;
    }

    private static String[] split(String v, String option) {
        int at = v.indexOf('@');
        if (at < 1) return new String[]{v.trim(), "all"};
        return new String[]{v.substring(0, at).trim(), v.substring(at + 1).trim()};
    }

    private static boolean sameFile(Path a, Path b) {
        try { return Files.isSameFile(a, b); } catch (java.io.IOException e) { return false; }
    }

    private static void human(PrintWriter o, List<BeatPlan> plans, List<BeatOutput> outputs) {
        BeatPlan p = plans.get(0);
        o.println("prompt:  " + p.prompt());
        for (String r : sharedReading(plans.stream().map(BeatPlan::reading).toList())) o.println("  " + r);
        if (!p.ignored().isEmpty()) o.println("  ignored: " + String.join(", ", p.ignored().stream().map(w -> "'" + w + "'").toList()));
        if (plans.size() == 1) {
            double secs = p.totalFrames() / (double) p.sampleRateHz();
            o.printf(Locale.ROOT, "beat:    %s, %s BPM, %s, %d bars%s (%d:%04.1f)%n", p.genre(), fmt(p.tempoBpm()), p.key().name(), p.bars(),
                    p.timeSignature().equals("4/4") ? "" : " of " + p.timeSignature(),
                    (int) (secs / 60), secs % 60);
            StringBuilder form = new StringBuilder();
            for (Section s : p.sections()) {
                if (form.length() > 0) form.append(" | ");
                form.append(s.name()).append(' ').append(s.bars());
                if (s.transposeSemitones() != 0) form.append(String.format(Locale.ROOT, " (%+d)", s.transposeSemitones()));
            }
            o.println("form:    " + form);
            PlanSummary sum = PlanSummary.of(p);
            o.println("chords:  " + sum.progression() + " (hook)");
            List<String> parts = new ArrayList<>();
            for (Part part : p.parts()) parts.add(part.name() + (part.role().pitched() ? " (" + part.sound() + ")" : ""));
            o.println("parts:   " + String.join(", ", parts));
        } else {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < plans.size(); i++) names.add("v" + (i + 1));
            o.print(PlanSummary.table(names, plans.stream().map(PlanSummary::of).toList()));
        }
        for (BeatOutput b : outputs) {
            o.printf(Locale.ROOT, "wrote:   %s/beat.wav (%s LUFS, %.1f dBTP), beat.mid, beat.json, stems/ (%s) in %.1f s%n", b.dir(),
                    b.integratedLufs() == null ? "silent" : String.format(Locale.ROOT, "%.1f", b.integratedLufs()), b.truePeakDbtp(),
                    String.join(", ", b.parts()), b.renderSeconds());
        }
    }

    /**
     * The reading of several takes at once: the lines every take shares, in the first take's order; a line the seed made
     * differently per take (a key or tempo the prompt left open) once, by its label, pointing at the table.
     */
    static List<String> sharedReading(List<List<String>> readings) {
        List<String> out = new ArrayList<>();
        java.util.Set<String> labelled = new java.util.HashSet<>();
        for (String line : readings.get(0)) {
            if (readings.stream().allMatch(r -> r.contains(line))) {
                out.add(line);
                continue;
            }
            int colon = line.indexOf(':');
            String label = colon > 0 ? line.substring(0, colon) : line;
            if (labelled.add(label)) out.add(label + ": differs from take to take (see the table)");
        }
        return out;
    }

    private static String fmt(double v) { return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v); }
}
