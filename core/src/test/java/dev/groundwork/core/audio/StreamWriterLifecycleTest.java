package dev.groundwork.core.audio;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Both stream writers end a write the same way: committed into place, or closed with nothing left behind. */
class StreamWriterLifecycleTest {
    @TempDir Path dir;

    static Stream<OutputFormat> formats() {
        return Stream.of(OutputFormat.wav(OutputFormat.Encoding.PCM24), OutputFormat.flac(OutputFormat.Encoding.PCM16));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @ParameterizedTest
    @MethodSource("formats")
    void aCommittedWriterRefusesMoreAndClosingKeepsTheFile(OutputFormat format) throws IOException {
        Path out = dir.resolve("out");
        AudioBuffer audio = TestSignals.sines(2, 10_000, 44_100, 0.5, 0, 1);
        AudioStreamWriter w = AudioFiles.openWriter(out, format, 44_100, 2);
        w.write(audio);
        w.commit();
        byte[] written = Files.readAllBytes(out);
        assertThrows(IllegalStateException.class, () -> w.write(audio));
        assertThrows(IllegalStateException.class, w::commit);
        w.close();
        w.close();
        assertArrayEquals(written, Files.readAllBytes(out));
        assertEquals(List.of(out), files(), "only the committed file, no temporary one");
        assertEquals(10_000, AudioFiles.read(out).frames());
    }

    @ParameterizedTest
    @MethodSource("formats")
    void aClosedWriterRefusesMoreAndLeavesNothing(OutputFormat format) throws IOException {
        AudioStreamWriter w = AudioFiles.openWriter(dir.resolve("out"), format, 44_100, 1);
        w.write(TestSignals.sines(1, 5_000, 44_100, 0.5, 0, 1));
        assertEquals(1, files().size(), "the temporary file while writing");
        w.close();
        assertThrows(IllegalStateException.class, () -> w.write(TestSignals.sines(1, 10, 44_100, 0.5, 0, 1)));
        assertThrows(IllegalStateException.class, w::commit);
        assertEquals(List.of(), files());
    }

    @ParameterizedTest
    @MethodSource("formats")
    void aBadSampleEndsTheWriteWithOneLineAndLeavesNothing(OutputFormat format) throws IOException {
        AudioBuffer bad = TestSignals.sines(2, 9_000, 44_100, 0.5, 0, 1);
        bad.channel(0)[8_500] = Float.POSITIVE_INFINITY;
        AudioStreamWriter w = AudioFiles.openWriter(dir.resolve("out"), format, 44_100, 2);
        AudioFileException e = assertThrows(AudioFileException.class, () -> w.write(bad));
        assertEquals("out: cannot write: sample Infinity at frame 8500, channel 1 is not a finite number (a processing bug upstream)",
                e.getMessage());
        assertThrows(IllegalStateException.class, w::commit);
        w.close();
        assertEquals(List.of(), files());
    }
}
