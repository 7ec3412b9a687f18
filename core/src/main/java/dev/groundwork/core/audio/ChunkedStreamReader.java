package dev.groundwork.core.audio;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The block loop every decoder shares: copy what the last decoded chunk still holds into the caller's block,
 * decode the next chunk when it is used up, stop at the end of the stream (or at a frame count the format
 * states), and on close give the file back to {@link OpenInputs} once. Subclasses say how a chunk is decoded,
 * how many of its frames are left and how they are copied.
 */
abstract class ChunkedStreamReader implements AudioStreamReader {
    protected final Path file;
    protected final FileBytes in;
    /** Set by the subclass once its headers are read (so a bad header never leaves a registration behind). */
    protected Path registered;
    private boolean closed;

    ChunkedStreamReader(Path file, FileBytes in) {
        this.file = file;
        this.in = in;
    }

    /** Frames of the current chunk not yet delivered (0 when a new chunk is needed). */
    protected abstract int available();

    /** Decodes the next chunk; false at the end of the stream. */
    protected abstract boolean decodeNext();

    /** Copies {@code n} frames of the current chunk into {@code dst} at {@code at} and consumes them. */
    protected abstract void copy(float[][] dst, int at, int n);

    /** At most this many of {@code capacity} frames may still be delivered (a stated length ends the stream early). */
    protected int limit(int capacity) { return capacity; }

    /** Called once per read that met the end of the stream, with the frames that read delivered. */
    protected void endOfStream(int delivered) { }

    /** Releases what the decoder holds beyond the file channel. */
    protected void closeDecoder() throws IOException { }

    @Override
    public final int read(AudioBuffer block) {
        if (closed) throw new IllegalStateException("reader is closed");
        AudioStreams.checkBlock(file, block, info().channels());
        int want = limit(block.capacity());
        int done = 0;
        float[][] out = block.data();
        while (done < want) {
            int n = available();
            if (n == 0) {
                if (decodeNext()) continue;
                endOfStream(done);
                break;
            }
            n = Math.min(n, want - done);
            copy(out, done, n);
            done += n;
        }
        block.setFrames(done);
        return done;
    }

    @Override
    public final void close() {
        if (closed) return;
        closed = true;
        if (registered != null) OpenInputs.release(registered);
        try {
            closeDecoder();
            in.channel.close();
        } catch (IOException ignored) {
            // Read-only: closing cannot lose data.
        }
    }
}
