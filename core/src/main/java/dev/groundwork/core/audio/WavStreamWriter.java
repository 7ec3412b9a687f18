package dev.groundwork.core.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Writes WAV (16/24-bit PCM, 32-bit float) through a temporary file; the header sizes are patched on commit.
 * Plain PCM / IEEE-float headers for mono and stereo, WAVE_FORMAT_EXTENSIBLE above two channels.
 * A run of digital silence that encodes to zero bytes (no dither) is not written at all: the file gets a hole
 * there, which reads back as the same zeros, so the bytes are those of writing it, while a stem that rests for
 * a third of the song costs no encoding and no copying into the page cache for that third.
 */
final class WavStreamWriter implements AudioStreamWriter {
    private static final int CHUNK_FRAMES = 8_192;
    /** Silence shorter than this many bytes is written as zeros: a hole smaller than a disk block saves nothing. */
    private static final int MIN_HOLE_BYTES = 8_192;
    private static final long MAX_DATA_BYTES = 0xFFFFFFFFL - 100;
    private static final int[] CHANNEL_MASKS = {0, 0x4, 0x3, 0x7, 0x33, 0x37, 0x3F, 0x70F, 0x63F};

    private final Path target;
    private final OutputFile out;
    private final FileChannel channel;
    private final PcmCodec codec;
    private final TpdfDither dither;
    private final int channels;
    private final int rate;
    private final int headerBytes;
    private final long dataSizeAt;
    private final long factAt;
    private final long frameBytes;
    private final byte[] scratch;
    /** The encoded chunk is handed to the file from a direct buffer: the JDK would otherwise copy it into a temporary one of its own. */
    private final ByteBuffer direct;
    private final boolean holes;
    private final int minHoleFrames;
    private long frames;
    private int pending;

    WavStreamWriter(Path target, OutputFormat format, double sampleRate, int channels) {
        this.target = target;
        this.channels = channels;
        this.rate = (int) Math.round(sampleRate);
        boolean isFloat = format.encoding() == OutputFormat.Encoding.FLOAT32;
        this.codec = isFloat ? new PcmCodec(PcmCodec.Kind.FLOAT, 4, false) : PcmCodec.signed(format.encoding().bits, false);
        this.dither = !isFloat && format.dither() ? new TpdfDither(TpdfDither.DEFAULT_SEED) : null;
        this.frameBytes = (long) channels * codec.bytes;
        this.scratch = new byte[(int) (CHUNK_FRAMES * frameBytes)];
        this.direct = ByteBuffer.allocateDirect(scratch.length);
        this.holes = dither == null && codec.zeroEncodesAsZeroBytes();
        this.minHoleFrames = (int) Math.max(1, MIN_HOLE_BYTES / frameBytes);

        ByteBuffer h = header(isFloat);
        this.headerBytes = h.limit();
        this.dataSizeAt = headerBytes - 4;
        this.factAt = isFloat ? headerBytes - 12 : -1;
        this.out = OutputFile.create(target);
        this.channel = out.channel;
        out.guard(() -> writeFully(h, 0));
    }

    private ByteBuffer header(boolean isFloat) {
        boolean extensible = channels > 2;
        int fmtSize = extensible ? 40 : isFloat ? 18 : 16;
        ByteBuffer h = ByteBuffer.allocate(12 + 8 + fmtSize + (isFloat ? 12 : 0) + 8).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(0)
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        h.put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(fmtSize);
        int tag = isFloat ? WavHeader.IEEE_FLOAT : WavHeader.PCM;
        h.putShort((short) (extensible ? WavHeader.EXTENSIBLE : tag)).putShort((short) channels).putInt(rate)
                .putInt((int) (rate * frameBytes)).putShort((short) frameBytes).putShort((short) (codec.bytes * 8));
        if (extensible) {
            h.putShort((short) 22).putShort((short) (codec.bytes * 8)).putInt(CHANNEL_MASKS[channels]);
            // KSDATAFORMAT_SUBTYPE_PCM / _IEEE_FLOAT: the tag followed by the fixed GUID tail.
            h.putShort((short) tag).put(new byte[] {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00,
                    (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71});
        } else if (isFloat) {
            h.putShort((short) 0);
        }
        if (isFloat) h.put("fact".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(4).putInt(0);
        h.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(0);
        return h.flip();
    }

    @Override
    public void write(AudioBuffer block) {
        writeFrames(block.data(), 0, block.frames(), block.channels());
    }

    void writeFrames(float[][] data, int offset, int count, int blockChannels) {
        out.checkOpen();
        if (blockChannels != channels) {
            throw new IllegalArgumentException(target.getFileName() + ": block has " + blockChannels + " channels, the writer " + channels);
        }
        try {
            int written = 0;
            while (written < count) {
                int run = Math.min(CHUNK_FRAMES, count - written);
                boolean hole = holes && run >= minHoleFrames && codec.encodesToZeros(data, offset + written, run);
                // one place writes to the file (a full chunk, or what precedes a hole), so the I/O is compiled once
                if (pending == CHUNK_FRAMES || hole && pending > 0) flush();
                int n = hole ? run : Math.min(CHUNK_FRAMES - pending, count - written);
                checkSize(n);
                if (!hole) {
                    final long base = frames;
                    codec.encode(data, offset + written, n, scratch, (int) (pending * frameBytes), dither,
                            (f, c, v) -> { throw nonFinite(base + f, c, v); });
                    pending += n;
                }
                frames += n;
                written += n;
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void checkSize(int more) {
        if ((frames + more) * frameBytes > MAX_DATA_BYTES) {
            throw new AudioFileException(target, "a WAV file cannot hold more than 4 GB; write FLAC or split the audio");
        }
    }

    /** Writes the encoded frames collected in the buffer, so tiny blocks do not each cost a system call. */
    private void flush() {
        long at = headerBytes + (frames - pending) * frameBytes;
        direct.clear().put(scratch, 0, (int) (pending * frameBytes)).flip();
        writeFully(direct, at);
        pending = 0;
    }

    private AudioFileException nonFinite(long frame, int c, double v) {
        return new AudioFileException(target, "cannot write: sample " + v + " at frame " + frame + ", channel " + (c + 1)
                + " is not a finite number (a processing bug upstream)");
    }

    private void writeFully(ByteBuffer b, long position) {
        try {
            while (b.hasRemaining()) channel.write(b, position + b.position());
        } catch (IOException e) {
            throw out.cannotWrite(e);
        }
    }

    @Override
    public void commit() {
        out.commit(() -> {
            if (pending > 0) flush();
            long dataBytes = frames * frameBytes;
            long end = headerBytes + dataBytes;
            if ((dataBytes & 1) == 1) {
                writeFully(ByteBuffer.wrap(new byte[1]), end);
                end++;
            } else if (channel.size() < end) {
                writeFully(ByteBuffer.wrap(new byte[1]), end - 1); // the data ends in a hole: the file still spans it
            }
            ByteBuffer four = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            writeFully(four.putInt(0, (int) (end - 8)).rewind(), 4);
            writeFully(four.putInt(0, (int) dataBytes).rewind(), dataSizeAt);
            if (factAt > 0) writeFully(four.putInt(0, (int) frames).rewind(), factAt);
        });
    }

    @Override
    public void close() {
        out.abandon();
    }
}
