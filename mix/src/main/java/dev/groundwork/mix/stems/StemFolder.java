package dev.groundwork.mix.stems;

import dev.groundwork.core.audio.AudioFileException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds and checks the stems of a folder before any work starts, so bad input ends in one clear
 * message and nothing is written. Stems are sorted by name: the order files happen to be listed in
 * never changes a decision.
 */
public final class StemFolder {
    public static final int MIN_STEMS = 2, MAX_STEMS = 64;
    private static final List<String> EXTENSIONS = List.of(".wav", ".wave", ".aif", ".aiff", ".aifc", ".flac", ".mp3", ".ogg", ".oga");
    /**
     * Audio a producer may well drop among the stems but groundwork cannot decode. Left out quietly, the mix would
     * lack that part (a vocal bounced to .m4a), so such a file stops the job with its name instead.
     */
    private static final List<String> UNREADABLE_AUDIO = List.of(".m4a", ".aac", ".alac", ".opus", ".wma", ".caf", ".ape", ".wv", ".mp2", ".ac3");

    private StemFolder() { }

    public static boolean isAudio(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return !n.startsWith(".") && EXTENSIONS.stream().anyMatch(n::endsWith);
    }

    /** Lists, probes and validates the stems in {@code dir}. */
    public static List<StemSource> open(Path dir) {
        if (!Files.exists(dir)) throw new IllegalArgumentException(dir + ": no such folder"); // as a missing input file is said
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException(dir + " is not a folder of stems");
        List<Path> all;
        try (Stream<Path> s = Files.list(dir)) {
            all = s.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        rejectUnreadableAudio(all, dir);
        List<Path> files = new ArrayList<>(all.stream().filter(StemFolder::isAudio).toList());
        files.sort(Comparator.comparing((Path p) -> p.getFileName().toString().toLowerCase(Locale.ROOT))
                .thenComparing(p -> p.getFileName().toString()));
        if (files.isEmpty()) throw new IllegalArgumentException("no audio stems (WAV, AIFF, FLAC, MP3, Ogg Vorbis) in " + dir);
        return validate(files.stream().map(StemFolder::probe).map(s -> (StemSource) s).toList(), dir.toString());
    }

    private static void rejectUnreadableAudio(List<Path> files, Path dir) {
        List<String> unreadable = files.stream().map(p -> p.getFileName().toString())
                .filter(n -> !n.startsWith(".") && UNREADABLE_AUDIO.stream().anyMatch(n.toLowerCase(Locale.ROOT)::endsWith))
                .sorted().toList();
        if (unreadable.isEmpty()) return;
        String them = unreadable.size() == 1 ? "it" : "them";
        throw new IllegalArgumentException(String.join(", ", unreadable) + " in " + dir + ": groundwork reads WAV, AIFF, FLAC, MP3 and Ogg Vorbis"
                + " stems; convert " + them + " to WAV or FLAC, or move " + them + " out of the folder");
    }

    /** Checks count and channel layout of already opened stems (also used for in-memory stems). */
    public static List<StemSource> validate(List<StemSource> stems, String where) {
        if (stems.size() < MIN_STEMS) {
            throw new IllegalArgumentException("only " + stems.size() + " stem in " + where + "; a mix needs at least " + MIN_STEMS +
                    " (use 'groundwork master' for a single file)");
        }
        if (stems.size() > MAX_STEMS) throw new IllegalArgumentException(stems.size() + " stems in " + where + "; at most " + MAX_STEMS + " are supported");
        for (StemSource s : stems) {
            int ch = s.info().channels();
            if (ch < 1 || ch > 2) {
                throw new IllegalArgumentException(s.name() + " has " + ch + " channels; stems must be mono or stereo (split surround stems first)");
            }
            if (s.info().frames() <= 0) throw new IllegalArgumentException(s.name() + " holds no audio");
        }
        List<String> names = stems.stream().map(StemSource::name).toList();
        if (names.stream().distinct().count() != names.size()) throw new IllegalArgumentException("two stems share a name in " + where);
        return List.copyOf(stems);
    }

    private static FileStem probe(Path p) {
        try {
            return FileStem.probe(p);
        } catch (AudioFileException e) {
            throw new AudioFileException(p, "cannot read this stem (" + stripName(e.getMessage(), p) + ")", e);
        } catch (RuntimeException e) {
            throw new AudioFileException(p, "cannot read this stem (" + e.getMessage() + ")", e);
        }
    }

    private static String stripName(String m, Path p) {
        String prefix = p.getFileName() + ": ";
        return m != null && m.startsWith(prefix) ? m.substring(prefix.length()) : String.valueOf(m);
    }
}
