package dev.groundwork.cli;

import dev.groundwork.beat.prompt.PromptException;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
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
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new UsageException("-o " + dir + " is a file; give a folder for the project");
        new OverwriteGuard().folderHolding(dir, dev.groundwork.session.produce.ProduceJob.FILES, dev.groundwork.session.beat.BeatJob.STEMS);
        MixSettings mix = intent.applyTo(MixSettings.defaults().withBalance("beat"));  // produce makes instrumental beats
        MasterSettings master = target.settings();
        ProduceResult r;
        try (TerminalProgress progress = TerminalProgress.forTerminal(json)) {
            r = ProduceJob.run(new ProduceJob.Request(prompt, dir, seed, mix, master), progress);
        } catch (PromptException e) {
            throw new UsageException(e.getMessage()); // as in beat: the prompt asks for something that cannot be made
        }
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(r));
        } else {
            // how the prompt was read, as 'groundwork beat' prints it: a word not understood is said, never silently dropped
            out.println("prompt:  " + r.prompt());
            for (String line : r.reading()) out.println("  " + line);
            if (!r.ignored().isEmpty()) out.println("  ignored: " + String.join(", ", r.ignored().stream().map(w -> "'" + w + "'").toList()));
            out.printf(Locale.ROOT, "Produced \"%s\" (seed %d): %s, %.0f BPM, %s, %d bars, %.1f s%n", r.prompt(), r.seed(), r.genre(), r.tempoBpm(),
                    r.key(), r.bars(), r.durationSeconds());
            out.printf(Locale.ROOT, "  beat: %d parts (%s)%n", r.stems().size(), String.join(", ", r.stems()));
            var m = r.mix();
            out.printf(Locale.ROOT, "  mix: lead %s, %s LUFS, peak %.1f dBFS%n", r.lead() == null ? "none" : r.lead(),
                    m.integratedLufs() == null ? "-inf" : String.format(Locale.ROOT, "%.1f", m.integratedLufs()), m.samplePeakDbfs());
            out.printf(Locale.ROOT, "  master (%s): %s LUFS, true peak %s dBTP%n", r.masterTarget(),
                    r.masterIntegratedLufs() == null ? "-inf" : String.format(Locale.ROOT, "%.1f", r.masterIntegratedLufs()),
                    r.masterTruePeakDbtp() == null ? "-inf" : String.format(Locale.ROOT, "%.1f", r.masterTruePeakDbtp()));
            out.println("  wrote " + String.join(", ", r.files()) + " in " + r.folder());
            out.println("  after editing beat.json, run in order (each step reads what the one before wrote):");
            for (String s : r.revisit()) out.println("    " + s);
            out.println("  after editing mix.json only:");
            for (String s : r.revisitAfterMixEdit()) out.println("    " + s);
            out.printf(Locale.ROOT, "  done in %.1f s%n", r.seconds());
        }
        out.flush();
        return 0;
    }

}
