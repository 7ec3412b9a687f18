package dev.groundwork.core.audio;

import org.jflac.FLACDecoder;
import org.jflac.ChannelData;
import org.jflac.FrameListener;
import org.jflac.frame.Frame;
import org.jflac.metadata.Metadata;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * FLAC through jflac. The metadata blocks are walked here, each length checked against the file, and only
 * STREAMINFO is handed to jflac, so a hostile tag or picture block can never make it allocate.
 */
final class FlacStreamReader extends ChunkedStreamReader {
    private final AudioFileInfo info;
    private final FLACDecoder decoder;
    private final Consumer<String> warn;
    private final float scale;
    private int[][] pending = new int[0][];
    private int pendingAt;
    private int pendingFrames;
    private long decoded;
    private boolean ended;

    FlacStreamReader(Path file, FileBytes in, long flacStart, Consumer<String> warn) {
        super(file, in);
        this.warn = warn;
        long pos = flacStart + 4;
        ByteBuffer streamInfo = null;
        boolean last = false;
        while (!last) {
            ByteBuffer h = in.read(pos, 4, ByteOrder.BIG_ENDIAN, "FLAC metadata block header");
            int b0 = h.get(0) & 0xff;
            last = (b0 & 0x80) != 0;
            int type = b0 & 0x7f;
            int length = ((h.get(1) & 0xff) << 16) | ((h.get(2) & 0xff) << 8) | (h.get(3) & 0xff);
            if (type == 127) throw new AudioFileException(file, "corrupt FLAC header: invalid metadata block type");
            if (pos + 4 + length > in.size) {
                throw new AudioFileException(file, "truncated or corrupt FLAC header: a metadata block runs past the end of the file");
            }
            if (type == 0) {
                if (length != 34) throw new AudioFileException(file, "corrupt FLAC header: STREAMINFO of " + length + " bytes");
                streamInfo = in.read(pos + 4, 34, ByteOrder.BIG_ENDIAN, "STREAMINFO");
            } else if (streamInfo == null) {
                throw new AudioFileException(file, "corrupt FLAC header: STREAMINFO is not the first block");
            }
            pos += 4 + length;
        }
        if (streamInfo == null) throw new AudioFileException(file, "corrupt FLAC header: no STREAMINFO");
        long bits64 = streamInfo.getLong(10);
        int rate = (int) (bits64 >>> 44);
        int channels = (int) ((bits64 >>> 41) & 7) + 1;
        int bps = (int) ((bits64 >>> 36) & 31) + 1;
        long total = bits64 & 0xFFFFFFFFFL;
        int maxBlock = streamInfo.getShort(2) & 0xffff;
        AudioLimits.checkChannels(file, channels);
        AudioLimits.checkRate(file, rate);
        if (bps < 8 || bps > 24) throw new AudioFileException(file, "unsupported FLAC sample size of " + bps + " bits (8 to 24 are read)");
        if (maxBlock < 16) throw new AudioFileException(file, "corrupt FLAC header: maximum block size " + maxBlock);
        this.info = new AudioFileInfo("FLAC", rate, channels, total, bps, false);
        this.scale = 1f / (1 << (bps - 1));

        // jflac sees a minimal stream: the signature, STREAMINFO marked as the last block, then the frames.
        byte[] head = new byte[4 + 4 + 34];
        head[0] = 'f'; head[1] = 'L'; head[2] = 'a'; head[3] = 'C';
        head[4] = (byte) 0x80; head[7] = 34;
        streamInfo.rewind().get(head, 8, 34);
        try {
            in.channel.position(pos);
            InputStream frames = new BufferedInputStream(Channels.newInputStream(in.channel), 1 << 16);
            this.decoder = new FLACDecoder(new SequenceInputStream(new ByteArrayInputStream(head), frames));
            decoder.readMetadata();
            decoder.addFrameListener(new FrameListener() {
                @Override public void processMetadata(Metadata metadata) { }
                @Override public void processFrame(Frame frame) { }
                // jflac retries a bad frame in a loop of its own (forever, if STREAMINFO is damaged): stop it here.
                @Override public void processError(String msg) { throw new DecoderError(msg); }
            });
        } catch (IOException e) {
            throw new AudioFileException(file, "corrupt FLAC header: " + e.getMessage(), e);
        }
        this.registered = OpenInputs.register(file);
    }

    @Override
    public AudioFileInfo info() { return info; }

    @Override
    protected int available() { return pendingFrames - pendingAt; }

    @Override
    protected boolean decodeNext() { return nextFrame(); }

    @Override
    protected void copy(float[][] out, int at, int n) {
        for (int c = 0; c < out.length; c++) {
            int[] src = pending[c];
            float[] dst = out[c];
            for (int i = 0; i < n; i++) dst[at + i] = src[pendingAt + i] * scale;
        }
        pendingAt += n;
    }

    private boolean nextFrame() {
        if (ended) return false;
        Frame frame;
        try {
            frame = decoder.readNextFrame();
        } catch (DecoderError e) {
            // A bad frame at the very end is a truncated file (read what is there); anywhere else it is damage.
            if (!atEnd()) {
                throw new AudioFileException(file, "corrupt FLAC frame near " + time(decoded) + " (bad CRC or header); the file is damaged");
            }
            frame = null;
        } catch (IOException | RuntimeException e) {
            throw new AudioFileException(file, "corrupt FLAC frame near " + time(decoded) + " (" + e.getClass().getSimpleName() + ")", e);
        }
        if (frame == null) {
            ended = true;
            if (info.frames() > 0 && decoded < info.frames()) {
                warn.accept(file.getFileName() + ": STREAMINFO claims " + info.frames() + " frames but the file holds only "
                        + decoded + "; reading the frames present (the file looks truncated)");
            }
            return false;
        }
        if (frame.header.channels != info.channels() || frame.header.bitsPerSample != info.bitsPerSample()) {
            throw new AudioFileException(file, "corrupt FLAC frame near " + time(decoded) + ": its format differs from STREAMINFO");
        }
        ChannelData[] data = decoder.getChannelData();
        if (pending.length != info.channels()) pending = new int[info.channels()][];
        for (int c = 0; c < info.channels(); c++) pending[c] = data[c].getOutput();
        pendingAt = 0;
        pendingFrames = frame.header.blockSize;
        decoded += pendingFrames;
        return true;
    }

    /** After a bad frame: true if nothing decodable follows it. */
    private boolean atEnd() {
        try {
            return decoder.readNextFrame() == null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Raised from jflac's error callback to leave its internal retry loop. */
    private static final class DecoderError extends RuntimeException {
        DecoderError(String message) {
            super(message, null, false, false);
        }
    }

    private String time(long frame) {
        return String.format(Locale.ROOT, "frame %d (%.3f s)", frame, frame / info.sampleRate());
    }
}
