package dev.groundwork.core.audio;

import java.nio.file.Path;
import java.util.Locale;

/** How audio is delivered: container and sample encoding. 16-bit always gets TPDF dither unless turned off. */
public record OutputFormat(Container container, Encoding encoding, boolean dither) {
    public enum Container { WAV, FLAC }

    public enum Encoding {
        PCM16(16), PCM24(24), FLOAT32(32);
        public final int bits;
        Encoding(int bits) { this.bits = bits; }
    }

    public OutputFormat {
        if (container == Container.FLAC && encoding == Encoding.FLOAT32) {
            throw new IllegalArgumentException("FLAC holds integer samples only: choose 16 or 24 bits");
        }
    }

    public static OutputFormat wav(Encoding e) { return new OutputFormat(Container.WAV, e, e == Encoding.PCM16); }

    /** FLAC at 16 (dithered) or 24 bits. */
    public static OutputFormat flac(Encoding e) { return new OutputFormat(Container.FLAC, e, e == Encoding.PCM16); }

    /** Container from the file extension (.wav or .flac); bits "16", "24" or "32f". */
    public static OutputFormat forPath(Path path, String bits) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        Container c;
        if (name.endsWith(".wav")) c = Container.WAV;
        else if (name.endsWith(".flac")) c = Container.FLAC;
        else throw new IllegalArgumentException("output must end in .wav or .flac: " + path.getFileName());
        Encoding e = switch (bits) {
            case "16" -> Encoding.PCM16;
            case "24" -> Encoding.PCM24;
            case "32f", "32" -> Encoding.FLOAT32;
            default -> throw new IllegalArgumentException("bits must be 16, 24 or 32f, not " + bits);
        };
        return new OutputFormat(c, e, e == Encoding.PCM16);
    }
}
