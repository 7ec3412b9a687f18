package dev.groundwork.core.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Ogg files larger than one read chunk, and packets spread over many pages. The fixture (see make-fixtures.sh) is
 * 3 s of stereo 48 kHz, 0.1 s silence then sines at 0.5 (left 1000 Hz, right 1500 Hz): 31.5 KB in 9 pages, so
 * pages straddle the reader's 16 KB refills, which is where real 48 kHz music files lost page sync.
 */
class OggPagingTest {
    private static final String FIXTURE = "sine-stereo-48k-3s.ogg";
    private static final int RATE = 48_000;
    private static final int FRAMES = 3 * RATE;
    private static final int ONSET = RATE / 10;

    @TempDir Path dir;

    @Test
    void aFileOfSeveralReadChunksDecodesToTheEndWithTheExactLength() throws IOException {
        Path f = TestSignals.fixture(FIXTURE);
        assertTrue(Files.size(f) > 16 * 1024, "the fixture must span more than one read chunk");
        List<String> warnings = new ArrayList<>();
        AudioBuffer b = AudioFiles.read(f, warnings::add);
        assertEquals(List.of(), warnings);
        assertEquals(2, b.channels());
        assertEquals(RATE, b.sampleRate());
        assertEquals(FRAMES, b.frames());
        for (int c = 0; c < 2; c++) {
            double freq = c == 0 ? 1000 : 1500;
            assertEquals(0, TestSignals.bestLag(Arrays.copyOf(b.channel(c), 4 * ONSET), ONSET, freq, RATE, 1_300), "channel " + c);
            // The last second lies well past the first 16 KB: it must still be the sine, not garbage or silence.
            double rms = rmsErrorFromSine(b.channel(c), FRAMES - RATE, FRAMES - 2_000, freq);
            assertTrue(rms < 0.03, "channel " + c + " rms error in the last second " + rms);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 4096, 20_000})
    void streamingTheMultiChunkFileGivesTheSameSamplesForAnyBlockSize(int blockFrames) {
        Path f = TestSignals.fixture(FIXTURE);
        AudioBuffer whole = AudioFiles.read(f);
        float[][] got = new float[2][whole.frames()];
        int at = 0;
        try (AudioStreamReader r = AudioFiles.openReader(f)) {
            AudioBuffer block = AudioBuffer.allocate(2, blockFrames, RATE);
            int n;
            while ((n = r.read(block)) > 0) {
                for (int c = 0; c < 2; c++) System.arraycopy(block.channel(c), 0, got[c], at, n);
                at += n;
            }
        }
        assertEquals(whole.frames(), at);
        for (int c = 0; c < 2; c++) assertArrayEquals(whole.channel(c), got[c], "channel " + c);
    }

    @Test
    void packetsSplitAcrossManySmallPagesDecodeToTheSameSamples() throws IOException {
        byte[] original = Files.readAllBytes(TestSignals.fixture(FIXTURE));
        byte[] repaged = repaginate(original, 3);
        assertTrue(pageCount(repaged) > 40, "pages " + pageCount(repaged));
        Path f = Files.write(dir.resolve("small-pages.ogg"), repaged);
        AudioBuffer want = AudioFiles.read(TestSignals.fixture(FIXTURE));
        AudioBuffer got = AudioFiles.read(f);
        assertEquals(want.frames(), got.frames());
        for (int c = 0; c < 2; c++) assertArrayEquals(want.channel(c), got.channel(c), "channel " + c);
    }

    @Test
    void readFullyFillsABufferThatStartsMidArrayFromTheGivenFileOffset() throws IOException {
        byte[] content = new byte[1000];
        for (int i = 0; i < content.length; i++) content[i] = (byte) (i * 7 + 3);
        Path f = Files.write(dir.resolve("bytes.bin"), content);
        byte[] array = new byte[300];
        try (FileChannel ch = FileChannel.open(f)) {
            new FileBytes(f, ch, content.length).readFully(ByteBuffer.wrap(array, 100, 200), 500);
        }
        assertArrayEquals(new byte[100], Arrays.copyOf(array, 100), "bytes before the buffer's position are untouched");
        assertArrayEquals(Arrays.copyOfRange(content, 500, 700), Arrays.copyOfRange(array, 100, 300));
    }

