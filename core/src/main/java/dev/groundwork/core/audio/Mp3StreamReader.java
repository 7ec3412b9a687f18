package dev.groundwork.core.audio;

import javazoom.spi.mpeg.sampled.convert.MpegFormatConversionProvider;
import javazoom.spi.mpeg.sampled.file.MpegAudioFileReader;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * MP3 through mp3spi/JLayer, with the gapless trim the LAME/Xing header describes: the decoder gets only the
 * audio frames (no ID3/APE tags, no Info frame); the encoder delay plus the decoder's 529 samples are dropped
 * at the start and the padding at the end. Without a LAME header the raw decoder output is returned and the
 * length is an estimate.
 */
final class Mp3StreamReader extends ChunkedStreamReader {
    private static final int SYNC_SEARCH = 64 * 1024;

    private final AudioFileInfo info;
    private final AudioInputStream pcm;
    private final int channels;
    private final long exactFrames;
    private final byte[] scratch;
    private int scratchFrames, scratchAt;
    private long toSkip;
    private long delivered;
    private boolean ended;
    private boolean warnedShort;
    private final Consumer<String> warn;

    Mp3StreamReader(Path file, FileBytes in, Consumer<String> warn) {
        super(file, in);
        this.warn = warn;
        long start = ContainerSniffer.id3End(in);
        int window = (int) Math.min(SYNC_SEARCH, in.size - start);
        if (window < 4) throw new AudioFileException(file, "no MPEG audio frames found (truncated or not an MP3)");
        ByteBuffer b = in.read(start, window, ByteOrder.BIG_ENDIAN, "MP3 frames");
        byte[] head = new byte[window];
        b.get(head);
        int at = firstFrame(head);
        if (at < 0) throw new AudioFileException(file, "no MPEG audio frames found (corrupt or not an MP3)");
        Mp3FrameHeader first = Mp3FrameHeader.parse(head, at);
        AudioLimits.checkChannels(file, first.channels());
        AudioLimits.checkRate(file, first.sampleRate());
        byte[] firstFrame = java.util.Arrays.copyOfRange(head, at, Math.min(head.length, at + first.frameBytes()));
        LameTag tag = LameTag.parse(firstFrame, first);
        int spf = first.samplesPerFrame();
        long frames;
        long skip = 0;
        // The decoder is handed the audio frames only: no ID3 tag, no Info frame (decoders disagree on whether
        // it yields a frame of silence, so it is not given to them at all).
        long audioStart = start + at + (tag != null ? first.frameBytes() : 0);
        if (tag != null && tag.hasLameExtension()) skip += tag.encoderDelay() + LameTag.DECODER_DELAY;
        if (tag != null && tag.frames() > 0 && tag.hasLameExtension()) {
            frames = Math.max(0, tag.frames() * spf - tag.encoderDelay() - tag.padding());
            exactFrames = frames;
        } else {
            long audioBytes = in.size - start - at;
            frames = tag != null && tag.frames() > 0 ? tag.frames() * spf : audioBytes / Math.max(1, first.frameBytes()) * spf;
            exactFrames = -1;
        }
        this.toSkip = skip;
        this.channels = first.channels();
        this.info = new AudioFileInfo("MP3", first.sampleRate(), channels, frames, 0, false);
        try {
            in.channel.position(audioStart);
            long audioEnd = audioEnd(in);
            InputStream stream = new BufferedInputStream(
                    new BoundedInputStream(Channels.newInputStream(in.channel), Math.max(0, audioEnd - audioStart)), 1 << 16);
            AudioInputStream mpeg = new MpegAudioFileReader().getAudioInputStream(stream);
            AudioFormat target = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, first.sampleRate(), 16, channels,
                    channels * 2, first.sampleRate(), false);
            this.pcm = new MpegFormatConversionProvider().getAudioInputStream(target, mpeg);
        } catch (UnsupportedAudioFileException | IOException | RuntimeException e) {
            throw new AudioFileException(file, "corrupt MP3: the decoder cannot open it (" + e.getClass().getSimpleName() + ")", e);
        }
        this.scratch = new byte[4096 * channels * 2];
        this.registered = OpenInputs.register(file);
    }

    /**
     * Where the frames end: before a trailing ID3v1 tag and/or APEv2 tag, which JLayer would otherwise take for a
     * damaged last frame and drop it.
     */
    private static long audioEnd(FileBytes in) {
        long end = in.size;
        if (end >= 128) {
            ByteBuffer t = in.read(end - 128, 3, ByteOrder.BIG_ENDIAN, "ID3v1 tag");
            if (t.get(0) == 'T' && t.get(1) == 'A' && t.get(2) == 'G') end -= 128;
        }
        if (end >= 32) {
            ByteBuffer a = in.read(end - 32, 32, ByteOrder.LITTLE_ENDIAN, "APE tag");
            byte[] id = new byte[8];
            a.get(0, id);
            if (new String(id, java.nio.charset.StandardCharsets.ISO_8859_1).equals("APETAGEX")) {
                long size = a.getInt(12) & 0xffffffffL;           // footer + items
                boolean hasHeader = (a.getInt(20) & 0x80000000) != 0;
                long total = size + (hasHeader ? 32 : 0);
                if (total <= end) end -= total;
            }
        }
        return end;
    }

    /** The first offset holding two consecutive Layer III frame headers (one alone may be a false sync). */
    private static int firstFrame(byte[] b) {
        for (int p = 0; p + 4 <= b.length; p++) {
            Mp3FrameHeader h = Mp3FrameHeader.parse(b, p);
            if (h == null) continue;
            int next = p + h.frameBytes();
            if (next + 4 > b.length || Mp3FrameHeader.parse(b, next) != null) return p;
        }
        return -1;
    }

    @Override
    public AudioFileInfo info() { return info; }

    @Override
    protected int limit(int capacity) { return exactFrames >= 0 ? (int) Math.min(capacity, exactFrames - delivered) : capacity; }

    @Override
    protected int available() { return scratchFrames - scratchAt; }

    /** Decodes the next run of frames into scratch, dropping the encoder and decoder delay at the start. */
    @Override
    protected boolean decodeNext() {
        int frameBytes = channels * 2;
        while (!ended) {
            int n = readFrames(scratch.length - scratch.length % frameBytes);
            if (n < 0) {
                ended = true;
                break;
            }
            int skipped = (int) Math.min(toSkip, n);
            toSkip -= skipped;
            scratchAt = skipped;
            scratchFrames = n;
            if (scratchAt < scratchFrames) return true;
        }
        return false;
    }

    @Override
    protected void copy(float[][] out, int at, int n) {
        for (int f = 0; f < n; f++) {
            for (int c = 0; c < channels; c++) {
                int p = ((scratchAt + f) * channels + c) * 2;
                out[c][at + f] = (short) ((scratch[p + 1] << 8) | (scratch[p] & 0xff)) / 32768f;
            }
        }
        scratchAt += n;
        delivered += n;
    }

    @Override
    protected void endOfStream(int done) {
        if (exactFrames > delivered && !warnedShort) {
            warnedShort = true;
            warn.accept(file.getFileName() + ": the LAME header says " + exactFrames + " frames but only " + delivered
                    + " could be decoded (the file looks truncated)");
        }
    }

    /** Reads whole frames into scratch (at most maxBytes); -1 at the end of the stream. */
    private int readFrames(int maxBytes) {
        int frameBytes = channels * 2;
        int got = 0;
        try {
            while (got < frameBytes || got % frameBytes != 0) {
                int n = pcm.read(scratch, got, maxBytes - got);
                if (n < 0) break;
                got += n;
                if (got == maxBytes) break;
            }
        } catch (IOException | RuntimeException e) {
            throw new AudioFileException(file, "corrupt MP3 data near " + String.format(Locale.ROOT, "%.3f s", delivered / info.sampleRate())
                    + " (" + e.getClass().getSimpleName() + ")", e);
        }
        int frames = got / frameBytes;
        return frames == 0 ? -1 : frames;
    }

    @Override
    protected void closeDecoder() throws IOException { pcm.close(); }

    /** Stops after {@code limit} bytes. */
    private static final class BoundedInputStream extends java.io.FilterInputStream {
        private long left;

        BoundedInputStream(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) return -1;
            int b = super.read();
            if (b >= 0) left--;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) return -1;
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) left -= n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(Math.min(n, left));
            left -= s;
            return s;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), left);
        }

        @Override
        public boolean markSupported() { return false; }
    }
}
