package dev.groundwork.core.io;

import dev.groundwork.core.json.Json;
import dev.groundwork.core.midi.MidiSong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IoErrorsTest {
    @Test
    void theReasonIsWhatWentWrongNotTheBarePathTheJdkPutsInTheMessage() {
        assertEquals("permission denied", IoErrors.reason(new AccessDeniedException("/music/ro/.plan.json.3f2a.tmp")));
        assertEquals("no such file or folder", IoErrors.reason(new NoSuchFileException("/music/gone")));
        assertEquals("not a directory", IoErrors.reason(new FileSystemException("/music/song.wav/stems", null, "Not a directory")));
        assertEquals("no space left on device", IoErrors.reason(new FileSystemException("/music/x", null, "No space left on device")));
        assertEquals("disk on fire", IoErrors.reason(new java.io.IOException("disk on fire")));
    }

    /** Before: "cannot write plan.json: /…/song.wav" (the JDK's message is only the path in the way). */
    @Test
    void aPlanOrMidiFileThatCannotBeWrittenSaysWhyWithoutTheTemporaryName(@TempDir Path dir) throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("song.wav"), "a file where a folder should be");
        UncheckedIOException json = assertThrows(UncheckedIOException.class, () -> Json.write(notAFolder.resolve("plan.json"), Map.of("a", 1)));
        assertEquals("cannot write plan.json: song.wav is a file, not a folder", json.getMessage());
        UncheckedIOException midi = assertThrows(UncheckedIOException.class,
                () -> new MidiSong(480).write(notAFolder.resolve("beat.mid")));
        assertEquals("cannot write beat.mid: song.wav is a file, not a folder", midi.getMessage());
        assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }

    /** Before: "cannot read plan.json: plan.json (No such file or directory)". Now as a missing audio file reads. */
    @Test
    void aMissingPlanOrAFolderForAPlanReadsLikeAMissingAudioFile(@TempDir Path dir) {
        UncheckedIOException gone = assertThrows(UncheckedIOException.class, () -> Json.read(dir.resolve("plan.json"), Map.class));
        assertEquals("plan.json: no such file", gone.getMessage());
        UncheckedIOException folder = assertThrows(UncheckedIOException.class, () -> Json.read(dir, Map.class));
        assertEquals(dir.getFileName() + ": is a directory, not a plan", folder.getMessage());
    }
}