    private static double rmsErrorFromSine(float[] x, int from, int to, double freq) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            double d = x[i] - 0.5 * Math.sin(2 * Math.PI * freq * (i - ONSET) / RATE);
            sum += d * d;
        }
        return Math.sqrt(sum / (to - from));
    }

    private static int pageCount(byte[] ogg) {
        int n = 0;
        for (int p = 0; p < ogg.length; p += pageLength(ogg, p)) n++;
        return n;
    }

    private static int pageLength(byte[] ogg, int p) {
        int segments = ogg[p + 26] & 0xff;
        int body = 0;
        for (int i = 0; i < segments; i++) body += ogg[p + 27 + i] & 0xff;
        return 27 + segments + body;
    }

    /**
     * Rewrites a single-stream Ogg file with at most {@code maxSegments} lacing values per page, so long packets
     * continue over several pages. The three Vorbis headers keep their own pages (the first alone, as the spec
     * requires) with granule 0; an audio page's granule is the original one where its last finished packet ended an original page, else -1.
     */
    static byte[] repaginate(byte[] ogg, int maxSegments) {
        List<byte[]> packets = new ArrayList<>();
        List<Long> granules = new ArrayList<>();
        ByteArrayOutputStream partial = new ByteArrayOutputStream();
        int serial = 0;
        for (int p = 0; p < ogg.length; p += pageLength(ogg, p)) {
            ByteBuffer h = ByteBuffer.wrap(ogg, p, 27).order(ByteOrder.LITTLE_ENDIAN);
            long granule = h.getLong(p + 6);
            serial = h.getInt(p + 14);
            int segments = ogg[p + 26] & 0xff;
            int body = p + 27 + segments;
            int lastEnd = -1;
            for (int i = 0; i < segments; i++) {
                int lace = ogg[p + 27 + i] & 0xff;
                partial.write(ogg, body, lace);
                body += lace;
                if (lace < 255) {
                    packets.add(partial.toByteArray());
                    granules.add(-1L);
                    partial.reset();
                    lastEnd = packets.size() - 1;
                }
            }
            if (lastEnd >= 0) granules.set(lastEnd, granule);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PageWriter w = new PageWriter(out, serial, maxSegments);
        for (int i = 0; i < packets.size(); i++) {
            w.add(packets.get(i), i <= 2 ? 0 : granules.get(i));
            if (i <= 2) w.flush(false);  // each header on its own page(s); audio starts on a fresh page
        }
        w.flush(true);
        return out.toByteArray();
    }

    /** Lays packets into pages of at most maxSegments lacing values, with continuation flags and real CRCs. */
    private static final class PageWriter {
        private final ByteArrayOutputStream out;
        private final int serial;
        private final int maxSegments;
        private final ByteArrayOutputStream lacing = new ByteArrayOutputStream();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private int sequence;
        private long granule = -1;
        private boolean continued;
        private boolean nextContinued;

        PageWriter(ByteArrayOutputStream out, int serial, int maxSegments) {
            this.out = out;
            this.serial = serial;
            this.maxSegments = maxSegments;
        }

        void add(byte[] packet, long packetGranule) {
            int at = 0;
            while (true) {
                int lace = Math.min(255, packet.length - at);
                if (lacing.size() == maxSegments) {
                    nextContinued = at > 0;  // the next page begins inside this packet
                    emit(false);
                }
                lacing.write(lace);
                body.write(packet, at, lace);
                at += lace;
                if (lace < 255) break;
            }
            granule = packetGranule;  // this page now finishes this packet
        }

        void flush(boolean last) {
            if (lacing.size() > 0) emit(last);
        }

        private void emit(boolean last) {
            byte[] l = lacing.toByteArray();
            byte[] b = body.toByteArray();
            int type = (continued ? 1 : 0) | (sequence == 0 ? 2 : 0) | (last ? 4 : 0);
            ByteBuffer p = ByteBuffer.allocate(27 + l.length + b.length).order(ByteOrder.LITTLE_ENDIAN);
            p.put("OggS".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put((byte) type).putLong(granule)
                    .putInt(serial).putInt(sequence++).putInt(0).put((byte) l.length).put(l).put(b);
            byte[] page = p.array();
            ByteBuffer.wrap(page).order(ByteOrder.LITTLE_ENDIAN).putInt(22, OggCrc.of(page));
            out.writeBytes(page);
            lacing.reset();
            body.reset();
            granule = -1;
            continued = nextContinued;
            nextContinued = false;
        }
    }
}
