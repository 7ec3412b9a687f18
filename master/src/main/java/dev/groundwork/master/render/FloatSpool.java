package dev.groundwork.master.render;

import dev.groundwork.core.audio.AudioBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Intermediate audio (or per-frame data) kept in a temporary file instead of the heap, so a
 * 20-minute song masters in a small heap: written once, read back sequentially as often as needed.
 * The operating system's page cache keeps it in memory when there is room. Deleted on close.
 */
public final class FloatSpool implements AutoCloseable {
    private static final int BLOCK_BYTES = 1 << 16;
    private final Path file;
    private final FileChannel channel;
    private final int channels;
    private final ByteBuffer bytes = ByteBuffer.allocateDirect(BLOCK_BYTES).order(ByteOrder.nativeOrder());
    private final FloatBuffer floats = bytes.asFloatBuffer();
    private final float[] interleaved = new float[BLOCK_BYTES / 4];
    private long frames;

    public FloatSpool(int channels) {
        this.channels = channels;
        try {
            file = Files.createTempFile("groundwork-master-", ".spool");
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file for mastering: " + e.getMessage(), e);
        }
    }

    public int channels() { return channels; }

    public long frames() { return frames; }

    /** Appends the valid frames of a block (interleaved on disk). */
    public void append(AudioBuffer block) {
        append(block.data(), block.frames());
    }

    public void append(float[][] data, int n) {
        int perBlock = BLOCK_BYTES / 4 / channels;
        try {
            for (int pos = 0; pos < n; pos += perBlock) {
                int m = Math.min(perBlock, n - pos);
                floats.clear();
                for (int c = 0; c < channels; c++) {
                    float[] src = data[c];
                    for (int i = 0, j = c; i < m; i++, j += channels) interleaved[j] = src[pos + i];
                }
                floats.put(interleaved, 0, m * channels);
                bytes.clear().limit(m * channels * 4);
                while (bytes.hasRemaining()) channel.write(bytes, (frames + pos) * channels * 4L + bytes.position());
            }
            frames += n;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write mastering temporary file (disk full?): " + e.getMessage(), e);
        }
    }

    /** A sequential reader from the first frame; several readers may exist one after another. */
    public Reader reader() { return new Reader(); }

    public final class Reader {
        private long pos;

        /** Fills {@code block} up to its capacity; returns frames read, 0 at the end. */
        public int read(AudioBuffer block) {
            int want = (int) Math.min(block.capacity(), frames - pos);
            float[][] d = block.data();
            int perBlock = BLOCK_BYTES / 4 / channels, done = 0;
            try {
                while (done < want) {
                    int m = Math.min(perBlock, want - done);
                    bytes.clear().limit(m * channels * 4);
                    long at = (pos + done) * channels * 4L;
                    while (bytes.hasRemaining()) {
                        if (channel.read(bytes, at + bytes.position()) < 0) throw new IOException("temporary file ended early");
                    }
                    floats.clear();
                    floats.get(interleaved, 0, m * channels);
                    for (int c = 0; c < channels; c++) {
                        float[] dst = d[c];
                        for (int i = 0, j = c; i < m; i++, j += channels) dst[done + i] = interleaved[j];
                    }
                    done += m;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read mastering temporary file: " + e.getMessage(), e);
            }
            pos += want;
            block.setFrames(want);
            return want;
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temp file left behind is not worth failing a finished master for
        }
    }
}
