package dev.groundwork.cli;

import dev.groundwork.cli.plot.LoudnessPlot;
import dev.groundwork.cli.plot.PlotImage;
import dev.groundwork.cli.plot.SpectrumPlot;
import dev.groundwork.core.analysis.Analysis;
import dev.groundwork.core.analysis.AnalysisReport;
import dev.groundwork.core.analysis.AudioAnalyzer;
import dev.groundwork.core.audio.AudioFileException;
import dev.groundwork.core.audio.AudioFiles;
import dev.groundwork.core.audio.AudioStreamReader;
import dev.groundwork.core.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Measure loudness (BS.1770-4 / EBU R128), loudness range and true peak of audio files.",
                "Also RMS, crest factor, DC offset, clipped samples, stereo correlation and the",
                "third-octave spectrum (octave bands in the text, every band in --json).",
                "Reads WAV, AIFF, FLAC, MP3 and Ogg Vorbis."},
        footerHeading = "%nExamples:%n",
        footer = {"  groundwork analyze song.wav",
                "  groundwork analyze mix.wav master.wav --plot compare.png   (one row per file)",
                "  groundwork analyze song.wav --json | jq .integrated_lufs"})
public final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Audio files to analyse.")
    List<Path> files;

    @Option(names = "--json", description = "Print JSON: one object, or an array when several files are given.")
    boolean json;

    @Option(names = "--plot", paramLabel = "PNG", description = "Write loudness over time and the spectrum to this PNG (all files in one chart).")
    Path plot;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (plot != null) {
            if (!plot.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
                throw new UsageException("--plot must name a .png file: " + plot);
            }
            new OverwriteGuard().inputs(files).output("--plot", plot);
        }
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        List<Analysis> results = new ArrayList<>();
        boolean failed = false;
        try (TerminalProgress progress = TerminalProgress.forTerminal(json)) {
            for (Path file : files) {
                String label = file.getFileName().toString();
                try (AudioStreamReader reader = AudioFiles.openReader(file)) {
                    Analysis a = AudioAnalyzer.analyze(reader, file, (stage, fraction) -> progress.progress(label, fraction));
                    // a table of -inf and n/a would look like a measurement of silence
                    if (a.report().durationS() == 0) throw new AudioFileException(file, "holds no audio (0 frames)");
                    results.add(a);
                } catch (AudioFileException e) {
                    if (files.size() == 1) throw e;
                    err.println("groundwork: " + Main.oneLine(e));
                    failed = true;
                }
            }
        }
        List<AnalysisReport> reports = results.stream().map(Analysis::report).toList();
        if (json) {
            out.println(Json.write(files.size() == 1 ? reports.get(0) : reports));
        } else if (files.size() == 1) {
            out.print(AnalysisText.single(reports.get(0)));
        } else if (!reports.isEmpty()) {
            out.print(AnalysisText.rows(reports));
        }
        out.flush();
        if (plot != null && !results.isEmpty()) {
            writePlot(results);
            if (!json) out.println("wrote " + plot);
            out.flush();
        }
        return failed ? 1 : 0;
    }

    private void writePlot(List<Analysis> results) {
        String title = results.size() == 1 ? results.get(0).report().file() : results.size() + " files";
        LoudnessPlot loudness = new LoudnessPlot("Loudness: " + title);
        SpectrumPlot spectrum = new SpectrumPlot("Third-octave spectrum: " + title);
        for (Analysis a : results) {
            AnalysisReport r = a.report();
            loudness.add(r.file(), a.curves(), r.integratedLufs(), r.truePeakDbtp(), results.size() == 1);
            spectrum.add(r.file(), r.spectrum());
        }
        PlotImage.writePng(plot, 1200, 450, List.of(loudness.chart(), spectrum.chart()));
    }
}
