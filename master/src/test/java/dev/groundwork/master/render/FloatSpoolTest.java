package dev.groundwork.master.render;

import dev.groundwork.core.audio.AudioBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class FloatSpoolTest {
    /** 200 000 stereo frames written in blocks of 4 096 and read back in blocks of 3 000. */
    static final int FRAMES = 200_000;

    /** Spools sharing one budget (masters side by side) never hold more than it together, and give it back on close. */
    @Test
    void spoolsSharingABudgetTakeTurnsWithTheHeap() {
        FloatSpool.HeapBudget budget = new FloatSpool.HeapBudget(3 * CHUNK_BYTES);
        float[][] x = noise();
        FloatSpool first = new FloatSpool(2, budget);
        first.append(x, 2 * FloatSpool.CHUNK_FRAMES);
        assertFalse(first.onDisk());
        assertEquals(CHUNK_BYTES, budget.left());
        try (FloatSpool second = new FloatSpool(2, budget)) {
            second.append(x, 2 * FloatSpool.CHUNK_FRAMES); // needs two chunks, one is left: to a file
            assertTrue(second.onDisk());
            assertEquals(CHUNK_BYTES, budget.left(), "a spool on disk holds no heap");
        }
        first.close();
        assertEquals(3 * CHUNK_BYTES, budget.left(), "closing gives the heap back");
        try (FloatSpool third = new FloatSpool(2, budget)) {
            third.append(x, 2 * FloatSpool.CHUNK_FRAMES);
            assertFalse(third.onDisk());
        }
    }

    static float[][] noise() {
        Random r = new Random(7);
        float[][] x = new float[2][FRAMES];
        for (float[] ch : x) for (int i = 0; i < FRAMES; i++) ch[i] = (float) r.nextGaussian();
        return x;
    }

    /** Bytes of one stereo chunk: the heap is taken a chunk at a time. */
    static final long CHUNK_BYTES = 8L * FloatSpool.CHUNK_FRAMES;

    /**
     * 0 bytes: a file from the start; two and a half chunks: the heap holds the first two chunks (131 072 frames), then
     * everything moves to a file; 1 << 30: all in the heap. Every way gives back exactly what went in, twice over.
     */
    @ParameterizedTest
    @ValueSource(longs = {0, 5 * CHUNK_BYTES / 2, 1L << 30})
    void readsBackExactlyWhatWasWrittenWhereverItIsKept(long memoryBytes) {
        float[][] x = noise();
        try (FloatSpool spool = new FloatSpool(2, memoryBytes)) {
            AudioBuffer block = AudioBuffer.allocate(2, 4096, 44100);
            for (int pos = 0; pos < FRAMES; pos += 4096) {
                int n = Math.min(4096, FRAMES - pos);
                for (int c = 0; c < 2; c++) System.arraycopy(x[c], pos, block.channel(c), 0, n);
                block.setFrames(n);
                spool.append(block);
            }
            assertEquals(FRAMES, spool.frames());
            long chunksNeeded = (FRAMES + FloatSpool.CHUNK_FRAMES - 1) / FloatSpool.CHUNK_FRAMES;
            assertEquals(memoryBytes < chunksNeeded * CHUNK_BYTES, spool.onDisk());
            for (int pass = 0; pass < 2; pass++) {
                FloatSpool.Reader r = spool.reader();
                AudioBuffer out = AudioBuffer.allocate(2, 3000, 44100);
                int pos = 0, n;
                while ((n = r.read(out)) > 0) {
                    for (int c = 0; c < 2; c++) {
                        for (int i = 0; i < n; i++) assertEquals(x[c][pos + i], out.channel(c)[i], "frame " + (pos + i));
                    }
                    pos += n;
                }
                assertEquals(FRAMES, pos);
            }
        }
    }
}
