package dev.groundwork.cli;

import dev.groundwork.beat.prompt.PromptException;
import dev.groundwork.beat.prompt.PromptParser;
import dev.groundwork.core.json.Json;
import dev.groundwork.master.MasterSettings;
import dev.groundwork.mix.MixSettings;
import dev.groundwork.session.produce.ProduceJob;
import dev.groundwork.session.produce.ProduceResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import dev.groundwork.beat.BeatMaker;
import dev.groundwork.session.beat.BeatJob;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "produce", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Beat, mix and master from one prompt, writing every plan.",
                "DIR gets beat.json, beat.mid, stems/, mix.json, mix.wav, mix.dawproject,",
                "master.json and master.wav: edit a plan and re-run that step (the output",
                "ends with the commands that redo the steps after an edit of the beat or the mix)."},
        footerHeading = "%nExamples:%n",
        footer = {"  groundwork produce \"dark trap, 140 bpm, F minor\" -o my-song",
                "  groundwork produce \"house 124 bpm A minor\" -o club --target club --more drums"})
public final class ProduceCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROMPT", description = "What to make, e.g. \"dark trap beat 140 bpm in F minor\".")
    String prompt;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Project folder (created if needed).")
    Path dir;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Same prompt and seed give the same files (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--variations", paramLabel = "N",
            description = "Make N (1..32) finished tracks to choose from, DIR/v1 .. DIR/vN, from seeds S, S+1, … (S = --seed; default: the prompt's \"3 versions\", else 1).")
    Integer variationsOption;

    @Mixin
    MasterTargetOption target;

    @Mixin
    MixIntentOptions intent;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (prompt == null || prompt.isBlank()) throw new UsageException("give a prompt, e.g. groundwork produce \"lo-fi beat 80 bpm\" -o song");
        if (variationsOption != null && (variationsOption < 1 || variationsOption > PromptParser.MAX_VARIATIONS)) {
            throw new UsageException("--variations must be 1.." + PromptParser.MAX_VARIATIONS);
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new UsageException("-o " + dir + " is a file; give a folder for the project");
        Integer asked;
        try {
            asked = BeatMaker.read(prompt).variations();
        } catch (PromptException e) {
            throw new UsageException(e.getMessage());
        }
        int takes = variationsOption != null ? variationsOption : asked != null ? asked : 1;
        OverwriteGuard guard = new OverwriteGuard().folder(dir);
        // every take's folder checked before the first is written, so a bad one does not stop the run half-way
        for (int t = 1; t <= takes; t++) guard.folderHolding(takes == 1 ? dir : dir.resolve("v" + t), ProduceJob.FILES, BeatJob.STEMS);
        MixSettings mix = intent.applyTo(MixSettings.defaults().withBalance("beat"));  // produce makes instrumental beats
        MasterSettings master = target.settings();
        List<ProduceResult> results = new ArrayList<>();
        try (TerminalProgress progress = TerminalProgress.forTerminal(json)) {
            for (int t = 1; t <= takes; t++) {
                List<String> notes = new ArrayList<>();
                if (variationsOption != null && asked != null && !asked.equals(variationsOption)) {
                    notes.add("variations: " + variationsOption + " (--variations " + variationsOption + " wins over the prompt's " + asked + ")");
                }
                Path folder = takes == 1 ? dir : dir.resolve("v" + t);
                if (takes > 1) notes.add("take " + t + " of " + takes + " (seed " + (seed + t - 1) + "), a project folder of its own: " + folder);
                results.add(ProduceJob.run(new ProduceJob.Request(prompt, folder, seed + t - 1, mix, master, notes), progress));
            }
        } catch (PromptException e) {
            throw new UsageException(e.getMessage()); // as in beat: the prompt asks for something that cannot be made
        }
        var out = spec.commandLine().getOut();
        if (json) {
            if (takes == 1) {
                out.println(Json.write(results.get(0)));
            } else {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("prompt", prompt);
                j.put("takes", results);
                out.println(Json.write(j));
            }
        } else if (takes == 1) {
            single(out, results.get(0));
        } else {
            several(out, results);
        }
        out.flush();
        return 0;
    }

    /** How the prompt was read, as 'groundwork beat' prints it: a word not understood is said, never silently dropped. */
    private static void reading(PrintWriter out, List<ProduceResult> takes) {
        ProduceResult r = takes.get(0);
        out.println("prompt:  " + r.prompt());
        // each take's own "take k of n" line is its folder's; the table says the same
        List<List<String>> readings = takes.stream().map(t -> t.reading().stream().filter(l -> !l.startsWith("take ")).toList()).toList();
        for (String line : BeatCommand.sharedReading(readings)) out.println("  " + line);
        if (!r.ignored().isEmpty()) out.println("  ignored: " + String.join(", ", r.ignored().stream().map(w -> "'" + w + "'").toList()));
    }

    private static void single(PrintWriter out, ProduceResult r) {
        reading(out, List.of(r));
        out.printf(Locale.ROOT, "Produced \"%s\" (seed %d): %s, %.0f BPM, %s, %d bars, %.1f s%n", r.prompt(), r.seed(), r.genre(), r.tempoBpm(),
                r.key(), r.bars(), r.durationSeconds());
        out.printf(Locale.ROOT, "  beat: %d parts (%s)%n", r.stems().size(), String.join(", ", r.stems()));
        var m = r.mix();
        out.printf(Locale.ROOT, "  mix: lead %s, %s LUFS, peak %.1f dBFS%n", r.lead() == null ? "none" : r.lead(),
                lufs(m.integratedLufs()), m.samplePeakDbfs());
        out.printf(Locale.ROOT, "  master (%s): %s LUFS, true peak %s dBTP%n", r.masterTarget(), lufs(r.masterIntegratedLufs()), lufs(r.masterTruePeakDbtp()));
        out.println("  wrote " + String.join(", ", r.files()) + " in " + r.folder());
        revisit(out, r);
        out.printf(Locale.ROOT, "  done in %.1f s%n", r.seconds());
    }

    /** Several takes: the reading once, a line a take to compare them by, and where each take's project is. */
    private static void several(PrintWriter out, List<ProduceResult> takes) {
        reading(out, takes);
        out.printf(Locale.ROOT, "Produced %d takes of \"%s\":%n", takes.size(), takes.get(0).prompt());
        out.println("  take  seed   bpm  key          bars  length  master LUFS  dBTP   folder");
        double seconds = 0;
        for (int t = 0; t < takes.size(); t++) {
            ProduceResult r = takes.get(t);
            out.printf(Locale.ROOT, "  v%-4d %-5d %4.0f  %-11s %5d %6.1f s %8s %7s   %s%n", t + 1, r.seed(), r.tempoBpm(), r.key(), r.bars(),
                    r.durationSeconds(), lufs(r.masterIntegratedLufs()), lufs(r.masterTruePeakDbtp()), r.folder());
            seconds += r.seconds();
        }
        ProduceResult first = takes.get(0);
        out.println("  each take is a project folder like a single produce (" + String.join(", ", ProduceJob.FILES) + ", " + BeatJob.STEMS + "/; the master at "
                + first.masterTarget() + "); for v1 (another take: its folder in place of v1's):");
        revisit(out, first);
        out.printf(Locale.ROOT, "  done in %.1f s%n", seconds);
    }

    /** The commands that redo a project's steps after an edit of its beat or its mix plan. */
    private static void revisit(PrintWriter out, ProduceResult r) {
        out.println("  after editing beat.json, run in order (each step reads what the one before wrote):");
        for (String s : r.revisit()) out.println("    " + s);
        out.println("  after editing mix.json only:");
        for (String s : r.revisitAfterMixEdit()) out.println("    " + s);
    }

    private static String lufs(Double v) { return v == null ? "-inf" : String.format(Locale.ROOT, "%.1f", v); }
}
