package dev.groundwork.core.audio;

import java.nio.file.Path;

/** What groundwork accepts from a file header; anything outside is refused before any allocation. */
final class AudioLimits {
    static final int MIN_CHANNELS = 1;
    static final int MAX_CHANNELS = 8;
    static final int MIN_RATE = 8_000;
    static final int MAX_RATE = 192_000;

    private AudioLimits() { }

    static void checkChannels(Path file, long channels) {
        if (channels < MIN_CHANNELS || channels > MAX_CHANNELS) {
            throw new AudioFileException(file, "unsupported channel count " + channels
                    + " (groundwork reads 1 to 8 channels); the header may be corrupt");
        }
    }

    static void checkRate(Path file, double rate) {
        if (!(rate >= MIN_RATE && rate <= MAX_RATE)) {
            throw new AudioFileException(file, "unsupported sample rate " + formatRate(rate)
                    + " Hz (groundwork reads 8000 to 192000 Hz); the header may be corrupt");
        }
    }

    private static String formatRate(double rate) {
        return rate == Math.rint(rate) && Math.abs(rate) < 1e15 ? Long.toString((long) rate) : Double.toString(rate);
    }
}
