package dev.groundwork.core.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class OutputCheckTest {
    @TempDir
    Path dir;

    @Test
    void aNewOrExistingFileInAnExistingFolderCanBeWritten() throws Exception {
        assertNull(OutputCheck.whyNotFile(dir.resolve("new.wav")));
        Files.writeString(dir.resolve("old.json"), "{}");
        assertNull(OutputCheck.whyNotFile(dir.resolve("old.json")));
    }

    @Test
    void anOutputFileThatIsAFolderIsRefused() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("master.wav"));
        assertEquals(folder + " is a folder, not a file", OutputCheck.whyNotFile(folder));
    }

    @Test
    void anOutputFileUnderAFileOrAMissingFolderIsRefused() throws Exception {
        Path song = Files.writeString(dir.resolve("song.wav"), "x");
        assertEquals(song + " is a file, not a folder (for plan.json)", OutputCheck.whyNotFile(song.resolve("plan.json")));
        assertEquals("folder " + dir.resolve("nodir") + " does not exist (for x.wav)", OutputCheck.whyNotFile(dir.resolve("nodir/x.wav")));
        // deeper under a file: the file in the way is the news, not the missing folder
        assertEquals(song + " is a file, not a folder (for x.wav)", OutputCheck.whyNotFile(song.resolve("sub/x.wav")));
    }

    @Test
    void anOutputFolderMayBeMissingButNotAFileNorUnderOne() throws Exception {
        assertNull(OutputCheck.whyNotFolder(dir));
        assertNull(OutputCheck.whyNotFolder(dir.resolve("a/b/c")));
        Path song = Files.writeString(dir.resolve("song.wav"), "x");
        assertEquals(song + " is a file, not a folder", OutputCheck.whyNotFolder(song));
        assertEquals("cannot create folder " + song.resolve("a/b") + ": " + song + " is a file, not a folder",
                OutputCheck.whyNotFolder(song.resolve("a/b")));
    }

    /**
     * Permission bits: only meaningful for a user they bind. Root (as these tests run in the project's sandbox)
     * writes anywhere, so there this test is skipped, not faked; as any other user it runs.
     */
    @Test
    void aFolderWithoutWritePermissionAndAReadOnlyFileAreRefused() throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "POSIX permissions");
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Path kept = Files.writeString(dir.resolve("kept.wav"), "x");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("r--r--r--"));
        try {
            assumeFalse(Files.isWritable(locked), "permission bits bind this user (they do not bind root)");
            assertEquals("folder " + locked + " is not writable (for x.wav)", OutputCheck.whyNotFile(locked.resolve("x.wav")));
            assertEquals("folder " + locked + " is not writable", OutputCheck.whyNotFolder(locked));
            assertEquals("cannot create folder " + locked.resolve("beat") + ": folder " + locked + " is not writable",
                    OutputCheck.whyNotFolder(locked.resolve("beat")));
            assertEquals(kept + " is read-only", OutputCheck.whyNotFile(kept));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }
}
