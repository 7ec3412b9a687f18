package dev.groundwork.core.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** MP3 and Ogg Vorbis fixtures (see make-fixtures.sh): 1 s mono, 0.1 s silence then a 1 kHz sine at 0.5. */
class LossyFilesTest {
    @TempDir Path dir;

    private static double rmsErrorAfterOnset(float[] x) {
        double sum = 0;
        int n = 0;
        for (int i = 6_000; i < 40_000; i++) {
            double want = 0.5 * Math.sin(2 * Math.PI * 1000 * (i - 4_410) / 44_100.0);
            sum += (x[i] - want) * (x[i] - want);
            n++;
        }
        return Math.sqrt(sum / n);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sine-mono-44k.mp3", "sine-mono-44k.ogg"})
    void decodesGaplesslyWithTheExactLengthAndNoOffset(String name) {
        Path f = TestSignals.fixture(name);
        AudioBuffer b = AudioFiles.read(f);
        assertEquals(44_100, b.frames(), "encoder delay and padding are trimmed");
        assertEquals(44_100, AudioFiles.probe(f).frames());
        assertEquals(1, b.channels());
        assertEquals(0, TestSignals.bestLag(Arrays.copyOf(b.channel(0), 20_000), 4_410, 1000, 44_100, 1_300));
        // 0.03 bounds the codec's own error (LAME's decoder measures 0.018 here); a shift of one sample alone gives 0.05.
        assertTrue(rmsErrorAfterOnset(b.channel(0)) < 0.03, "rms error " + rmsErrorAfterOnset(b.channel(0)));
    }

    @ParameterizedTest
    @CsvSource({"sine-stereo-48k-vbr.mp3,48000,2,24000", "sine-mono-22k.mp3,22050,1,22050"})
    void gaplessAlsoForVbrStereoAndMpeg2(String name, int rate, int channels, int frames) {
        AudioBuffer b = AudioFiles.read(TestSignals.fixture(name));
        assertEquals(rate, b.sampleRate());
        assertEquals(channels, b.channels());
        assertEquals(frames, b.frames());
        int start = rate / 10;
        for (int c = 0; c < channels; c++) {
            float[] head = Arrays.copyOf(b.channel(c), Math.min(b.frames(), start * 4));
            assertEquals(0, TestSignals.bestLag(head, start, c == 0 ? 1000 : 1500, rate, 1_300), "channel " + c);
        }
    }

    @Test
    void theLameHeaderAccountsForTheWholeSignal() throws IOException {
        byte[] bytes = Files.readAllBytes(TestSignals.fixture("sine-mono-44k.mp3"));
        Mp3FrameHeader h = Mp3FrameHeader.parse(bytes, 0);
        assertNotNull(h);
        LameTag tag = LameTag.parse(Arrays.copyOf(bytes, h.frameBytes()), h);
        assertNotNull(tag);
        assertTrue(tag.hasLameExtension());
        assertTrue(tag.encoderDelay() > 0 && tag.padding() > 0);
        assertEquals(44_100, tag.frames() * 1152 - tag.encoderDelay() - tag.padding());
    }

    @ParameterizedTest
    @CsvSource({"sine-mono-44k.mp3,1", "sine-mono-44k.mp3,7", "sine-mono-44k.mp3,64", "sine-mono-44k.mp3,4096",
            "sine-mono-44k.ogg,1", "sine-mono-44k.ogg,7", "sine-mono-44k.ogg,64", "sine-mono-44k.ogg,4096"})
    void streamingGivesTheSameSamplesForAnyBlockSize(String name, int blockFrames) {
        Path f = TestSignals.fixture(name);
        AudioBuffer whole = AudioFiles.read(f);
        float[] got = new float[whole.frames()];
        int at = 0;
        try (AudioStreamReader r = AudioFiles.openReader(f)) {
            AudioBuffer block = AudioBuffer.allocate(1, blockFrames, 44_100);
            int n;
            while ((n = r.read(block)) > 0) {
                System.arraycopy(block.channel(0), 0, got, at, n);
                at += n;
            }
        }
        assertEquals(whole.frames(), at);
        assertArrayEquals(whole.channel(0), got);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sine-mono-44k.mp3", "sine-mono-44k.ogg"})
    void aTruncatedFileReadsWhatIsThereWithAWarning(String name) throws IOException {
        byte[] bytes = Files.readAllBytes(TestSignals.fixture(name));
        Path f = Files.write(dir.resolve("cut-" + name), Arrays.copyOf(bytes, bytes.length - bytes.length / 10));
        List<String> warnings = new ArrayList<>();
        AudioBuffer b = AudioFiles.read(f, warnings::add);
        // The Ogg fixture keeps all its audio in one page, so cutting it leaves no complete audio page.
        assertTrue(b.frames() < 44_100 && (name.endsWith(".ogg") || b.frames() > 10_000), "frames " + b.frames());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("truncated"), warnings.get(0));
    }

    @Test
    void id3TagsBeforeAndAfterTheMp3DoNotChangeTheSamples() throws IOException {
        byte[] mp3 = Files.readAllBytes(TestSignals.fixture("sine-mono-44k.mp3"));
        ByteArrayOutputStream tagged = new ByteArrayOutputStream();
        tagged.writeBytes(new byte[] {'I', 'D', '3', 3, 0, 0, 0, 0, 1, 0});  // ID3v2.3, 128 bytes of frames
        byte[] frames = new byte[128];
        System.arraycopy("TIT2".getBytes(StandardCharsets.US_ASCII), 0, frames, 0, 4);
        frames[7] = 6;
        System.arraycopy("\u0000Sine".getBytes(StandardCharsets.ISO_8859_1), 0, frames, 10, 5);
        tagged.writeBytes(frames);
        tagged.writeBytes(mp3);
        byte[] v1 = new byte[128];
        v1[0] = 'T'; v1[1] = 'A'; v1[2] = 'G';
        tagged.writeBytes(v1);
        Path f = Files.write(dir.resolve("tagged.mp3"), tagged.toByteArray());
        assertArrayEquals(AudioFiles.read(TestSignals.fixture("sine-mono-44k.mp3")).channel(0), AudioFiles.read(f).channel(0));
    }

    @Test
    void aDamagedOggPageIsAnError() throws IOException {
        byte[] bytes = Files.readAllBytes(TestSignals.fixture("sine-mono-44k.ogg"));
        for (int i = bytes.length / 2; i < bytes.length / 2 + 16; i++) bytes[i] ^= 0x33;
        Path f = Files.write(dir.resolve("bad.ogg"), bytes);
        AudioFileException e = assertThrows(AudioFileException.class, () -> AudioFiles.read(f, w -> { }));
        assertTrue(e.getMessage().startsWith("bad.ogg: corrupt Ogg"), e.getMessage());
    }

    @Test
    void anMp3HeaderFollowedByGarbageIsRefused() throws IOException {
        byte[] bytes = new byte[5_000];
        new java.util.Random(3).nextBytes(bytes);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFB;
        bytes[2] = (byte) 0x90;
        bytes[3] = (byte) 0x64;
        for (int i = 4; i < bytes.length; i++) if (bytes[i] == (byte) 0xFF) bytes[i] = 0;
        Path f = Files.write(dir.resolve("junk.mp3"), bytes);
        AudioFileException e = assertThrows(AudioFileException.class, () -> AudioFiles.read(f, w -> { }));
        assertTrue(e.getMessage().startsWith("junk.mp3: "), e.getMessage());
    }

    @Test
    void oggOpusIsNamedAsUnsupported() throws IOException {
        byte[] opusHead = "OpusHead\u0001\u0001\u0000\u0000\u0080\u00bb\u0000\u0000\u0000\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1);
        Path f = Files.write(dir.resolve("voice.opus"), oggPage(opusHead, 0, 2));
        AudioFileException e = assertThrows(AudioFileException.class, () -> AudioFiles.read(f));
        assertEquals("voice.opus: Ogg Opus is not supported; convert it to WAV or FLAC first", e.getMessage());
    }

    @Test
    void aCommentHeaderDeclaringHugeLengthsIsRefusedBeforeAllocation() throws IOException {
        ByteBuffer id = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
        id.put((byte) 1).put("vorbis".getBytes(StandardCharsets.US_ASCII)).putInt(0).put((byte) 1).putInt(44_100)
                .putInt(0).putInt(128_000).putInt(0).put((byte) 0xB8).put((byte) 1);
        ByteBuffer comment = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
        comment.put((byte) 3).put("vorbis".getBytes(StandardCharsets.US_ASCII)).putInt(Integer.MAX_VALUE).putInt(0).put((byte) 1);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(oggPage(id.array(), 0, 2));
        file.writeBytes(oggPage(comment.array(), 1, 0));
        Path f = Files.write(dir.resolve("evil.ogg"), file.toByteArray());
        AudioFileException e = assertThrows(AudioFileException.class, () -> AudioFiles.read(f));
        assertTrue(e.getMessage().contains("comment header"), e.getMessage());
    }

    /** One Ogg page holding one packet (< 255 bytes), with a correct CRC. */
    static byte[] oggPage(byte[] packet, int sequence, int headerType) {
        ByteBuffer p = ByteBuffer.allocate(28 + packet.length).order(ByteOrder.LITTLE_ENDIAN);
        p.put("OggS".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put((byte) headerType).putLong(0)
                .putInt(0x1234).putInt(sequence).putInt(0).put((byte) 1).put((byte) packet.length).put(packet);
        byte[] b = p.array();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(22, OggCrc.of(b));
        return b;
    }
}
