package dev.groundwork.cli;

import dev.groundwork.cli.plot.LoudnessPlot;
import dev.groundwork.cli.plot.PlotImage;
import dev.groundwork.cli.plot.SpectrumPlot;
import dev.groundwork.core.analysis.Analysis;
import dev.groundwork.core.analysis.AnalysisReport;
import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.audio.AudioFiles;
import dev.groundwork.core.audio.AudioStreamReader;
import dev.groundwork.core.io.SamePath;
import dev.groundwork.core.json.Json;
import dev.groundwork.core.meter.LoudnessMeter;
import dev.groundwork.core.progress.ProgressListener;
import dev.groundwork.master.Candidates;
import dev.groundwork.master.Character;
import dev.groundwork.master.GainReduction;
import dev.groundwork.master.Inspection;
import dev.groundwork.master.MasterResult;
import dev.groundwork.master.MasterSettings;
import dev.groundwork.master.Mastering;
import dev.groundwork.master.Target;
import dev.groundwork.master.analysis.TonalProfile;
import dev.groundwork.master.plan.MasteringPlan;
import dev.groundwork.master.plan.Stages;
import dev.groundwork.master.plan.Warning;
import dev.groundwork.master.render.AudioOutput;
import dev.groundwork.master.render.AudioSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

@Command(name = "master", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Master a song to a loudness target with a true-peak-safe limiter, and show every decision.",
                "Stages: inspect, clean, tonal_balance, dynamics, stereo, loudness, deliver.",
                "The output's integrated loudness is measured and lands within 0.1 LU of the",
                "target; its true peak never exceeds the ceiling.",
                "Candidates: OUT is the first; the others are written beside it as",
                "NAME.<character>.EXT, with loudness-matched previews of every candidate and",
                "the original as NAME.<character>.preview.wav."},
        footerHeading = "%nExamples:%n",
        footer = {"  groundwork master mix.wav -o master.wav",
                "  groundwork master mix.wav -o master.wav --target apple --candidates 5",
                "  groundwork master mix.wav -o loud.wav --lufs -10 --ceiling -0.5 --plan p.json",
                "  groundwork master mix.wav -o again.wav --from-plan p.json     (p.json edited)",
                "  groundwork master a.wav b.wav c.wav --album -o album/"})
