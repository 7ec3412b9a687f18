package dev.groundwork.core.audio;

import net.sourceforge.javaflacencoder.EncodingConfiguration;
import net.sourceforge.javaflacencoder.FLACEncoder;
import net.sourceforge.javaflacencoder.FLACOutputStream;
import net.sourceforge.javaflacencoder.StreamConfiguration;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** FLAC 16/24-bit through java-flac-encoder, one fixed block size, single-threaded so output is reproducible. */
final class FlacStreamWriter implements AudioStreamWriter {
    private static final int BLOCK = 4096;

    private final Path target;
    private final OutputFile out;
    private final FileChannel channel;
    private final FLACEncoder encoder;
    private final int channels;
    private final int bits;
    private final TpdfDither dither;
    private int[] block;
    private int blockFrames;
    private long frames;

    FlacStreamWriter(Path target, OutputFormat format, double sampleRate, int channels) {
        this.target = target;
        this.channels = channels;
        this.bits = format.encoding().bits;
        this.dither = format.dither() ? new TpdfDither(TpdfDither.DEFAULT_SEED) : null;
        this.block = new int[BLOCK * channels];
        this.out = OutputFile.create(target);
        this.channel = out.channel;
        this.encoder = new FLACEncoder();
        out.guard(() -> {
            StreamConfiguration sc = new StreamConfiguration(channels, BLOCK, BLOCK, (int) Math.round(sampleRate), bits);
            if (!encoder.setStreamConfiguration(sc)) {
                throw new AudioFileException(target, "the FLAC encoder refused " + channels + " channels at " + sampleRate + " Hz, " + bits + " bits");
            }
            EncodingConfiguration ec = new EncodingConfiguration();
            ec.setMaxLPCOrder(8);  // flac -5's order: nearly all of order 12's compression at a fraction of the search
            encoder.setEncodingConfiguration(ec);
            encoder.setOutputStream(new ChannelOutput());
            encoder.openFLACStream();
        });
    }

    @Override
    public void write(AudioBuffer audio) {
        out.checkOpen();
        if (audio.channels() != channels) {
            throw new IllegalArgumentException(target.getFileName() + ": block has " + audio.channels() + " channels, the writer " + channels);
        }
        try {
            float[][] src = audio.data();
            for (int i = 0; i < audio.frames(); i++) {
                for (int c = 0; c < channels; c++) {
                    float x = src[c][i];
                    if (!Float.isFinite(x)) {
                        throw new AudioFileException(target, "cannot write: sample " + x + " at frame " + (frames + i) + ", channel "
                                + (c + 1) + " is not a finite number (a processing bug upstream)");
                    }
                    block[blockFrames * channels + c] = PcmCodec.quantize(x, bits, dither);
                }
                if (++blockFrames == BLOCK) flush(false);
            }
            frames += audio.frames();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Hands the pending frames to the encoder and encodes them at once, so it never holds a reference to a reused array. */
    private void flush(boolean end) {
        try {
            if (blockFrames > 0) {
                encoder.addSamples(block, blockFrames);
                encoder.encodeSamples(blockFrames, end);
            } else if (end) {
                encoder.encodeSamples(0, true);
            }
        } catch (IOException e) {
            throw out.cannotWrite(e);
        }
        block = new int[BLOCK * channels];
        blockFrames = 0;
    }

    @Override
    public void commit() {
        out.commit(() -> flush(true));
    }

    @Override
    public void close() {
        out.abandon();
    }

    /** The encoder seeks back to patch STREAMINFO, so it writes straight to the temporary file's channel. */
    private final class ChannelOutput implements FLACOutputStream {
        private long pos;

        @Override
        public long seek(long position) {
            pos = position;
            return pos;
        }

        @Override
        public int write(byte[] data, int offset, int count) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(data, offset, count);
            while (b.hasRemaining()) pos += channel.write(b, pos);
            return count;
        }

        @Override
        public long size() {
            try {
                return channel.size();
            } catch (IOException e) {
                return pos;
            }
        }

        @Override
        public void write(byte data) throws IOException {
            write(new byte[] {data}, 0, 1);
        }

        @Override
        public boolean canSeek() { return true; }

        @Override
        public long getPos() { return pos; }
    }
}
