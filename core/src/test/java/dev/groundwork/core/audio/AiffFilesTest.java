package dev.groundwork.core.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class AiffFilesTest {
    @TempDir Path dir;

    /** 44100 Hz as an 80-bit extended float. */
    private static byte[] rate44100() {
        return new byte[] {0x40, 0x0E, (byte) 0xAC, 0x44, 0, 0, 0, 0, 0, 0};
    }

    static byte[] aifc(String compression, int channels, long frames, int bits, byte[] data) {
        ByteBuffer comm = ByteBuffer.allocate(24).order(ByteOrder.BIG_ENDIAN);
        comm.putShort((short) channels).putInt((int) frames).putShort((short) bits).put(rate44100())
                .put(compression.getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put((byte) 0);
        ByteBuffer ssnd = ByteBuffer.allocate(8 + data.length).order(ByteOrder.BIG_ENDIAN);
        ssnd.putInt(0).putInt(0).put(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] c1 = beChunk("COMM", comm.array());
        byte[] c2 = beChunk("SSND", ssnd.array());
        out.writeBytes("FORM".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(4).putInt(4 + c1.length + c2.length).array());
        out.writeBytes("AIFC".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(c1);
        out.writeBytes(c2);
        return out.toByteArray();
    }

    private static byte[] beChunk(String id, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(4).putInt(body.length).array());
        out.writeBytes(body);
        if ((body.length & 1) == 1) out.write(0);
        return out.toByteArray();
    }

    @Test
    void readsBigEndian16BitAiffWrittenByJavaSound() throws IOException {
        AudioBuffer in = TestSignals.sines(2, 4_410, 44_100, 0.8, 0, 1);
        short[] pcm = new short[in.frames() * 2];
        ByteBuffer bytes = ByteBuffer.allocate(pcm.length * 2).order(ByteOrder.BIG_ENDIAN);
        for (int i = 0; i < in.frames(); i++) {
            for (int c = 0; c < 2; c++) bytes.putShort((short) Math.round(in.channel(c)[i] * 32768));
        }
        AudioFormat fmt = new AudioFormat(44_100, 16, 2, true, true);
        Path f = dir.resolve("js.aiff");
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(bytes.array()), fmt, in.frames()),
                AudioFileFormat.Type.AIFF, f.toFile());
        AudioBuffer out = AudioFiles.read(f);
        assertEquals(44_100.0, out.sampleRate());
        assertEquals(in.frames(), out.frames());
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < in.frames(); i++) assertEquals(Math.round(in.channel(c)[i] * 32768) / 32768f, out.channel(c)[i]);
        }
        assertEquals("AIFF", AudioFiles.probe(f).format());
        assertEquals(16, AudioFiles.probe(f).bitsPerSample());
    }

    @Test
    void readsLittleEndianSowt() throws IOException {
        byte[] data = TestSignals.le(ByteOrder.LITTLE_ENDIAN, 2, 16384, -32768, 8192, 0);
        Path f = Files.write(dir.resolve("sowt.aifc"), aifc("sowt", 2, 2, 16, data));
        AudioBuffer b = AudioFiles.read(f);
        assertArrayEquals(new float[] {0.5f, 0.25f}, b.channel(0));
        assertArrayEquals(new float[] {-1f, 0f}, b.channel(1));
        assertEquals("AIFC", AudioFiles.probe(f).format());
    }

    @Test
    void readsBigEndianFloatAnd24BitAndSigned8Bit() throws IOException {
        byte[] fl = TestSignals.le(ByteOrder.BIG_ENDIAN, 4, Float.floatToIntBits(0.375f), Float.floatToIntBits(-0.5f));
        assertArrayEquals(new float[] {0.375f, -0.5f},
                AudioFiles.read(Files.write(dir.resolve("fl.aifc"), aifc("fl32", 1, 2, 32, fl))).channel(0));
        byte[] i24 = TestSignals.le(ByteOrder.BIG_ENDIAN, 3, 0x200000, -0x400000);
        assertArrayEquals(new float[] {0.25f, -0.5f},
                AudioFiles.read(Files.write(dir.resolve("i24.aifc"), aifc("NONE", 1, 2, 24, i24))).channel(0));
        byte[] s8 = {64, -128, 0};
        assertArrayEquals(new float[] {0.5f, -1f, 0f},
                AudioFiles.read(Files.write(dir.resolve("s8.aifc"), aifc("twos", 1, 3, 8, s8))).channel(0));
    }

    @Test
    void aHeaderClaimingMoreFramesThanPresentReadsWhatIsThereWithAWarning() throws IOException {
        byte[] data = TestSignals.le(ByteOrder.BIG_ENDIAN, 2, 16384, 8192);
        Path f = Files.write(dir.resolve("short.aiff"), aifc("NONE", 1, 4_000_000_000L, 16, data));
        List<String> warnings = new ArrayList<>();
        assertArrayEquals(new float[] {0.5f, 0.25f}, AudioFiles.read(f, warnings::add).channel(0));
        assertTrue(warnings.get(0).contains("claims 4000000000 frames"), warnings.get(0));
    }

    @Test
    void compressedAifcIsNamedAsUnsupported() throws IOException {
        Path f = Files.write(dir.resolve("ima.aifc"), aifc("ima4", 1, 64, 16, new byte[34]));
        AudioFileException e = assertThrows(AudioFileException.class, () -> AudioFiles.read(f));
        assertEquals("ima.aifc: unsupported AIFC compression 'ima4'; convert it to PCM WAV or FLAC first", e.getMessage());
    }
}
