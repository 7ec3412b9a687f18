package dev.groundwork.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The training run the {@code ./groundwork} launcher makes once per build and JDK, under
 * {@code -XX:ArchiveClassesAtExit} (JDK 17 to 24: a class-data-sharing archive) or {@code -XX:AOTCacheOutput}
 * (JDK 25 and newer: an ahead-of-time cache that also keeps the classes linked and the methods' profiles). Every
 * command then starts from classes already parsed and verified instead of loading them again.
 *
 * <p>Why a run of its own: an archive holds only the classes its run loaded, so one recorded by, say, {@code analyze}
 * leaves {@code beat} loading most of its classes the slow way. This run touches every command's path on a short
 * beat (8 bars): produce (beat, automix, master, DAWproject export), then beat, mix, master and analyze on its own.
 * Nothing here is user-facing; output goes nowhere and the temporary folder is removed.
 */
public final class StartupTraining {
    private StartupTraining() { }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("groundwork-training");
        int failed;
        try {
            failed = run(dir, new PrintWriter(System.err, true));
        } finally {
            deleteTree(dir);
        }
        // a failed step only makes the archive smaller; the launcher still uses what was recorded
        System.exit(failed == 0 ? 0 : 1);
    }

    /** Runs every step with its files in {@code dir}; returns how many steps failed (their errors go to {@code err}). */
    static int run(Path dir, PrintWriter err) {
        PrintWriter quiet = new PrintWriter(OutputStream.nullOutputStream(), true);
        String p = dir.toString();
        String[][] steps = {
                {"produce", "boom bap, 90 bpm, A minor, 8 bars", "-o", p + "/produce", "--seed", "1"},
                {"beat", "dark trap, 140 bpm, F minor, 4 bars", "-o", p + "/beat", "--seed", "2"},
                {"mix", p + "/produce/stems", "-o", p + "/mix.wav"},
                {"master", p + "/produce/mix.wav", "-o", p + "/master.wav"},
                {"analyze", p + "/master.wav"},
        };
        int failed = 0;
        for (String[] step : steps) {
            if (Main.run(step, quiet, err) != 0) failed++;
        }
        return failed;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
