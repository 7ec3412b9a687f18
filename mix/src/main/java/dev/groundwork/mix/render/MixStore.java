package dev.groundwork.mix.render;

import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.audio.AudioFiles;
import dev.groundwork.core.audio.AudioStreamReader;
import dev.groundwork.core.audio.AudioStreamWriter;
import dev.groundwork.core.audio.OutputFormat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Holds the rendered stereo mix between the render pass and the final write (where the peak ceiling is
 * applied): in memory when it takes less than a fifth of the free heap, otherwise in a hidden 32-bit float
 * file beside the output, deleted on close. Only the two-channel mix is ever held, never the stems.
 */
abstract class MixStore implements AutoCloseable {
    abstract void write(AudioBuffer block);

    abstract void rewind();

    /** Fills the block from the current position; returns frames read, 0 at the end. */
    abstract int read(AudioBuffer block);

    @Override
    public abstract void close();

    static MixStore create(Path spill, long frames, double rate) {
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        long need = frames * 2 * 4;
        if (frames < Integer.MAX_VALUE && need < free / 5) return new Memory((int) frames, rate);
        return new Spill(spill, rate);
    }

    private static final class Memory extends MixStore {
        private final float[][] data;
        private int writePos, readPos;

        Memory(int frames, double rate) { data = new float[2][frames]; }

        @Override
        void write(AudioBuffer b) {
            int n = Math.min(b.frames(), data[0].length - writePos);
            for (int c = 0; c < 2; c++) System.arraycopy(b.channel(c), 0, data[c], writePos, n);
            writePos += n;
        }

        @Override
        void rewind() { readPos = 0; }

        @Override
        int read(AudioBuffer b) {
            int n = Math.min(b.capacity(), writePos - readPos);
            for (int c = 0; c < 2; c++) System.arraycopy(data[c], readPos, b.channel(c), 0, n);
            readPos += n;
            b.setFrames(n);
            return n;
        }

        @Override
        public void close() { }
    }

    private static final class Spill extends MixStore {
        private final Path file;
        private AudioStreamWriter writer;
        private AudioStreamReader reader;

        Spill(Path file, double rate) {
            this.file = file;
            this.writer = AudioFiles.openWriter(file, OutputFormat.wav(OutputFormat.Encoding.FLOAT32), rate, 2);
        }

        @Override
        void write(AudioBuffer b) { writer.write(b); }

        @Override
        void rewind() {
            writer.commit();
            writer.close();
            writer = null;
            reader = AudioFiles.openReader(file);
        }

        @Override
        int read(AudioBuffer b) { return reader.read(b); }

        @Override
        public void close() {
            if (writer != null) writer.close();
            if (reader != null) reader.close();
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A hidden leftover is harmless; the real output is in place or absent.
            }
        }
    }
}
