package dev.groundwork.core.audio;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class FlacFilesTest {
    @TempDir Path dir;

    @Test
    void decodesA16BitFileFromTheReferenceEncoder() {
        Path f = TestSignals.fixture("sine-stereo16-44k.flac");
        AudioBuffer b = AudioFiles.read(f);
        assertEquals(new AudioFileInfo("FLAC", 44_100, 2, 22_050, 16, false), AudioFiles.probe(f));
        assertEquals(22_050, b.frames());
        double lsb = 1.0 / 32768;
        assertTrue(TestSignals.maxDeviationFromDelayedSine(b.channel(0), 4_410, 1000, 44_100) <= 1.01 * lsb);
        assertTrue(TestSignals.maxDeviationFromDelayedSine(b.channel(1), 4_410, 1500, 44_100) <= 1.01 * lsb);
    }

    @Test
    void decodesA24BitFileFromTheReferenceEncoder() {
        Path f = TestSignals.fixture("sine-stereo24-48k.flac");
        AudioBuffer b = AudioFiles.read(f);
        assertEquals(14_400, b.frames());
        assertEquals(24, AudioFiles.probe(f).bitsPerSample());
        double lsb = 1.0 / 8388608;
        assertTrue(TestSignals.maxDeviationFromDelayedSine(b.channel(0), 4_800, 1000, 48_000) <= 1.01 * lsb);
        assertTrue(TestSignals.maxDeviationFromDelayedSine(b.channel(1), 4_800, 1500, 48_000) <= 1.01 * lsb);
    }

    @Test
    void pcm24RoundTripIsWithinHalfAnLsbAndMatchesTheWavPath() {
        AudioBuffer in = TestSignals.sines(2, 30_000, 96_000, 0.9, 0.05, 11);
        Path flac = dir.resolve("a.flac");
        Path wav = dir.resolve("a.wav");
        AudioFiles.write(flac, in, new OutputFormat(OutputFormat.Container.FLAC, OutputFormat.Encoding.PCM24, false));
        AudioFiles.write(wav, in, OutputFormat.wav(OutputFormat.Encoding.PCM24));
        AudioBuffer fromFlac = AudioFiles.read(flac);
        AudioBuffer fromWav = AudioFiles.read(wav);
        for (int c = 0; c < 2; c++) {
            assertArrayEquals(fromWav.channel(c), fromFlac.channel(c));
            for (int i = 0; i < in.frames(); i++) assertEquals(in.channel(c)[i], fromFlac.channel(c)[i], 0.5 / 8388608 + 1e-9);
        }
    }

    @Test
    void pcm16DitheredFlacHoldsTheSameSamplesAsTheDitheredWav() {
        AudioBuffer in = TestSignals.sines(2, 10_001, 44_100, 0.5, 0, 12);
        Path flac = dir.resolve("d.flac");
        Path wav = dir.resolve("d.wav");
        AudioFiles.write(flac, in, new OutputFormat(OutputFormat.Container.FLAC, OutputFormat.Encoding.PCM16, true));
        AudioFiles.write(wav, in, OutputFormat.wav(OutputFormat.Encoding.PCM16));
        AudioBuffer a = AudioFiles.read(flac);
        for (int c = 0; c < 2; c++) {
            assertArrayEquals(AudioFiles.read(wav).channel(c), a.channel(c));
            for (int i = 0; i < in.frames(); i++) assertEquals(in.channel(c)[i], a.channel(c)[i], 1.5 / 32768 + 1e-9);
        }
    }

    @Test
    void writtenFlacIsByteIdenticalForTheSameInput() throws IOException {
        AudioBuffer in = TestSignals.sines(1, 20_000, 48_000, 0.5, 0.01, 13);
        OutputFormat f16 = new OutputFormat(OutputFormat.Container.FLAC, OutputFormat.Encoding.PCM16, true);
        AudioFiles.write(dir.resolve("1.flac"), in, f16);
        AudioFiles.write(dir.resolve("2.flac"), in, f16);
        assertArrayEquals(Files.readAllBytes(dir.resolve("1.flac")), Files.readAllBytes(dir.resolve("2.flac")));
    }

    @Test
    void sixChannelsAt96kRoundTrip() {
        AudioBuffer in = TestSignals.sines(6, 5_000, 96_000, 0.7, 0, 14);
        Path f = dir.resolve("six.flac");
        AudioFiles.write(f, in, new OutputFormat(OutputFormat.Container.FLAC, OutputFormat.Encoding.PCM24, false));
        AudioBuffer out = AudioFiles.read(f);
        assertEquals(6, out.channels());
        assertEquals(96_000, out.sampleRate());
        for (int c = 0; c < 6; c++) {
            for (int i = 0; i < in.frames(); i++) assertEquals(in.channel(c)[i], out.channel(c)[i], 0.5 / 8388608 + 1e-9);
        }
    }

    @Test
    void theReferenceFlacToolAcceptsWhatWeWrite() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/flac")), "flac tool not installed");
        Path f = dir.resolve("check.flac");
        AudioFiles.write(f, TestSignals.sines(2, 44_100, 44_100, 0.5, 0.01, 15),
                new OutputFormat(OutputFormat.Container.FLAC, OutputFormat.Encoding.PCM16, true));
        Process p = new ProcessBuilder("/usr/bin/flac", "-t", "-s", f.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 64, 4096})
    void streamingReadGivesTheSameSamplesForAnyBlockSize(int blockFrames) {
        Path f = TestSignals.fixture("sine-stereo16-44k.flac");
        AudioBuffer whole = AudioFiles.read(f);
        float[][] got = new float[2][whole.frames()];
        int at = 0;
        try (AudioStreamReader r = AudioFiles.openReader(f)) {
            AudioBuffer block = AudioBuffer.allocate(2, blockFrames, 44_100);
            int n;
            while ((n = r.read(block)) > 0) {
                for (int c = 0; c < 2; c++) System.arraycopy(block.channel(c), 0, got[c], at, n);
                at += n;
            }
        }
        assertEquals(whole.frames(), at);
        for (int c = 0; c < 2; c++) assertArrayEquals(whole.channel(c), got[c]);
    }

    @Test
    void aTruncatedFileReadsThePresentFramesWithAWarning() throws IOException {
        byte[] whole = Files.readAllBytes(TestSignals.fixture("sine-stereo16-44k.flac"));
        Path f = Files.write(dir.resolve("cut.flac"), Arrays.copyOf(whole, whole.length / 2));
        List<String> warnings = new ArrayList<>();
        AudioBuffer b = AudioFiles.read(f, warnings::add);
        assertTrue(b.frames() > 4_410 && b.frames() < 22_050, "frames " + b.frames());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("claims 22050 frames"), warnings.get(0));
    }

    @Test
    void aCorruptFrameIsAnErrorNamingWhereItIs() throws IOException {
        byte[] bytes = Files.readAllBytes(TestSignals.fixture("sine-stereo16-44k.flac"));
        for (int i = bytes.length / 2; i < bytes.length / 2 + 40; i++) bytes[i] ^= 0x5A;
        Path f = Files.write(dir.resolve("bad.flac"), bytes);
        AudioFileException e = assertThrows(AudioFileException.class, () -> AudioFiles.read(f, w -> { }));
        assertTrue(e.getMessage().startsWith("bad.flac: corrupt FLAC frame near frame "), e.getMessage());
    }

    @Test
    void aTruncatedHeaderIsRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(TestSignals.fixture("sine-stereo16-44k.flac"));
        Path f = Files.write(dir.resolve("head.flac"), Arrays.copyOf(bytes, 20));
        AudioFileException e = assertThrows(AudioFileException.class, () -> AudioFiles.read(f));
        assertTrue(e.getMessage().contains("truncated or corrupt"), e.getMessage());
    }

    @Test
    void aStreamInfoClaimingAnAbsurdLengthIsNeverAllocated() throws IOException {
        byte[] bytes = Files.readAllBytes(TestSignals.fixture("sine-stereo16-44k.flac"));
        // Total samples: the low 36 bits of STREAMINFO bytes 10..17 (file offsets 18..25), all ones = 68 billion.
        bytes[21] |= 0x0F;
        for (int i = 22; i <= 25; i++) bytes[i] = (byte) 0xFF;
        Path f = Files.write(dir.resolve("liar.flac"), bytes);
        assertEquals(0xFFFFFFFFFL, AudioFiles.probe(f).frames());
        List<String> warnings = new ArrayList<>();
        AudioBuffer b = AudioFiles.read(f, warnings::add);
        assertEquals(22_050, b.frames());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("claims 68719476735 frames"), warnings.get(0));
    }
}
