package dev.groundwork.core.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Locale;

/** Streams uncompressed samples (WAV, AIFF) through a fixed-size byte buffer, whatever the block size asked for. */
final class PcmStreamReader implements AudioStreamReader {
    private static final int CHUNK_FRAMES = 16_384;

    private final Path file;
    private final FileBytes in;
    private final PcmLayout layout;
    private final Path registered;
    private final byte[] scratch;
    private long position;
    private boolean closed;

    PcmStreamReader(Path file, FileBytes in, PcmLayout layout, Path registered) {
        this.file = file;
        this.in = in;
        this.layout = layout;
        this.registered = registered;
        this.scratch = new byte[(int) Math.min(CHUNK_FRAMES, Math.max(1, layout.frames())) * layout.frameBytes()];
    }

    @Override
    public AudioFileInfo info() { return layout.info(); }

    @Override
    public int read(AudioBuffer block) {
        if (closed) throw new IllegalStateException("reader is closed");
        AudioStreams.checkBlock(file, block, layout.info().channels());
        int want = block.capacity();
        int done = 0;
        int maxChunk = scratch.length / layout.frameBytes();
        while (done < want && position < layout.frames()) {
            int n = (int) Math.min(Math.min(want - done, maxChunk), layout.frames() - position);
            ByteBuffer b = ByteBuffer.wrap(scratch, 0, n * layout.frameBytes());
            in.readFully(b, layout.dataOffset() + position * layout.frameBytes());
            final long base = position;
            layout.codec().decode(scratch, n, block.data(), done,
                    (f, c, v) -> { throw nonFinite(file, base + f, c, v, layout.info().sampleRate()); });
            done += n;
            position += n;
        }
        block.setFrames(done);
        return done;
    }

    static AudioFileException nonFinite(Path file, long frame, int channel, double v, double rate) {
        return new AudioFileException(file, "sample " + (Double.isNaN(v) ? "NaN" : v > 0 ? "+Inf" : "-Inf")
                + " at frame " + frame + String.format(Locale.ROOT, " (%.3f s)", frame / rate)
                + ", channel " + (channel + 1) + ": the file holds invalid float samples");
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        OpenInputs.release(registered);
        try {
            in.channel.close();
        } catch (IOException ignored) {
            // Closing a read-only channel cannot lose data.
        }
    }
}
