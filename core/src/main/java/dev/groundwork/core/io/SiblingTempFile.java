package dev.groundwork.core.io;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A hidden temporary file beside the file it will become (same folder, so the final move is atomic), created with
 * the permissions any new file gets (the user's umask), not the owner-only ones of {@link Files#createTempFile}:
 * a plan or MIDI file moved into place must be as readable as the WAV files written next to it.
 */
public final class SiblingTempFile {
    private SiblingTempFile() { }

    /** Creates {@code .NAME.<random>.tmp} in {@code file}'s folder (made if missing) and returns it. */
    public static Path create(Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + abs.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 10) throw e;
            }
        }
    }
}
