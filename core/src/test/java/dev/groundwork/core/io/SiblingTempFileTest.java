package dev.groundwork.core.io;

import dev.groundwork.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SiblingTempFileTest {
    @Test
    void aTemporaryFileSitsBesideItsTargetWithTheUsualPermissions(@TempDir Path dir) throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path plain = Files.createFile(dir.resolve("plain.wav"));
        Path tmp = SiblingTempFile.create(dir.resolve("sub/plan.json"));
        assertEquals(dir.resolve("sub"), tmp.getParent());
        assertTrue(tmp.getFileName().toString().startsWith(".plan.json."));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(tmp));
    }

    /** Before: plans and MIDI files came out owner-only (0600) beside 0644 WAV files. */
    @Test
    void aJsonFileIsAsReadableAsAnyNewFile(@TempDir Path dir) throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path plain = Files.createFile(dir.resolve("plain.wav"));
        Path json = dir.resolve("plan.json");
        Json.write(json, Map.of("a", 1));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(json));
        try (var s = Files.list(dir)) {
            assertEquals(2, s.count(), "no temporary file left");
        }
    }
}
