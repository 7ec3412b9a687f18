package dev.groundwork.core.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class BadInputTest {
    @TempDir Path dir;

    private AudioFileException refused(Path f) {
        AudioFileException e = assertThrows(AudioFileException.class, () -> AudioFiles.read(f));
        assertTrue(e.getMessage().startsWith(f.getFileName() + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e;
    }

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] pcm16(int... values) {
        long[] v = Arrays.stream(values).asLongStream().toArray();
        return TestSignals.le(ByteOrder.LITTLE_ENDIAN, 2, v);
    }

    @Test
    void anEmptyFileIsNamedAsEmpty() throws IOException {
        assertTrue(refused(file("empty.wav", new byte[0])).getMessage().contains("empty file"));
    }

    @Test
    void aMissingFileSaysSo() {
        assertTrue(refused(dir.resolve("nope.wav")).getMessage().contains("no such file"));
    }

    @Test
    void aDirectoryIsNotAnAudioFile() throws IOException {
        Path d = Files.createDirectory(dir.resolve("song.wav"));
        assertTrue(refused(d).getMessage().contains("directory"));
    }

    @Test
    void aHeaderCutShortIsATruncatedHeader() throws IOException {
        byte[] whole = TestSignals.wav(1, 2, 44_100, 16, 4, pcm16(1, 2, 3, 4), 8);
        for (int cut : new int[] {3, 11, 20, 30}) {
            Path f = file("cut" + cut + ".wav", Arrays.copyOf(whole, cut));
            String m = refused(f).getMessage();
            assertTrue(m.contains("truncated") || m.contains("not a supported") || m.contains("corrupt"), m);
        }
    }

    @Test
    void aDataChunkClaimingMoreThanTheFileReadsThePresentFramesWithAWarning() throws IOException {
        Path f = file("short.wav", TestSignals.wav(1, 1, 44_100, 16, 2, pcm16(16384, -16384, 8192), 2_000_000));
        List<String> warnings = new ArrayList<>();
        AudioBuffer b = AudioFiles.read(f, warnings::add);
        assertArrayEquals(new float[] {0.5f, -0.5f, 0.25f}, b.channel(0));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("claims 1000000 frames but the file holds only 3"), warnings.get(0));
    }

    @Test
    void anAbsurdDataSizeIsNeverAllocated() throws IOException {
        // 4 GB claimed by a 50-byte file: the reader must size everything by the real file.
        Path f = file("absurd.wav", TestSignals.wav(3, 8, 192_000, 32, 32, new byte[0], 0xFFFFFFF0L));
        AudioBuffer b = AudioFiles.read(f, w -> { });
        assertEquals(0, b.frames());
        assertEquals(8, b.channels());
    }

    @Test
    void absurdChannelCountsAreRefused() throws IOException {
        assertTrue(refused(file("ch.wav", TestSignals.wav(1, 5000, 44_100, 16, 10_000, pcm16(0), 2))).getMessage()
                .contains("unsupported channel count 5000"));
        assertTrue(refused(file("ch0.wav", TestSignals.wav(1, 0, 44_100, 16, 2, pcm16(0), 2))).getMessage()
                .contains("unsupported channel count 0"));
    }

    @Test
    void absurdSampleRatesAreRefused() throws IOException {
        assertTrue(refused(file("r1.wav", TestSignals.wav(1, 1, 1, 16, 2, pcm16(0), 2))).getMessage()
                .contains("unsupported sample rate 1 Hz"));
        assertTrue(refused(file("r2.wav", TestSignals.wav(1, 1, -1, 16, 2, pcm16(0), 2))).getMessage()
                .contains("unsupported sample rate 4294967295 Hz"));
    }

    @Test
    void nanAndInfinityInAFloatFileNameTheFirstBadFrameAndTime() throws IOException {
        float[] samples = new float[48_010];
        samples[48_005] = Float.NaN;
        samples[48_007] = Float.POSITIVE_INFINITY;
        long[] bits = new long[samples.length];
        for (int i = 0; i < samples.length; i++) bits[i] = Float.floatToRawIntBits(samples[i]);
        Path f = file("nan.wav", TestSignals.wav(3, 2, 48_000, 32, 8, TestSignals.le(ByteOrder.LITTLE_ENDIAN, 4, bits),
                samples.length * 4L));
        String m = refused(f).getMessage();
        assertTrue(m.contains("NaN at frame 24002 (0.500 s), channel 2"), m);
    }

    /** Before: a float file of 1e30 samples measured +586 LUFS (exit 0), and master called it silent. */
    @Test
    void floatSamplesBeyondAMillionAreRefusedAsNotAudio() throws IOException {
        float[] samples = new float[48_010];
        samples[100] = 1e6f;             // +120 dBFS: absurd but still allowed
        samples[48_004] = -3.0e30f;      // what integers read as floats look like
        long[] bits = new long[samples.length];
        for (int i = 0; i < samples.length; i++) bits[i] = Float.floatToRawIntBits(samples[i]);
        Path f = file("huge.wav", TestSignals.wav(3, 2, 48_000, 32, 8, TestSignals.le(ByteOrder.LITTLE_ENDIAN, 4, bits),
                samples.length * 4L));
        assertEquals("huge.wav: sample -3.00e+30 (+610 dBFS) at frame 24002 (0.500 s), channel 1: the file holds invalid float samples"
                + " (no audio is louder than +120 dBFS)", refused(f).getMessage());
        // 64-bit floats go through the same check
        long[] wide = new long[4];
        wide[3] = Double.doubleToRawLongBits(2e6);
        Path d = file("huge64.wav", TestSignals.wav(3, 2, 48_000, 64, 16, TestSignals.le(ByteOrder.LITTLE_ENDIAN, 8, wide), 32));
        assertTrue(refused(d).getMessage().contains("sample 2.00e+06 (+126 dBFS) at frame 1"), refused(d).getMessage());
    }

    @Test
    void adpcmAndOtherCodecsAreNamedAsUnsupported() throws IOException {
        assertTrue(refused(file("adpcm.wav", TestSignals.wav(0x11, 1, 44_100, 4, 256, new byte[256], 256))).getMessage()
                .contains("unsupported WAV codec IMA ADPCM"));
        assertTrue(refused(file("mp3.wav", TestSignals.wav(0x55, 2, 44_100, 0, 1, new byte[16], 16))).getMessage()
                .contains("MP3"));
    }

    @Test
    void soundFontsMp4AndGarbageAreRefusedByContent() throws IOException {
        byte[] sf = TestSignals.riff("RIFF", TestSignals.chunk("LIST", new byte[8]));
        sf[8] = 's'; sf[9] = 'f'; sf[10] = 'b'; sf[11] = 'k';
        assertTrue(refused(file("piano.sf3", sf)).getMessage().contains("SoundFont"));
        byte[] mp4 = {0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'M', '4', 'A', ' ', 0, 0, 0, 0};
        assertTrue(refused(file("song.m4a", mp4)).getMessage().contains("MP4"));
        byte[] junk = new byte[1000];
        new java.util.Random(1).nextBytes(junk);
        junk[0] = 'x';
        assertTrue(refused(file("junk.wav", junk)).getMessage().contains("not a supported audio file"));
    }

    @Test
    void aWavWithoutDataOrFormatChunkIsCorrupt() throws IOException {
        byte[] noData = TestSignals.riff("RIFF", Arrays.copyOfRange(TestSignals.wav(1, 1, 8000, 16, 2, new byte[0], 0), 12, 36));
        assertTrue(refused(file("nodata.wav", noData)).getMessage().contains("no 'data' chunk"));
        byte[] noFmt = TestSignals.riff("RIFF", TestSignals.dataChunk(new byte[4], 4));
        assertTrue(refused(file("nofmt.wav", noFmt)).getMessage().contains("no 'fmt ' chunk"));
    }

    @Test
    void aWholeFileReadThatCannotFitTheHeapSuggestsStreaming() {
        Path f = dir.resolve("huge.wav");
        long frames = Runtime.getRuntime().maxMemory() / 4;
        AudioFileException e = assertThrows(AudioFileException.class, () -> AudioFiles.ensureHeapFor(f, frames, 2));
        assertTrue(e.getMessage().contains("more heap") && e.getMessage().contains("streams"), e.getMessage());
        assertThrows(AudioFileException.class, () -> AudioFiles.ensureHeapFor(f, 3L << 31, 1));
        assertDoesNotThrow(() -> AudioFiles.ensureHeapFor(f, 1_000, 2));
    }

    @Test
    void aFailedWriteLeavesNoFileUnderTheRealNameAndNoTemporaryFile() throws IOException {
        AudioBuffer bad = TestSignals.sines(2, 50_000, 44_100, 0.5, 0, 1);
        bad.channel(1)[40_000] = Float.NaN;
        Path out = dir.resolve("out.wav");
        AudioFileException e = assertThrows(AudioFileException.class,
                () -> AudioFiles.write(out, bad, OutputFormat.wav(OutputFormat.Encoding.PCM24)));
        assertTrue(e.getMessage().contains("frame 40000, channel 2"), e.getMessage());
        assertFalse(Files.exists(out));
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count(), "no temporary file is left behind");
        }
    }

    @Test
    void aFailedWriteKeepsThePreviousFileIntact() throws IOException {
        Path out = dir.resolve("keep.wav");
        AudioFiles.write(out, TestSignals.sines(1, 100, 44_100, 0.5, 0, 1), OutputFormat.wav(OutputFormat.Encoding.PCM24));
        byte[] before = Files.readAllBytes(out);
        try (AudioStreamWriter w = AudioFiles.openWriter(out, OutputFormat.wav(OutputFormat.Encoding.PCM24), 44_100, 1)) {
            w.write(TestSignals.sines(1, 1000, 44_100, 0.1, 0, 2));
            // closed without commit, as when a job fails half way
        }
        assertArrayEquals(before, Files.readAllBytes(out));
    }

    @Test
    void aFileOpenForReadingIsNeverOverwritten() throws IOException {
        Path in = dir.resolve("in.wav");
        AudioFiles.write(in, TestSignals.sines(1, 100, 44_100, 0.5, 0, 1), OutputFormat.wav(OutputFormat.Encoding.PCM24));
        byte[] before = Files.readAllBytes(in);
        Path sameViaDots = dir.resolve("sub").resolve("..").resolve("in.wav");
        Files.createDirectory(dir.resolve("sub"));
        try (AudioStreamReader r = AudioFiles.openReader(in)) {
            AudioFileException e = assertThrows(AudioFileException.class,
                    () -> AudioFiles.write(sameViaDots, AudioBuffer.allocate(1, 10, 44_100), OutputFormat.wav(OutputFormat.Encoding.PCM16)));
            assertTrue(e.getMessage().contains("open as an input"), e.getMessage());
        }
        assertArrayEquals(before, Files.readAllBytes(in));
        assertThrows(AudioFileException.class, () -> AudioFiles.requireDistinct(in, sameViaDots));
        assertDoesNotThrow(() -> AudioFiles.requireDistinct(in, dir.resolve("other.wav")));
    }

    @Test
    void writingIntoAMissingFolderSaysWhich() {
        Path out = dir.resolve("no/such/folder/x.wav");
        AudioFileException e = assertThrows(AudioFileException.class,
                () -> AudioFiles.write(out, AudioBuffer.allocate(1, 10, 44_100), OutputFormat.wav(OutputFormat.Encoding.PCM16)));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void aStreamedWavWithUnknownDataSizeReadsToTheEndWithoutWarning() throws IOException {
        Path f = file("streamed.wav", TestSignals.wav(1, 1, 44_100, 16, 2, pcm16(16384, 8192), 0xFFFFFFFFL));
        List<String> warnings = new ArrayList<>();
        assertArrayEquals(new float[] {0.5f, 0.25f}, AudioFiles.read(f, warnings::add).channel(0));
        assertEquals(List.of(), warnings);
    }

    @Test
    void aFileLargerThanTheHeapIsRefusedWholeButStreamsInBlocks() throws IOException {
        // A sparse 5 GB RF64 file: 16-bit stereo, about 1.34 billion frames, more floats than any test heap holds.
        long dataBytes = 5L << 30;
        byte[] header = TestSignals.rf64(2, 48_000, 16, new byte[0]);
        java.nio.ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).putLong(12 + 8 + 8, dataBytes);  // ds64 data size
        Path f = dir.resolve("huge.wav");
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(f.toFile(), "rw")) {
            raf.write(header);
            raf.seek(header.length + dataBytes - 2);
            raf.write(new byte[] {0x00, 0x40});  // the very last sample: 0.5
        }
        AudioFileInfo info = AudioFiles.probe(f);
        assertEquals(dataBytes / 4, info.frames());
        AudioFileException e = assertThrows(AudioFileException.class, () -> AudioFiles.read(f));
        assertTrue(e.getMessage().contains("give Java more heap") || e.getMessage().contains("too long to hold"), e.getMessage());
        try (AudioStreamReader r = AudioFiles.openReader(f)) {
            AudioBuffer block = AudioBuffer.allocate(2, 4096, 48_000);
            assertEquals(4096, r.read(block));
            assertEquals(0f, block.channel(0)[4095]);
        }
    }
}