public final class MasterCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "IN", description = "Input audio (several only with --album).")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Output .wav or .flac (a folder with --album).")
    Path output;

    @Option(names = "--target", paramLabel = "PRESET", description = "spotify (default), apple, youtube, amazon, tidal, deezer, club, aes, ebu.")
    String target;

    @Option(names = "--lufs", paramLabel = "X", description = "Integrated loudness target in LUFS (overrides the preset's).")
    Double lufs;

    @Option(names = "--ceiling", paramLabel = "Y", description = "True-peak ceiling in dBTP (overrides the preset's).")
    Double ceiling;

    @Option(names = "--reference", paramLabel = "REF", description = "Match the tonal balance of this track's loudest sections instead of the built-in neutral curve.")
    Path reference;

    @Option(names = "--eq-amount", paramLabel = "0..100", defaultValue = "50", description = "How far the EQ moves toward the target curve (default ${DEFAULT-VALUE} %%).")
    double eqAmount;

    @Option(names = "--intensity", paramLabel = "0..100", defaultValue = "50", description = "Glue compression strength (default ${DEFAULT-VALUE} %%).")
    double intensity;

    @Option(names = "--multiband", description = "Add gentle three-band compression where a band jumps (the loud character uses it anyway).")
    boolean multiband;

    @Option(names = "--character", paramLabel = "NAME", defaultValue = "transparent", description = "transparent (default), warm, punchy, open, loud.")
    String character;

    @Option(names = "--candidates", paramLabel = "N", defaultValue = "1", description = "Render N characters (1..5) with a comparison table and loudness-matched previews.")
    int candidates;

    @Option(names = "--rate", paramLabel = "HZ", description = "Output sample rate, 8000 to 192000 Hz (default: the input's).")
    Double rate;

    @Option(names = "--bits", paramLabel = "16|24|32f", defaultValue = "24", description = "Sample format (default ${DEFAULT-VALUE}; 16 is dithered).")
    String bits;

    @Option(names = "--max-limiting", paramLabel = "LU", defaultValue = "0", description = "Loudness the limiter may take before the job stops short of the target (0 = automatic: 4 LU, 6 LU for loud targets).")
    double maxLimiting;

    @Option(names = "--plan", paramLabel = "P.json", description = "Write the plan (every decision) to this file.")
    Path planFile;

    @Option(names = "--from-plan", paramLabel = "P.json", description = "Render this (edited) plan exactly instead of proposing one.")
    Path fromPlan;

    @Option(names = "--report", paramLabel = "R.json", description = "Write input and output analysis, stages, warnings and gain reduction.")
    Path reportFile;

    @Option(names = "--plot", paramLabel = "PNG", description = "Write before/after loudness curves and spectra to this PNG.")
    Path plot;

    @Option(names = "--album", description = "Master several inputs together: loudness relations are kept and the loudest meets the target.")
    boolean album;

    @Option(names = "--check-codec", description = "With ffmpeg on PATH: encode AAC and MP3, decode, measure true peak; lower the ceiling and re-render if over.")
    boolean checkCodec;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    /** What --report and --json hold: the analyses use the same keys as {@code analyze --json}. */
    public record Report(AnalysisReport input, AnalysisReport output, String outputFile, Target target, String character,
                         Stages stages, List<Warning> warnings, GainReduction gainReduction, List<CodecCheck> codecCheck) { }

    public record CodecCheck(String codec, String bitrate, double truePeakDbtp, boolean overCeiling) { }

    public record Candidate(String character, String file, String previewFile, double integratedLufs, double truePeakDbtp,
                            double loudnessRangeLu, Double crestFactorDb, double eqMaxDb, double compressorMaxDb, double limiterMaxDb) { }

    @Override
    public Integer call() {
        validate();
        PrintWriter out = spec.commandLine().getOut();
        try (TerminalProgress progress = TerminalProgress.forTerminal(json)) {
            if (album) return album(out, progress);
            Path in = inputs.get(0);
            AudioFiles.requireDistinct(in, output);
            if (fromPlan != null) return fromPlan(out, in, progress);
            MasterSettings settings = settings(progress);
            if (candidates > 1) return candidates(out, in, settings, progress);
            return single(out, in, settings, progress);
        }
    }

    private void validate() {
        if (inputs.size() > 1 && !album) throw new UsageException("several inputs need --album (or master them one by one)");
        if (album && (fromPlan != null || candidates > 1 || plot != null || checkCodec)) {
            throw new UsageException("--album cannot be combined with --from-plan, --candidates, --plot or --check-codec");
        }
        if (candidates < 1 || candidates > Character.values().length) throw new UsageException("--candidates must be 1.." + Character.values().length);
        if (fromPlan != null && candidates > 1) throw new UsageException("--from-plan renders one plan: drop --candidates");
        if (fromPlan != null) {
            PlanDecidedOptions.refuseWithFromPlan(spec, java.util.Set.of("--target", "--lufs", "--ceiling", "--reference", "--eq-amount",
                    "--intensity", "--multiband", "--character", "--rate", "--max-limiting"));
        }
        if (plot != null && !plot.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) throw new UsageException("--plot must name a .png file");
        if (!album) {
            String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".wav") && !name.endsWith(".flac")) throw new UsageException("output must end in .wav or .flac: " + output);
            if (name.endsWith(".flac") && bits.equals("32f")) throw new UsageException("FLAC holds 16 or 24 bits: use --bits 16 or 24, or a .wav output");
        }
        if (!bits.equals("16") && !bits.equals("24") && !bits.equals("32f")) throw new UsageException("--bits must be 16, 24 or 32f, not " + bits);
        String rateProblem = rate == null ? null : MasterSettings.outputRateProblem(rate);
        if (rateProblem != null) throw new UsageException(rateProblem);
        OverwriteGuard guard = new OverwriteGuard().inputs(inputs).input(reference).input(fromPlan).folder(album ? output : null)
                .output("-o", album ? null : output).output("--plan", planFile).output("--report", reportFile).output("--plot", plot);
        if (album) {
            // one file per track: two inputs of one name (a/song.wav, b/song.flac) would end as one master
            java.util.Map<Path, Path> named = new java.util.HashMap<>();
            for (Path in : inputs) {
                Path file = albumFile(in);
                Path first = named.putIfAbsent(file.toAbsolutePath().normalize(), in);
                if (first != null && SamePath.of(first, in)) throw new UsageException("--album: " + in + " is given twice");
                if (first != null) throw new UsageException("--album: " + first + " and " + in + " would both be written as " + file + "; rename one");
                if (Files.isDirectory(output)) guard.output("-o", file);
            }
        }
    }

    private Target target() {
        Target base;
        try {
            base = target == null ? Target.DEFAULT : Target.of(target);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (lufs == null && ceiling == null) return base;
        try {
            return new Target(target == null ? "custom" : base.preset() + "+custom", lufs == null ? base.lufs() : lufs, ceiling == null ? base.ceilingDbtp() : ceiling);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private MasterSettings settings(ProgressListener progress) {
        MasterSettings s;
        try {
            s = MasterSettings.defaults().withTarget(target()).withCharacter(Character.parse(character))
                    .withEqAmount(eqAmount).withIntensity(intensity).withBits(bits).withMaxLimiting(maxLimiting)
                    .withOutputRate(rate == null ? 0 : rate).withMultiband(multiband);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (reference != null) {
            TonalProfile p = Mastering.inspect(AudioSource.of(reference), (st, f) -> progress.progress("reference", f)).measured().tonal();
            if (p == null) throw new UsageException("--reference " + reference.getFileName() + " is too short to measure a tonal balance");
            s = s.withReference(p, reference.getFileName().toString());
        }
        return s;
    }

    // ---- one master ----

    private int single(PrintWriter out, Path in, MasterSettings settings, TerminalProgress progress) {
        AudioSource source = AudioSource.of(in);
        // the text summary shows no spectrum: measure it only for the JSON, the report and the plot
        Inspection inspection = Mastering.inspect(source, json || reportFile != null || plot != null, progress);
        MasterResult r = Mastering.master(source, inspection, settings, AudioOutput.toFile(output), progress);
        List<CodecCheck> codec = List.of();
        if (checkCodec) {
            codec = codecCheck(output, settings.target().ceilingDbtp(), progress);
            double worst = codec.stream().mapToDouble(CodecCheck::truePeakDbtp).max().orElse(Double.NEGATIVE_INFINITY);
            double over = worst - settings.target().ceilingDbtp();
            if (over > 0) {
                Target t = settings.target();
                Target lowered = new Target(t.preset(), t.lufs(), Math.max(-12, t.ceilingDbtp() - over - 0.1));
                MasterResult again = Mastering.master(source, inspection, settings.withTarget(lowered), AudioOutput.toFile(output), progress);
                List<Warning> w = new ArrayList<>(again.plan().warnings());
                w.add(new Warning(Warning.Codes.CODEC_OVERSHOOT, "deliver", String.format(Locale.ROOT,
                        "after lossy encoding the true peak reached %.2f dBTP (%.2f dB over): re-rendered with the limiter ceiling at %.2f dBTP", worst, over, lowered.ceilingDbtp())));
                r = new MasterResult(again.plan().withWarnings(w), again.input(), again.output(), again.gainReduction());
                List<CodecCheck> after = codecCheck(output, t.ceilingDbtp(), progress);
                List<CodecCheck> all = new ArrayList<>(codec);
                for (CodecCheck c : after) all.add(new CodecCheck(c.codec() + " (after re-render)", c.bitrate(), c.truePeakDbtp(), c.overCeiling()));
                codec = all;
            }
        }
        finishOutputs(r, codec);
        Report report = report(r, codec);
        progress.close();
        if (json) out.println(Json.write(report));
        else out.print(text(report, r.plan()) + alsoWritten(r.input() != null));
        out.flush();
        return 0;
    }

    private int fromPlan(PrintWriter out, Path in, TerminalProgress progress) {
        MasteringPlan plan = Json.read(fromPlan, MasteringPlan.class);
        if (!plan.stages().deliver().bits().equals(bits) && spec.commandLine().getParseResult().hasMatchedOption("--bits")) {
            plan = plan.withStages(plan.stages().withDeliver(new dev.groundwork.master.plan.DeliverStage(plan.stages().deliver().sampleRateHz(), bits, plan.stages().deliver().reason())));
        }
        MasterResult r = Mastering.render(AudioSource.of(in), plan, AudioOutput.toFile(output), reportFile != null || plot != null || !json, progress);
        finishOutputs(r, List.of());
        Report report = report(r, List.of());
        progress.close();
        if (json) out.println(Json.write(report));
        else out.print(text(report, r.plan()) + alsoWritten(r.input() != null));
        out.flush();
        return 0;
    }

    /** The files asked for beside the audio, one "wrote" line each, as the audio's own line. */
    private String alsoWritten(boolean plotted) {
        StringBuilder sb = new StringBuilder();
        if (planFile != null) sb.append("wrote ").append(planFile).append(" (plan)\n");
        if (reportFile != null) sb.append("wrote ").append(reportFile).append(" (report)\n");
        if (plot != null && plotted) sb.append("wrote ").append(plot).append(" (plot)\n");
        return sb.toString();
    }

    private void finishOutputs(MasterResult r, List<CodecCheck> codec) {
        if (planFile != null) Json.write(planFile, r.plan());
        if (reportFile != null) Json.write(reportFile, report(r, codec));
        if (plot != null && r.input() != null) {
            LoudnessPlot loudness = new LoudnessPlot("Loudness before and after: " + r.input().report().file());
            loudness.add("input", r.input().curves(), r.input().report().integratedLufs(), r.input().report().truePeakDbtp(), false);
            loudness.add("master", r.output().curves(), r.output().report().integratedLufs(), r.output().report().truePeakDbtp(), false);
            SpectrumPlot spectrum = new SpectrumPlot("Third-octave spectrum before and after");
            spectrum.add("input", r.input().report().spectrum());
            spectrum.add("master", r.output().report().spectrum());
            PlotImage.writePng(plot, 1200, 450, List.of(loudness.chart(), spectrum.chart()));
        }
    }

    private Report report(MasterResult r, List<CodecCheck> codec) {
        return new Report(r.input() == null ? null : r.input().report(), r.output().report(), output.toString(), r.plan().target(),
                r.plan().character(), r.plan().stages(), r.plan().warnings(), r.gainReduction(), codec);
    }

    // ---- candidates ----

    private int candidates(PrintWriter out, Path in, MasterSettings settings, TerminalProgress progress) {
        Inspection inspection = Mastering.inspect(AudioSource.of(in), progress);
        Candidates.Set set = Candidates.render(in, inspection, settings, Candidates.characters(settings.character(), candidates), output, progress);
        List<Candidate> rows = new ArrayList<>();
        for (int i = 0; i < set.candidates().size(); i++) {
            Candidates.Rendered c = set.candidates().get(i);
            MasterResult r = c.result();
            AnalysisReport o = r.output().report();
            double eqMax = r.plan().stages().tonalBalance().mid().stream().mapToDouble(b -> Math.abs(b.gainDb())).max().orElse(0);
            rows.add(new Candidate(c.character().id(), c.file().toString(), set.previews().get(i).toString(), o.integratedLufs(), o.truePeakDbtp(),
                    o.loudnessRangeLu() == null ? Double.NaN : o.loudnessRangeLu(), o.crestFactorDb(), eqMax,
                    r.gainReduction().compressorMaxDb(), r.gainReduction().limiterMaxDb()));
        }
        MasterResult first = set.candidates().get(0).result();
        finishOutputs(first, List.of());
        progress.close();
        if (json) {
            out.println(Json.write(new CandidatesJson(inspection.analysis().report(), set.previewLufs(), set.originalPreview().toString(), rows,
                    set.candidates().stream().map(c -> c.result().plan().warnings()).toList())));
        } else {
            out.print(text(report(first, List.of()), first.plan()) + alsoWritten(first.input() != null));
            out.println();
            out.println("candidates (previews all at " + fmt(set.previewLufs(), 1) + " LUFS so louder never wins the comparison):");
            out.printf(Locale.ROOT, "  %-12s %8s %8s %6s %6s %8s %8s %8s  %s%n", "character", "LUFS", "dBTP", "LRA", "crest", "EQ max", "comp GR", "lim GR", "file");
            for (Candidate c : rows) {
                out.printf(Locale.ROOT, "  %-12s %8s %8s %6s %6s %8s %8s %8s  %s%n", c.character(), fmt(c.integratedLufs(), 1), fmt(c.truePeakDbtp(), 2),
                        fmt(c.loudnessRangeLu(), 1), fmt(c.crestFactorDb() == null ? Double.NaN : c.crestFactorDb(), 1), fmt(c.eqMaxDb(), 1) + " dB",
                        fmt(c.compressorMaxDb(), 1) + " dB", fmt(c.limiterMaxDb(), 1) + " dB", c.file());
            }
            out.println("  previews: " + String.join(", ", set.previews().stream().map(p -> p.getFileName().toString()).toList())
                    + " and " + set.originalPreview().getFileName());
        }
        out.flush();
        return 0;
    }

    public record CandidatesJson(AnalysisReport input, double previewLufs, String originalPreview, List<Candidate> candidates, List<List<Warning>> warnings) { }

    // ---- album ----

    private int album(PrintWriter out, TerminalProgress progress) {
        MasterSettings settings = settings(progress);
        try {
            Files.createDirectories(output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output folder " + output + ": " + dev.groundwork.core.io.IoErrors.reason(e), e);
        }
        if (!Files.isDirectory(output)) throw new UsageException("with --album, -o must be a folder");
        List<Inspection> inspections = new ArrayList<>();
        for (Path in : inputs) inspections.add(Mastering.inspect(AudioSource.of(in), (st, f) -> progress.progress(in.getFileName() + " " + st, f)));
        double loudest = inspections.stream().mapToDouble(i -> i.measured().integratedLufs()).filter(Double::isFinite).max()
                .orElseThrow(() -> new dev.groundwork.master.MasteringException("every album track is silent"));
        Target t = settings.target();
        List<Report> reports = new ArrayList<>();
        List<MasteringPlan> plans = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Path in = inputs.get(i);
            String name = in.getFileName().toString();
            Path file = albumFile(in);
            AudioFiles.requireDistinct(in, file);
            // album normalisation: every track moves by the same amount the loudest one needs
            double offset = loudest - inspections.get(i).measured().integratedLufs();
            Target trackTarget = new Target(t.preset() + "+album", Math.max(-40, t.lufs() - offset), t.ceilingDbtp());
            MasterResult r = Mastering.master(AudioSource.of(in), inspections.get(i), settings.withTarget(trackTarget), AudioOutput.toFile(file),
                    (st, f) -> progress.progress(name + " " + st, f));
            reports.add(new Report(r.input().report(), r.output().report(), file.toString(), trackTarget, r.plan().character(),
                    r.plan().stages(), r.plan().warnings(), r.gainReduction(), List.of()));
            plans.add(r.plan());
        }
        if (planFile != null) Json.write(planFile, plans);
        if (reportFile != null) Json.write(reportFile, reports);
        progress.close();
        if (json) {
            out.println(Json.write(reports));
        } else {
            out.printf(Locale.ROOT, "album: the loudest track meets %s (%.1f LUFS, %.1f dBTP); the others keep their distance to it%n", t.preset(), t.lufs(), t.ceilingDbtp());
            out.printf(Locale.ROOT, "  %-28s %12s %12s %12s %10s%n", "track", "input LUFS", "target", "output LUFS", "dBTP");
            for (Report r : reports) {
                out.printf(Locale.ROOT, "  %-28s %12s %12s %12s %10s%n", r.input().file(), fmt(r.input().integratedLufs(), 1), fmt(r.target().lufs(), 1),
                        fmt(r.output().integratedLufs(), 1), fmt(r.output().truePeakDbtp(), 2));
                for (Warning w : r.warnings()) out.println("      [" + w.code() + "] " + w.message());
            }
            out.println("wrote " + reports.size() + " masters to " + output);
            out.print(alsoWritten(false));
        }
        out.flush();
        return 0;
    }

    /** Where --album writes the master of {@code in}: the folder -o, the input's name as .wav. */
    private Path albumFile(Path in) {
        String name = in.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return output.resolve((dot > 0 ? name.substring(0, dot) : name) + ".wav");
    }

    // ---- codec check ----

    private List<CodecCheck> codecCheck(Path master, double ceiling, ProgressListener progress) {
        if (!ffmpegAvailable()) {
            spec.commandLine().getErr().println("groundwork: --check-codec: ffmpeg is not on PATH; install it (e.g. apt-get install ffmpeg) to check lossy encodes");
            return List.of();
        }
        List<CodecCheck> out = new ArrayList<>();
        String[][] codecs = {{"aac", "256k", "m4a", "aac"}, {"mp3", "320k", "mp3", "libmp3lame"}};
        for (String[] c : codecs) {
            progress.progress("codec " + c[0], 0);
            Path dir = master.toAbsolutePath().getParent();
            Path encoded = null, decoded = null;
            try {
                encoded = Files.createTempFile(dir, ".codec-check-", "." + c[2]);
                decoded = Files.createTempFile(dir, ".codec-check-", ".wav");
                run("ffmpeg", "-v", "error", "-y", "-i", master.toString(), "-c:a", c[3], "-b:a", c[1], encoded.toString());
                run("ffmpeg", "-v", "error", "-y", "-i", encoded.toString(), "-c:a", "pcm_f32le", decoded.toString());
                double tp = truePeak(decoded);
                out.add(new CodecCheck(c[0], c[1], tp, tp > ceiling));
            } catch (IOException e) {
                throw new UncheckedIOException("--check-codec: " + e.getMessage(), e);
            } finally {
                deleteQuietly(encoded);
                deleteQuietly(decoded);
            }
            progress.progress("codec " + c[0], 1);
        }
        return out;
    }

    private static boolean ffmpegAvailable() {
        try {
            Process p = new ProcessBuilder("ffmpeg", "-version").redirectErrorStream(true).start();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void run(String... cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        try {
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("ffmpeg failed: " + log.strip().replace('\n', ' '));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    private static double truePeak(Path file) {
        try (AudioStreamReader r = AudioFiles.openReader(file)) {
            LoudnessMeter m = new LoudnessMeter(r.info().channels(), r.info().sampleRate(), EnumSet.of(LoudnessMeter.Measure.TRUE_PEAK));
            AudioBuffer block = AudioBuffer.allocate(r.info().channels(), 16384, r.info().sampleRate());
            while (r.read(block) > 0) m.add(block);
            return m.truePeakDbtp();
        }
    }

    private static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover temp file is harmless
        }
    }

    // ---- human output ----

    static String text(Report r, MasteringPlan plan) {
        StringBuilder sb = new StringBuilder();
        Target t = r.target();
        sb.append(String.format(Locale.ROOT, "%-10s %12s %10s %12s %13s%n", "", "integrated", "LRA", "true peak", "sample peak"));
        if (r.input() != null) {
            AnalysisReport i = r.input();
            sb.append(String.format(Locale.ROOT, "%-10s %7s LUFS %7s LU %7s dBTP %8s dBFS%n", "input", fmt(i.integratedLufs(), 1),
                    fmt(i.loudnessRangeLu(), 1), fmt(i.truePeakDbtp(), 2), fmt(i.samplePeakDbfs(), 2)));
        }
        AnalysisReport o = r.output();
        sb.append(String.format(Locale.ROOT, "%-10s %7s LUFS %7s LU %7s dBTP %8s dBFS%n", "master", fmt(o.integratedLufs(), 1),
                fmt(o.loudnessRangeLu(), 1), fmt(o.truePeakDbtp(), 2), fmt(o.samplePeakDbfs(), 2)));
        sb.append(String.format(Locale.ROOT, "%-10s %7s LUFS %10s %7s dBTP%n", "target", fmt(t.lufs(), 1), "", fmt(t.ceilingDbtp(), 2)));
        sb.append(String.format(Locale.ROOT, "%ntarget %s, character %s%n", t.preset(), plan.character()));
        Stages s = plan.stages();
        if (s.inspect() != null) stage(sb, "inspect", s.inspect().reason());
        stage(sb, "clean", s.clean().reason());
        stage(sb, "tonal", s.tonalBalance().reason());
        stage(sb, "dynamics", s.dynamics().reason());
        if (s.dynamics().multiband() != null) stage(sb, "multiband", s.dynamics().multiband().reason());
        stage(sb, "stereo", s.stereo().reason());
        stage(sb, "loudness", s.loudness().reason());
        stage(sb, "deliver", s.deliver().reason());
        GainReduction g = r.gainReduction();
        sb.append(String.format(Locale.ROOT, "  %-9s compressor max %s dB (mean %s dB); limiter max %s dB (mean %s dB while active, active %s %% of the time)%n",
                "reduction", fmt(g.compressorMaxDb(), 1), fmt(g.compressorMeanDb(), 2), fmt(g.limiterMaxDb(), 1), fmt(g.limiterMeanDb(), 2),
                fmt(g.limiterActivePercent(), 0)));
        if (!g.multibandMaxDb().isEmpty()) sb.append(String.format(Locale.ROOT, "  %-9s multiband max low %s dB, mid %s dB, high %s dB%n", "",
                fmt(g.multibandMaxDb().get(0), 1), fmt(g.multibandMaxDb().get(1), 1), fmt(g.multibandMaxDb().get(2), 1)));
        for (CodecCheck c : r.codecCheck()) {
            sb.append(String.format(Locale.ROOT, "  %-9s %s %s decodes to %.2f dBTP%s%n", "codec", c.codec(), c.bitrate(), c.truePeakDbtp(), c.overCeiling() ? " (over the ceiling)" : ""));
        }
        if (!r.warnings().isEmpty()) {
            sb.append("warnings:\n");
            for (Warning w : r.warnings()) sb.append("  [").append(w.code()).append("] ").append(w.message()).append('\n');
        }
        sb.append("wrote ").append(r.outputFile()).append('\n');
        return sb.toString();
    }

    private static void stage(StringBuilder sb, String name, String reason) {
        sb.append(String.format(Locale.ROOT, "  %-9s %s%n", name, reason));
    }

    /** As analyze prints numbers: n/a for what does not exist, and never "-0.0" (a reduction of -0.0 dB reads as a bug). */
    static String fmt(Double v, int decimals) {
        if (v == null || v.isNaN()) return "n/a";
        if (v.isInfinite()) return v > 0 ? "inf" : "-inf";
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return s.matches("-0(\\.0+)?") ? s.substring(1) : s;
    }
}
