package dev.groundwork.core.audio;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Locale;

/** Streams uncompressed samples (WAV, AIFF) through a fixed-size byte buffer, whatever the block size asked for. */
final class PcmStreamReader extends ChunkedStreamReader {
    private static final int CHUNK_FRAMES = 16_384;

    private final PcmLayout layout;
    private final byte[] scratch;
    private long bufferStart;
    private int buffered;
    private int bufferedAt;

    PcmStreamReader(Path file, FileBytes in, PcmLayout layout, Path registered) {
        super(file, in);
        this.layout = layout;
        this.registered = registered;
        this.scratch = new byte[(int) Math.min(CHUNK_FRAMES, Math.max(1, layout.frames())) * layout.frameBytes()];
    }

    @Override
    public AudioFileInfo info() { return layout.info(); }

    @Override
    protected int available() { return buffered - bufferedAt; }

    @Override
    protected boolean decodeNext() { return refill(); }

    @Override
    protected void copy(float[][] out, int at, int n) {
        final long base = bufferStart + bufferedAt;
        layout.codec().decode(scratch, bufferedAt * layout.frameBytes(), n, out, at,
                (f, c, v) -> { throw nonFinite(file, base + f, c, v, layout.info().sampleRate()); });
        bufferedAt += n;
    }

    /** Reads the next chunk of the file into the buffer, so tiny blocks do not each cost a system call. */
    private boolean refill() {
        long start = bufferStart + buffered;
        int n = (int) Math.min(scratch.length / layout.frameBytes(), layout.frames() - start);
        if (n <= 0) return false;
        in.readFully(ByteBuffer.wrap(scratch, 0, n * layout.frameBytes()), layout.dataOffset() + start * layout.frameBytes());
        bufferStart = start;
        buffered = n;
        bufferedAt = 0;
        return true;
    }

    static AudioFileException nonFinite(Path file, long frame, int channel, double v, double rate) {
        String value = Double.isNaN(v) ? "NaN" : Double.isInfinite(v) ? (v > 0 ? "+Inf" : "-Inf")
                : String.format(Locale.ROOT, "%.3g (%+.0f dBFS)", v, 20 * Math.log10(Math.abs(v)));
        return new AudioFileException(file, "sample " + value + " at frame " + frame + String.format(Locale.ROOT, " (%.3f s)", frame / rate)
                + ", channel " + (channel + 1) + ": the file holds invalid float samples"
                + (Double.isFinite(v) ? " (no audio is louder than +120 dBFS)" : ""));
    }
}
