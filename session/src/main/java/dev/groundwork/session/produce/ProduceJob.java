package dev.groundwork.session.produce;

import dev.groundwork.beat.BeatMaker;
import dev.groundwork.beat.plan.BeatPlan;
import dev.groundwork.beat.render.RenderedBeat;
import dev.groundwork.core.audio.OutputFormat;
import dev.groundwork.core.json.Json;
import dev.groundwork.core.progress.ProgressListener;
import dev.groundwork.master.MasterResult;
import dev.groundwork.master.MasterSettings;
import dev.groundwork.master.Mastering;
import dev.groundwork.master.render.AudioOutput;
import dev.groundwork.master.render.AudioSource;
import dev.groundwork.mix.AutoMix;
import dev.groundwork.mix.MixSettings;
import dev.groundwork.mix.export.DawProjectExporter;
import dev.groundwork.mix.plan.MixPlan;
import dev.groundwork.mix.render.MixReport;
import dev.groundwork.mix.render.MixRenderer;
import dev.groundwork.mix.stems.FileStem;
import dev.groundwork.mix.stems.StemSource;
import dev.groundwork.core.io.IoErrors;
import dev.groundwork.session.beat.BeatJob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One prompt to a finished master, as a project folder where every step can be revisited:
 * <pre>
 *   beat.json  beat.mid  stems/*.wav   the beat: plan, MIDI, its stems as 'groundwork beat' writes them
 *   mix.json   mix.wav   mix.dawproject  the automix: plan (roles known exactly from the beat), mix, DAW session
 *   master.json master.wav              the master: plan and the delivered file
 * </pre>
 * Edit a plan and re-run its step: after an edit of mix.json, {@code groundwork mix stems --from-plan mix.json -o mix.wav}
 * then the master planned again; after an edit of beat.json, the {@link #chain} printed at the end.
 */
public final class ProduceJob {
    private static final OutputFormat FLOAT = OutputFormat.wav(OutputFormat.Encoding.FLOAT32);

    /** The files a project folder gets beside its stems folder ({@link BeatJob#STEMS}); a test keeps this in step with what is written. */
    public static final List<String> FILES = List.of("beat.json", "beat.mid", "mix.json", "mix.wav", "mix.dawproject", "master.json", "master.wav");

    /**
     * @param notes lines for the beat's reading about this run, placed after the prompt's own "variations:" line (a take of
     *              several: "variations: take 2 of 3 …"); empty for a single track
     */
    public record Request(String prompt, Path folder, long seed, MixSettings mix, MasterSettings master, List<String> notes) {
        public Request {
            notes = List.copyOf(notes);
        }

        public Request(String prompt, Path folder, long seed, MixSettings mix, MasterSettings master) {
            this(prompt, folder, seed, mix, master, List.of());
        }
    }

    private ProduceJob() { }

