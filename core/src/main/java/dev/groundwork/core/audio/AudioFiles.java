package dev.groundwork.core.audio;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The I/O edge: every format is converted to and from planar float here, once.
 * Reads WAV (PCM 8/16/24/32, float 32/64, extensible, RF64/BW64), AIFF/AIFC, FLAC, MP3, Ogg Vorbis.
 * Writes WAV 16 (TPDF dither) / 24 / 32f and FLAC 16 / 24, through a temporary file moved into place.
 * Files are recognised by their content, not their name; every problem is an {@link AudioFileException}
 * whose message is one line naming the file.
 */
public final class AudioFiles {
    private static volatile Consumer<String> warningSink = w -> System.err.println("warning: " + w);

    private AudioFiles() { }

    /**
     * Where non-fatal problems go (e.g. a truncated data chunk read as far as the file goes).
     * The default prints one line to standard error.
     */
    public static void setWarningSink(Consumer<String> sink) {
        warningSink = Objects.requireNonNull(sink);
    }

    public static AudioFileInfo probe(Path file) {
        try (AudioStreamReader r = openReader(file)) {
            return r.info();
        }
    }

    public static AudioStreamReader openReader(Path file) {
        return openReader(file, warningSink);
    }

    /** Opens a streaming reader; non-fatal problems go to {@code warnings}. */
    public static AudioStreamReader openReader(Path file, Consumer<String> warnings) {
        requireReadableFile(file);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new AudioFileException(file, "cannot open: " + OutputFile.reason(e), e);
        }
        try {
            long size = channel.size();
            if (size == 0) throw new AudioFileException(file, "empty file (0 bytes)");
            FileBytes in = new FileBytes(file, channel, size);
            ContainerSniffer.Kind kind = ContainerSniffer.sniff(in);
            return switch (kind) {
                case WAV -> new PcmStreamReader(file, in, WavHeader.parse(in, warnings), OpenInputs.register(file));
                case AIFF -> new PcmStreamReader(file, in, AiffHeader.parse(in, warnings), OpenInputs.register(file));
                case FLAC -> new FlacStreamReader(file, in, ContainerSniffer.id3End(in), warnings);
                case MP3 -> new Mp3StreamReader(file, in, warnings);
                case OGG -> new OggVorbisStreamReader(file, in, warnings);
            };
        } catch (AudioFileException e) {
            closeQuietly(channel);
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw new AudioFileException(file, "corrupt or unreadable header (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Reads a whole file; refuses sizes the heap cannot hold with a clear message. */
    public static AudioBuffer read(Path file) {
        return read(file, warningSink);
    }

    public static AudioBuffer read(Path file, Consumer<String> warnings) {
        try (AudioStreamReader reader = openReader(file, warnings)) {
            AudioFileInfo info = reader.info();
            long size;
            try {
                size = Files.size(file);
            } catch (IOException e) {
                throw new AudioFileException(file, "cannot read: " + OutputFile.reason(e), e);
            }
            return readAll(file, reader, info, size);
        }
    }

    /**
     * Decodes the rest of a stream into one buffer. The header's length is trusted for the first allocation
     * only as far as the file's size makes it plausible (no codec expands a byte into more than 8 samples),
     * so a compressed file whose header lies cannot make us allocate; beyond that the buffer grows as
     * samples actually arrive.
     */
    static AudioBuffer readAll(Path file, AudioStreamReader reader, AudioFileInfo info, long fileSize) {
        int channels = info.channels();
        long plausible = Math.max(fileSize * 8 / channels, 65_536);
        long expected = Math.min(Math.max(info.frames(), 0), plausible);
        ensureHeapFor(file, expected, channels);
        AudioBuffer buffer = AudioBuffer.allocate(channels, (int) expected, info.sampleRate());
        int got = expected > 0 ? reader.read(buffer) : 0;
        if (got < expected) return trimmed(buffer, got);
        // The header may under-state the length (lossy formats): keep reading until the stream ends.
        AudioBuffer block = AudioBuffer.allocate(channels, 65_536, info.sampleRate());
        float[][] data = buffer.data();
        long total = got;
        int n;
        while ((n = reader.read(block)) > 0) {
            if (total + n > data[0].length) {
                long grown = Math.max(total + n, data[0].length + (data[0].length >> 1) + 65_536);
                ensureHeapFor(file, grown, channels);
                for (int c = 0; c < channels; c++) data[c] = Arrays.copyOf(data[c], (int) grown);
            }
            for (int c = 0; c < channels; c++) System.arraycopy(block.channel(c), 0, data[c], (int) total, n);
            total += n;
        }
        return trimmed(new AudioBuffer(data, info.sampleRate()), (int) total);
    }

    private static AudioBuffer trimmed(AudioBuffer b, int frames) {
        if (frames == b.capacity()) return b;
        float[][] d = new float[b.channels()][];
        for (int c = 0; c < d.length; c++) d[c] = Arrays.copyOf(b.channel(c), frames);
        return new AudioBuffer(d, b.sampleRate());
    }

    static void ensureHeapFor(Path file, long frames, int channels) {
        if (frames > Integer.MAX_VALUE - 16) {
            throw new AudioFileException(file, "too long to hold in memory at once (" + frames
                    + " frames); use a command that streams the file");
        }
        Runtime rt = Runtime.getRuntime();
        long need = frames * channels * 4L;
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (need > free * 0.9) {
            throw new AudioFileException(file, String.format(Locale.ROOT,
                    "decoding it needs about %d MB but only %d MB of Java heap are free; give Java more heap"
                            + " (e.g. JAVA_OPTS=-Xmx4g) or use a command that streams the file",
                    need >> 20, free >> 20));
        }
    }

    /** Whether a file can be written at this rate: a whole number of Hz from 8000 to 192000 (what groundwork reads back). */
    public static boolean isWritableRate(double sampleRate) {
        return sampleRate >= AudioLimits.MIN_RATE && sampleRate <= AudioLimits.MAX_RATE && sampleRate == Math.rint(sampleRate);
    }

    public static AudioStreamWriter openWriter(Path file, OutputFormat format, double sampleRate, int channels) {
        Objects.requireNonNull(format, "format");
        if (channels < AudioLimits.MIN_CHANNELS || channels > AudioLimits.MAX_CHANNELS) {
            throw new AudioFileException(file, "cannot write " + channels + " channels (groundwork writes 1 to 8)");
        }
        if (!isWritableRate(sampleRate)) {
            throw new AudioFileException(file, "cannot write at " + sampleRate + " Hz (a whole number from 8000 to 192000)");
        }
        return switch (format.container()) {
            case WAV -> new WavStreamWriter(file, format, sampleRate, channels);
            case FLAC -> new FlacStreamWriter(file, format, sampleRate, channels);
        };
    }

    public static void write(Path file, AudioBuffer audio, OutputFormat format) {
        try (AudioStreamWriter w = openWriter(file, format, audio.sampleRate(), audio.channels())) {
            w.write(audio);
            w.commit();
        }
    }

    /** Refuses an output that is the same file as an input (compared by real path, so links and ".." count). */
    public static void requireDistinct(Path input, Path output) {
        if (Files.exists(output) && OpenInputs.realPath(input).equals(OpenInputs.realPath(output))) {
            throw new AudioFileException(output, "refusing to overwrite the input file; choose another output name");
        }
    }

    private static void requireReadableFile(Path file) {
        if (Files.isDirectory(file)) throw new AudioFileException(file, "is a directory, not an audio file");
        if (!Files.exists(file)) throw new AudioFileException(file, "no such file");
        if (!Files.isRegularFile(file)) throw new AudioFileException(file, "not a regular file");
        if (!Files.isReadable(file)) throw new AudioFileException(file, "cannot read: permission denied");
    }

    private static void closeQuietly(FileChannel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // Already failing with a clearer message.
        }
    }
}
