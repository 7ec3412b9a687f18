package dev.groundwork.core.audio;

/** What a file holds, read from its header before any sample is decoded. */
public record AudioFileInfo(String format, double sampleRate, int channels, long frames, int bitsPerSample, boolean floatingPoint) {
    public double durationSeconds() { return frames / sampleRate; }
}