    public static ProduceResult run(Request r, ProgressListener progress) {
        long t0 = System.nanoTime();
        Path dir = r.folder();
        // Compose first: a prompt that cannot be read fails before anything is written.
        BeatPlan beat = BeatMaker.compose(r.prompt(), r.seed());
        if (!r.notes().isEmpty()) beat = beat.withReadingAfter("variations: ", r.notes());
        try {
            Files.createDirectories(dir.resolve("stems"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + IoErrors.reason(e), e);
        }
        List<String> earlierParts = BeatJob.partsOfEarlierBeat(dir);
        List<String> files = new ArrayList<>();
        Json.write(dir.resolve("beat.json"), beat);
        files.add("beat.json");
        BeatMaker.midi(beat).write(dir.resolve("beat.mid"));
        files.add("beat.mid");

        // 1. Beat: the stems exactly as 'groundwork beat' writes them (so its --from-plan of beat.json writes the same bytes).
        RenderedBeat rendered = BeatMaker.render(beat, (s, f) -> progress.progress("beat", 0.2 * f));
        BeatJob.writeStems(rendered, dir, files, (s, f) -> progress.progress("beat", 0.2 + 0.1 * f));
        List<StemSource> stems = new ArrayList<>();
        Map<String, Path> stemFiles = new LinkedHashMap<>();
        Map<String, Integer> channels = new LinkedHashMap<>();
        for (String part : rendered.partNames()) {
            Path f = dir.resolve("stems").resolve(part + ".wav");
            FileStem s = FileStem.probe(f);
            stems.add(s);
            stemFiles.put(s.name(), f);
            channels.put(s.name(), s.info().channels());
        }
        BeatJob.removeStaleStems(dir, earlierParts, rendered.partNames());
        progress.progress("beat", 0.3);

        // 2. Mix: roles, the lead and the delay's tempo from the beat plan (what 'mix --beat-plan' takes from it too).
        MixSettings settings = StemRoles.mixSettings(beat, r.mix());
        AutoMix.Analysis analysis = AutoMix.analyze(stems, (s, f) -> progress.progress("analysing", 0.3 + 0.1 * f));
        MixPlan mixPlan = AutoMix.propose(analysis, settings);
        Json.write(dir.resolve("mix.json"), mixPlan);
        files.add("mix.json");
        Path mixFile = dir.resolve("mix.wav");
        MixReport mixReport = MixRenderer.renderToFile(mixPlan, analysis.stems(), mixFile, FLOAT, null,
                (s, f) -> progress.progress("mixing", 0.4 + 0.3 * f));
        files.add("mix.wav");
        // The project folder holds the stems, so the session points at them (stems/…) instead of copying them.
        DawProjectExporter.write(dir.resolve("mix.dawproject"), mixPlan, stemFiles, channels, r.prompt(), DawProjectExporter.Audio.REFERENCE);
        files.add("mix.dawproject");

        // 3. Master the mix.
        MasterResult master = Mastering.master(AudioSource.of(mixFile), r.master(), AudioOutput.toFile(dir.resolve("master.wav")),
                (s, f) -> progress.progress("mastering", 0.7 + 0.3 * f));
        Json.write(dir.resolve("master.json"), master.plan());
        files.add("master.json");
        files.add("master.wav");
        progress.progress("done", 1);

        List<String> revisit = chain(dir, r.mix(), r.master());
        List<String> afterMixEdit = List.of("groundwork mix " + arg(dir.resolve("stems")) + " --from-plan " + arg(dir.resolve("mix.json"))
                + " -o " + arg(mixFile) + " --bits 32f --export dawproject", revisit.get(2));
        var out = master.output().report();
        return new ProduceResult(dir.toString(), r.prompt(), beat.reading(), beat.ignored(), r.seed(), beat.genre(), beat.tempoBpm(), beat.key().name(), beat.bars(),
                beat.totalFrames() / (double) beat.sampleRateHz(), rendered.partNames(), mixPlan.lead(), mixReport,
                out.integratedLufs() == null ? null : finite(out.integratedLufs()), finite(out.truePeakDbtp()), master.plan().target().preset(), files, revisit, afterMixEdit,
                Math.round((System.nanoTime() - t0) / 1e7) / 100.0);
    }

    /**
     * The steps again after an edit of beat.json, each reading what the one before wrote: the beat command renders into
     * DIR/beat (it will not overwrite the plan it reads), so the mix reads DIR/beat/stems and plans again (mix.json was
     * measured on the earlier stems) with the roles, lead and tempo of the new beat.json, and the master plans again for
     * the new mix. The mix and master keep this run's choices (balance, style, intents, masking, target). The beat step
     * writes the stems produce wrote (BeatJob.writeStems), so with nothing edited the chain writes produce's mix and master again.
     */
    static List<String> chain(Path dir, MixSettings mix, MasterSettings master) {
        Path beatDir = dir.resolve("beat"), mixFile = dir.resolve("mix.wav");
        StringBuilder m = new StringBuilder("groundwork mix " + arg(beatDir.resolve("stems")) + " -o " + arg(mixFile) + " --plan " + arg(dir.resolve("mix.json"))
                + " --beat-plan " + arg(beatDir.resolve("beat.json")) + " --bits 32f --balance " + mix.balance());
        // roles, the lead and the tempo come from the beat plan, as in produce; only what the producer named is repeated
        if (mix.lead() != null) m.append(" --lead ").append(arg(Path.of(mix.lead())));
        if (mix.tempoBpm() != null) m.append(" --tempo ").append(mix.tempoBpm());
        if (mix.maskingStrength() != MixSettings.defaults().maskingStrength()) m.append(" --masking ").append(mix.maskingStrength());
        if (!mix.style().equals("balanced")) m.append(" --style ").append(mix.style().replace('_', '-'));
        mix.intents().forEach((what, steps) -> m.append((" " + (steps > 0 ? "--more " : "--less ") + what).repeat(Math.abs(steps))));
        if (mix.maskingLevel() != MixSettings.DEFAULT_MASKING_LEVEL) m.append(" --masking-level ").append(mix.maskingLevel());
        m.append(" --export dawproject");
        return List.of(
                "groundwork beat --from-plan " + arg(dir.resolve("beat.json")) + " -o " + arg(beatDir),
                m.toString(),
                "groundwork master " + arg(mixFile) + " -o " + arg(dir.resolve("master.wav")) + " --plan " + arg(dir.resolve("master.json"))
                        + " --target " + master.target().preset());
    }

    /** A path as a shell word: quoted when it holds a blank or a character the shell would read. */
    private static String arg(Path p) {
        String s = p.toString();
        return s.matches("[A-Za-z0-9_./+:@%=,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    private static Double finite(double v) { return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : null; }
}
