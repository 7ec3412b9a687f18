package dev.groundwork.master;

import dev.groundwork.core.analysis.AnalysisReport;
import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.audio.AudioFiles;
import dev.groundwork.core.audio.AudioStreamReader;
import dev.groundwork.core.audio.AudioStreamWriter;
import dev.groundwork.core.audio.OutputFormat;
import dev.groundwork.core.progress.ProgressListener;
import dev.groundwork.master.render.AudioOutput;
import dev.groundwork.master.render.AudioSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Several masters of different character from one input, and loudness-matched previews so that a
 * louder candidate never wins an A/B by being louder.
 *
 * <p>File naming (used by the CLI and the studio): {@code OUT} is the first candidate; the others go
 * beside it as {@code NAME.<character>.EXT}; previews (32-bit float WAV, gain only) as
 * {@code NAME.<character>.preview.wav} and {@code NAME.original.preview.wav}.
 */
public final class Candidates {
    private Candidates() { }

    /** One rendered candidate. */
    public record Rendered(Character character, Path file, MasterResult result) { }

    /** The set, with the common preview loudness and the preview files (same order, original last). */
    public record Set(List<Rendered> candidates, double previewLufs, List<Path> previews, Path originalPreview) { }

    /** The characters offered for {@code n} candidates, starting with {@code first}. */
    public static List<Character> characters(Character first, int n) {
        if (n < 1 || n > Character.values().length) throw new IllegalArgumentException("candidates must be 1.." + Character.values().length + ", not " + n);
        List<Character> chars = new ArrayList<>();
        chars.add(first);
        for (Character c : Character.values()) if (chars.size() < n && !chars.contains(c)) chars.add(c);
        return chars;
    }

    /** Renders every character to its file and writes the previews. */
    public static Set render(Path input, Inspection inspection, MasterSettings settings, List<Character> characters, Path output, ProgressListener progress) {
        AudioSource source = AudioSource.of(input);
        List<Rendered> out = new ArrayList<>();
        for (int i = 0; i < characters.size(); i++) {
            Character c = characters.get(i);
            Path file = i == 0 ? output : sibling(output, c.id(), extension(output));
            AudioFiles.requireDistinct(input, file);
            MasterResult r = Mastering.master(source, inspection, settings.withCharacter(c), AudioOutput.toFile(file),
                    (st, f) -> progress.progress(c.id() + " " + st, f));
            out.add(new Rendered(c, file, r));
        }
        AnalysisReport orig = inspection.analysis().report();
        double level = previewLoudness(out.stream().map(r -> r.result().output().report()).toList(), orig, settings.target().ceilingDbtp());
        List<Path> previews = new ArrayList<>();
        for (Rendered r : out) {
            Path p = sibling(output, r.character().id() + ".preview", "wav");
            writePreview(r.file(), p, level - r.result().output().report().integratedLufs());
            previews.add(p);
        }
        Path original = sibling(output, "original.preview", "wav");
        writePreview(input, original, level - orig.integratedLufs());
        return new Set(out, level, previews, original);
    }

    /**
     * The quietest candidate's loudness, but no louder than the original can be played without its peaks
     * passing the ceiling: every preview, the original included, then sits at the same level.
     */
    public static double previewLoudness(List<AnalysisReport> candidates, AnalysisReport original, double ceilingDbtp) {
        double level = candidates.stream().mapToDouble(r -> r.integratedLufs() == null ? Double.POSITIVE_INFINITY : r.integratedLufs()).min().orElseThrow();
        if (original.integratedLufs() != null && Double.isFinite(original.truePeakDbtp())) {
            level = Math.min(level, original.integratedLufs() + (ceilingDbtp - original.truePeakDbtp()));
        }
        return level;
    }

    /** A gain-only copy as 32-bit float WAV (float never clips, whatever the gain). */
    public static void writePreview(Path source, Path preview, double gainDb) {
        try (AudioStreamReader r = AudioFiles.openReader(source);
             AudioStreamWriter w = AudioFiles.openWriter(preview, OutputFormat.wav(OutputFormat.Encoding.FLOAT32), r.info().sampleRate(), r.info().channels())) {
            AudioBuffer block = AudioBuffer.allocate(r.info().channels(), 16384, r.info().sampleRate());
            double g = Math.pow(10, gainDb / 20);
            while (r.read(block) > 0) {
                block.applyGain(g);
                w.write(block);
            }
            w.commit();
        }
    }

    public static Path sibling(Path out, String infix, String ext) {
        String name = out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return out.resolveSibling(stem + "." + infix + "." + ext);
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString();
        return n.substring(n.lastIndexOf('.') + 1);
    }
}
