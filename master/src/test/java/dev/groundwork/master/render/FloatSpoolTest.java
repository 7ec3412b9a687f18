package dev.groundwork.master.render;

import dev.groundwork.core.audio.AudioBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class FloatSpoolTest {
    /** 200 000 stereo frames written in blocks of 4 096 and read back in blocks of 3 000. */
    static final int FRAMES = 200_000;

    static float[][] noise() {
        Random r = new Random(7);
        float[][] x = new float[2][FRAMES];
        for (float[] ch : x) for (int i = 0; i < FRAMES; i++) ch[i] = (float) r.nextGaussian();
        return x;
    }

    /**
     * 0 bytes: a file from the start; 400 000 bytes: the heap holds the first 50 000 frames, then everything moves
     * to a file; 1 << 30: all in the heap. Every way gives back exactly what went in, twice over.
     */
    @ParameterizedTest
    @ValueSource(longs = {0, 400_000, 1L << 30})
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
            assertEquals(memoryBytes < 8L * FRAMES, spool.onDisk());
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
