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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Intermediate audio (or per-frame data), written once and read back sequentially as often as needed.
 * It stays in the heap while it fits in {@link #DEFAULT_HEAP_SHARE} of the largest heap (a song in a default
 * heap: no file written and read back); beyond that it moves to a temporary file, so a 20-minute song
 * still masters in a small heap (the operating system's page cache keeps the file in memory when there
 * is room). The share is one budget for every spool of the process: masters running side by side (the
 * studio page, an album) together never hold more than it. The file is deleted on close.
 */
public final class FloatSpool implements AutoCloseable {
    /** Share of the maximum heap the spool may hold before it moves to a file. */
    static final double DEFAULT_HEAP_SHARE = 0.25;
    private static final int BLOCK_BYTES = 1 << 16;
    /** Frames per in-memory chunk: large enough for few arrays, small enough to waste little at the end. */
    static final int CHUNK_FRAMES = 1 << 16;

    /** The heap every spool made with {@link #FloatSpool(int)} draws from together. */
    private static final HeapBudget SHARED = new HeapBudget((long) (Runtime.getRuntime().maxMemory() * DEFAULT_HEAP_SHARE));

    private final int channels;
    private final HeapBudget budget;
    private long reservedBytes;
    private final List<float[][]> chunks = new ArrayList<>();
    private Path file;
    private FileChannel channel;
    private ByteBuffer bytes;
    private FloatBuffer floats;
    private float[] interleaved;
    private long frames;

    public FloatSpool(int channels) {
        this(channels, SHARED);
    }

    /** @param memoryBytes the most this spool keeps in the heap (0: always a file), a budget of its own */
    public FloatSpool(int channels, long memoryBytes) {
        this(channels, new HeapBudget(memoryBytes));
    }

    FloatSpool(int channels, HeapBudget budget) {
        this.channels = channels;
        this.budget = budget;
    }

    public int channels() { return channels; }

    public long frames() { return frames; }

    /** True once the audio lives in a temporary file rather than in the heap. */
    public boolean onDisk() { return channel != null; }

    /** Appends the valid frames of a block. */
    public void append(AudioBuffer block) {
        append(block.data(), block.frames());
    }

    public void append(float[][] data, int n) {
        if (channel == null) {
            long newChunks = (frames + n + CHUNK_FRAMES - 1) / CHUNK_FRAMES - chunks.size();
            long need = newChunks * CHUNK_FRAMES * 4L * channels;
            if (need > 0 && !budget.reserve(need)) moveToFile();
            else reservedBytes += Math.max(0, need);
        }
        if (channel == null) appendToMemory(data, n);
        else appendToFile(data, n);
    }

    private void appendToMemory(float[][] data, int n) {
        int done = 0;
        while (done < n) {
            int at = (int) (frames % CHUNK_FRAMES);
            if (at == 0) chunks.add(new float[channels][CHUNK_FRAMES]);
            float[][] chunk = chunks.get(chunks.size() - 1);
            int m = Math.min(n - done, CHUNK_FRAMES - at);
            for (int c = 0; c < channels; c++) System.arraycopy(data[c], done, chunk[c], at, m);
            done += m;
            frames += m;
        }
    }

    /** Writes what the heap holds to a new temporary file and continues there. */
    private void moveToFile() {
        try {
            file = Files.createTempFile("groundwork-master-", ".spool");
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file for mastering: " + e.getMessage(), e);
        }
        bytes = ByteBuffer.allocateDirect(BLOCK_BYTES).order(ByteOrder.nativeOrder());
        floats = bytes.asFloatBuffer();
        interleaved = new float[BLOCK_BYTES / 4];
        long held = frames;
        frames = 0;
        for (int k = 0; k < chunks.size(); k++) appendToFile(chunks.get(k), (int) Math.min(CHUNK_FRAMES, held - (long) k * CHUNK_FRAMES));
        releaseHeap();
    }

    private void releaseHeap() {
        chunks.clear();
        budget.release(reservedBytes);
        reservedBytes = 0;
    }

    /** Appends interleaved on disk. */
    private void appendToFile(float[][] data, int n) {
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
            if (channel == null) readMemory(block.data(), want);
            else readFile(block.data(), want);
            pos += want;
            block.setFrames(want);
            return want;
        }

        private void readMemory(float[][] d, int want) {
            int done = 0;
            while (done < want) {
                long at = pos + done;
                float[][] chunk = chunks.get((int) (at / CHUNK_FRAMES));
                int from = (int) (at % CHUNK_FRAMES), m = Math.min(want - done, CHUNK_FRAMES - from);
                for (int c = 0; c < channels; c++) System.arraycopy(chunk[c], from, d[c], done, m);
                done += m;
            }
        }

        private void readFile(float[][] d, int want) {
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
        }
    }

    @Override
    public void close() {
        releaseHeap();
        if (channel == null) return;
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temp file left behind is not worth failing a finished master for
        }
    }

    /** Bytes of heap that spools may still take; reserved chunk by chunk, given back when a spool closes or moves to a file. */
    static final class HeapBudget {
        private final AtomicLong left;

        HeapBudget(long bytes) { left = new AtomicLong(Math.max(0, bytes)); }

        boolean reserve(long bytes) {
            for (;;) {
                long l = left.get();
                if (l < bytes) return false;
                if (left.compareAndSet(l, l - bytes)) return true;
            }
        }

        void release(long bytes) { left.addAndGet(bytes); }

        long left() { return left.get(); }
    }
}
