package dev.groundwork.core.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class WavFilesTest {
    @TempDir Path dir;

    private static double maxError(AudioBuffer a, AudioBuffer b) {
        assertEquals(a.channels(), b.channels());
        assertEquals(a.frames(), b.frames());
        double max = 0;
        for (int c = 0; c < a.channels(); c++) {
            for (int i = 0; i < a.frames(); i++) max = Math.max(max, Math.abs(a.channel(c)[i] - b.channel(c)[i]));
        }
        return max;
    }

    @Test
    void float32RoundTripIsExact() {
        AudioBuffer in = TestSignals.sines(2, 12_345, 48_000, 0.9, 0.05, 1);
        Path f = dir.resolve("f.wav");
        AudioFiles.write(f, in, OutputFormat.wav(OutputFormat.Encoding.FLOAT32));
        AudioBuffer out = AudioFiles.read(f);
        assertEquals(0.0, maxError(in, out));
        assertEquals(48_000, out.sampleRate());
        AudioFileInfo info = AudioFiles.probe(f);
        assertEquals(new AudioFileInfo("WAV", 48_000, 2, 12_345, 32, true), info);
    }

    @Test
    void pcm24RoundTripIsWithinHalfAnLsb() {
        AudioBuffer in = TestSignals.sines(2, 10_000, 44_100, 0.99, 0.0, 2);
        Path f = dir.resolve("p24.wav");
        AudioFiles.write(f, in, OutputFormat.wav(OutputFormat.Encoding.PCM24));
        double err = maxError(in, AudioFiles.read(f));
        assertTrue(err <= 0.5 / 8388608.0 + 1e-9, "error " + err);
        assertTrue(err > 0, "a 24-bit file cannot hold every float exactly");
    }

    @Test
    void pcm16DitheredRoundTripStaysWithinOneAndAHalfLsb() {
        AudioBuffer in = TestSignals.sines(1, 48_000, 48_000, 0.5, 0.0, 3);
        Path f = dir.resolve("p16.wav");
        AudioFiles.write(f, in, OutputFormat.wav(OutputFormat.Encoding.PCM16));
        AudioBuffer out = AudioFiles.read(f);
        double lsb = 1.0 / 32768;
        double err = maxError(in, out);
        assertTrue(err <= 1.5 * lsb + 1e-9, "error " + err / lsb + " LSB");
        // TPDF dither of ±1 LSB: the error's variance is 1/12 (rounding) + 1/6 (dither) = 1/4 LSB².
        double sumSq = 0, sum = 0;
        for (int i = 0; i < in.frames(); i++) {
            double e = (out.channel(0)[i] - in.channel(0)[i]) / lsb;
            sumSq += e * e;
            sum += e;
        }
        assertEquals(0.25, sumSq / in.frames(), 0.02);
        assertEquals(0.0, sum / in.frames(), 0.02);
    }

    @Test
    void pcm16WithoutDitherRewritesA16BitFileBitExactly() throws IOException {
        AudioBuffer in = TestSignals.sines(2, 5_000, 44_100, 0.7, 0.1, 4);
        Path a = dir.resolve("a.wav");
        Path b = dir.resolve("b.wav");
        OutputFormat plain = new OutputFormat(OutputFormat.Container.WAV, OutputFormat.Encoding.PCM16, false);
        AudioFiles.write(a, in, OutputFormat.wav(OutputFormat.Encoding.PCM16));
        AudioFiles.write(b, AudioFiles.read(a), plain);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void outOfRangeFloatsAreClampedNotWrapped() {
        AudioBuffer in = new AudioBuffer(new float[][] {{1.5f, -1.5f, 1.0f, -1.0f, 40f, -40f}}, 44_100);
        for (OutputFormat.Encoding e : new OutputFormat.Encoding[] {OutputFormat.Encoding.PCM16, OutputFormat.Encoding.PCM24}) {
            Path f = dir.resolve("clip" + e.bits + ".wav");
            AudioFiles.write(f, in, new OutputFormat(OutputFormat.Container.WAV, e, false));
            float[] out = AudioFiles.read(f).channel(0);
            float max = (float) (1 - Math.pow(2, -(e.bits - 1)));
            assertArrayEquals(new float[] {max, -1f, max, -1f, max, -1f}, out, 0f, e.name());
        }
    }

    @Test
    void ditheredOutputIsByteIdenticalForTheSameInputAndChangesTheLowBits() throws IOException {
        AudioBuffer in = TestSignals.sines(2, 20_000, 44_100, 0.3, 0.0, 5);
        Path a = dir.resolve("a.wav");
        Path b = dir.resolve("b.wav");
        Path plain = dir.resolve("plain.wav");
        AudioFiles.write(a, in, OutputFormat.wav(OutputFormat.Encoding.PCM16));
        AudioFiles.write(b, in, OutputFormat.wav(OutputFormat.Encoding.PCM16));
        AudioFiles.write(plain, in, new OutputFormat(OutputFormat.Container.WAV, OutputFormat.Encoding.PCM16, false));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(plain)));
    }

    @Test
    void ditherTurnsAConstantQuarterLsbIntoTheRightAverage() {
        float quarter = 0.25f / 32768f;
        float[] x = new float[100_000];
        java.util.Arrays.fill(x, quarter);
        Path f = dir.resolve("q.wav");
        AudioFiles.write(f, new AudioBuffer(new float[][] {x}, 48_000), OutputFormat.wav(OutputFormat.Encoding.PCM16));
        double mean = 0;
        for (float v : AudioFiles.read(f).channel(0)) mean += v;
        mean /= x.length;
        // Without dither it would round to exactly 0; TPDF keeps the average.
        assertEquals(quarter, mean, 0.02 / 32768);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 64, 4096})
    void streamingReadGivesTheSameSamplesForAnyBlockSize(int blockFrames) {
        AudioBuffer in = TestSignals.sines(3, 9_999, 44_100, 0.8, 0.1, 6);
        Path f = dir.resolve("s.wav");
        AudioFiles.write(f, in, OutputFormat.wav(OutputFormat.Encoding.PCM24));
        AudioBuffer whole = AudioFiles.read(f);
        AudioBuffer block = AudioBuffer.allocate(3, blockFrames, 44_100);
        List<float[]> got = new ArrayList<>();
        for (int c = 0; c < 3; c++) got.add(new float[whole.frames()]);
        int at = 0;
        try (AudioStreamReader r = AudioFiles.openReader(f)) {
            int n;
            while ((n = r.read(block)) > 0) {
                assertTrue(n <= blockFrames);
                for (int c = 0; c < 3; c++) System.arraycopy(block.channel(c), 0, got.get(c), at, n);
                at += n;
            }
        }
        assertEquals(whole.frames(), at);
        for (int c = 0; c < 3; c++) assertArrayEquals(whole.channel(c), got.get(c));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 64, 4096})
    void streamingWriteGivesByteIdenticalFilesForAnyBlockSize(int blockFrames) throws IOException {
        AudioBuffer in = TestSignals.sines(2, 7_777, 44_100, 0.8, 0.1, 7);
        Path whole = dir.resolve("whole.wav");
        AudioFiles.write(whole, in, OutputFormat.wav(OutputFormat.Encoding.PCM16));
        Path streamed = dir.resolve("streamed.wav");
        try (AudioStreamWriter w = AudioFiles.openWriter(streamed, OutputFormat.wav(OutputFormat.Encoding.PCM16), 44_100, 2)) {
            AudioBuffer block = AudioBuffer.allocate(2, blockFrames, 44_100);
            for (int at = 0; at < in.frames(); at += blockFrames) {
                int n = Math.min(blockFrames, in.frames() - at);
                for (int c = 0; c < 2; c++) System.arraycopy(in.channel(c), at, block.channel(c), 0, n);
                w.write(block.setFrames(n));
            }
            w.commit();
        }
        assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(streamed));
    }

    @Test
    void eightChannelFilesUseTheExtensibleHeaderAndRoundTrip() throws IOException {
        AudioBuffer in = TestSignals.sines(8, 1_001, 96_000, 0.5, 0.0, 8);
        Path f = dir.resolve("8ch.wav");
        AudioFiles.write(f, in, OutputFormat.wav(OutputFormat.Encoding.FLOAT32));
        byte[] bytes = Files.readAllBytes(f);
        assertEquals(0xFE, bytes[20] & 0xff);
        assertEquals(0xFF, bytes[21] & 0xff);
        assertEquals(0.0, maxError(in, AudioFiles.read(f)));
    }

    /**
     * Silence long enough to be left as a hole must give the bytes of writing it: compared with the same audio
     * streamed frame by frame (too short a run to skip), for a part that rests in the middle, at the start and
     * at the end, with -0.0f (integer encodings drop its sign; 32-bit float keeps it) and an odd-length mono tail.
     */
    @ParameterizedTest
    @ValueSource(strings = {"PCM16:2", "PCM24:2", "PCM24:1", "FLOAT32:2"})
    void silenceLeftAsAHoleReadsBackAsTheZerosItWouldHaveWritten(String spec) throws IOException {
        OutputFormat.Encoding enc = OutputFormat.Encoding.valueOf(spec.split(":")[0]);
        OutputFormat format = new OutputFormat(OutputFormat.Container.WAV, enc, false);
        int channels = Integer.parseInt(spec.split(":")[1]);
        AudioBuffer tone = TestSignals.sines(channels, 30_001, 44_100, 0.5, 0.0, 3);
        AudioBuffer in = AudioBuffer.allocate(channels, 100_001, 44_100);
        for (int c = 0; c < channels; c++) {
            System.arraycopy(tone.channel(c), 0, in.channel(c), 20_000, 30_001); // silent start, then tone
            in.channel(c)[60_000] = -0.0f; // inside a silent stretch
            in.channel(c)[70_000] = 0.25f; // one sample between two holes
        }
        Path whole = dir.resolve("whole.wav");
        AudioFiles.write(whole, in, format);
        Path reference = dir.resolve("frame-by-frame.wav");
        try (AudioStreamWriter w = AudioFiles.openWriter(reference, format, 44_100, channels)) {
            AudioBuffer one = AudioBuffer.allocate(channels, 1, 44_100);
            for (int i = 0; i < in.frames(); i++) {
                for (int c = 0; c < channels; c++) one.channel(c)[0] = in.channel(c)[i];
                w.write(one);
            }
            w.commit();
        }
        assertArrayEquals(Files.readAllBytes(reference), Files.readAllBytes(whole));
        AudioBuffer back = AudioFiles.read(whole);
        assertEquals(in.frames(), back.frames());
        assertEquals(0f, back.channel(0)[99_999]);
        assertEquals(0.25f, back.channel(0)[70_000], 1e-4);
        assertEquals(enc == OutputFormat.Encoding.FLOAT32 ? 0x8000_0000 : 0, Float.floatToRawIntBits(back.channel(0)[60_000]));
    }

    @Test
    void oddLengthDataGetsItsPadByteAndStillReadsBack() throws IOException {
        AudioBuffer in = TestSignals.sines(1, 3, 8_000, 0.5, 0.0, 9);
        Path f = dir.resolve("odd.wav");
        AudioFiles.write(f, in, OutputFormat.wav(OutputFormat.Encoding.PCM24));
        assertEquals(44 + 9 + 1, Files.size(f));
        assertEquals(3, AudioFiles.read(f).frames());
    }

    @Test
    void readsUnsigned8BitPcm() throws IOException {
        byte[] data = {(byte) 128, (byte) 255, 0, (byte) 192};
        Path f = Files.write(dir.resolve("u8.wav"), TestSignals.wav(1, 1, 8_000, 8, 1, data, data.length));
        assertArrayEquals(new float[] {0f, 127 / 128f, -1f, 0.5f}, AudioFiles.read(f).channel(0));
    }

    @Test
    void reads32BitIntegerPcmInterleavedStereo() throws IOException {
        byte[] data = TestSignals.le(ByteOrder.LITTLE_ENDIAN, 4, 1L << 30, -(1L << 31), Integer.MAX_VALUE, 0);
        Path f = Files.write(dir.resolve("i32.wav"), TestSignals.wav(1, 2, 44_100, 32, 8, data, data.length));
        AudioBuffer b = AudioFiles.read(f);
        assertArrayEquals(new float[] {0.5f, 1f}, b.channel(0));
        assertArrayEquals(new float[] {-1f, 0f}, b.channel(1));
    }

    @Test
    void reads64BitFloat() throws IOException {
        byte[] data = TestSignals.le(ByteOrder.LITTLE_ENDIAN, 8,
                Double.doubleToLongBits(0.125), Double.doubleToLongBits(-0.75), Double.doubleToLongBits(1.5));
        Path f = Files.write(dir.resolve("f64.wav"), TestSignals.wav(3, 1, 48_000, 64, 8, data, data.length));
        AudioBuffer b = AudioFiles.read(f);
        assertArrayEquals(new float[] {0.125f, -0.75f, 1.5f}, b.channel(0), "over-full-scale floats are kept as they are");
        assertTrue(AudioFiles.probe(f).floatingPoint());
    }

    @Test
    void readsExtensible24BitWithTwentyValidBits() throws IOException {
        byte[] data = TestSignals.le(ByteOrder.LITTLE_ENDIAN, 3, 0x400000, -0x800000, 0x000010, 0x7FFFF0);
        Path f = Files.write(dir.resolve("ext.wav"), TestSignals.wavExtensible(1, 2, 88_200, 24, 20, data));
        AudioBuffer b = AudioFiles.read(f);
        assertArrayEquals(new float[] {0.5f, 16f / 8388608f}, b.channel(0));
        assertArrayEquals(new float[] {-1f, 0x7FFFF0 / 8388608f}, b.channel(1));
        assertEquals(20, AudioFiles.probe(f).bitsPerSample());
    }

    @Test
    void readsRf64WithItsDs64DataSize() throws IOException {
        byte[] data = TestSignals.le(ByteOrder.LITTLE_ENDIAN, 2, 16384, -16384, 8192, 0);
        Path f = Files.write(dir.resolve("big.wav"), TestSignals.rf64(2, 48_000, 16, data));
        AudioBuffer b = AudioFiles.read(f);
        assertArrayEquals(new float[] {0.5f, 0.25f}, b.channel(0));
        assertArrayEquals(new float[] {-0.5f, 0f}, b.channel(1));
        assertEquals("RF64", AudioFiles.probe(f).format());
    }

    @Test
    void skipsUnknownChunksBeforeTheData() throws IOException {
        byte[] data = TestSignals.le(ByteOrder.LITTLE_ENDIAN, 2, 16384);
        byte[] fmt = java.util.Arrays.copyOfRange(TestSignals.wav(1, 1, 8_000, 16, 2, data, 2), 12, 36);
        byte[] file = TestSignals.riff("RIFF", TestSignals.chunk("LIST", new byte[] {1, 2, 3}), fmt,
                TestSignals.chunk("junk", new byte[10]), TestSignals.dataChunk(data, 2));
        Path f = Files.write(dir.resolve("chunks.wav"), file);
        assertArrayEquals(new float[] {0.5f}, AudioFiles.read(f).channel(0));
    }

    @ParameterizedTest
    @ValueSource(ints = {8_000, 11_025, 22_050, 44_100, 48_000, 88_200, 96_000, 176_400, 192_000})
    void everyRateFrom8kTo192kRoundTrips(int rate) {
        AudioBuffer in = TestSignals.sines(2, 1_000, rate, 0.5, 0, rate);
        Path f = dir.resolve("r" + rate + ".wav");
        AudioFiles.write(f, in, OutputFormat.wav(OutputFormat.Encoding.FLOAT32));
        AudioBuffer out = AudioFiles.read(f);
        assertEquals(rate, out.sampleRate());
        assertEquals(0.0, maxError(in, out));
    }

    @Test
    void ratesAndChannelCountsOutsideTheSupportedRangeAreRefusedOnWrite() {
        OutputFormat f = OutputFormat.wav(OutputFormat.Encoding.PCM24);
        AudioFileException low = assertThrows(AudioFileException.class, () -> AudioFiles.openWriter(dir.resolve("a.wav"), f, 7_999, 2));
        assertEquals("a.wav: cannot write at 7999.0 Hz (a whole number from 8000 to 192000)", low.getMessage());
        assertThrows(AudioFileException.class, () -> AudioFiles.openWriter(dir.resolve("b.wav"), f, 384_000, 2));
        assertThrows(AudioFileException.class, () -> AudioFiles.openWriter(dir.resolve("c.wav"), f, 44_100, 9));
        assertThrows(AudioFileException.class, () -> AudioFiles.openWriter(dir.resolve("d.wav"), f, 44_100, 0));
        assertFalse(Files.exists(dir.resolve("a.wav")));
    }

    @Test
    void aClosedReaderNoLongerBlocksWritingThatPath() {
        Path f = dir.resolve("x.wav");
        AudioFiles.write(f, TestSignals.sines(1, 100, 44_100, 0.5, 0, 1), OutputFormat.wav(OutputFormat.Encoding.PCM24));
        AudioBuffer b = AudioFiles.read(f);
        float before = b.channel(0)[10];
        assertNotEquals(0f, before);
        b.applyGain(0.5);
        AudioFiles.write(f, b, OutputFormat.wav(OutputFormat.Encoding.PCM24));
        assertEquals(0.5 * before, AudioFiles.read(f).channel(0)[10], 1.0 / 8388608);
    }
}
