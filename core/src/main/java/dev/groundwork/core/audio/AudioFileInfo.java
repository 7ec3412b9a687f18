package dev.groundwork.core.audio;

/**
 * What a file holds, read from its header before any sample is decoded.
 * {@code format} is "WAV", "RF64", "BW64", "AIFF", "AIFC", "FLAC", "MP3" or "Ogg Vorbis"; {@code bitsPerSample}
 * is the stored (valid) bit depth, 0 for lossy formats; {@code frames} is exact except for an MP3 without a
 * LAME/Xing header, where it is estimated from the bit rate.
 */
public record AudioFileInfo(String format, double sampleRate, int channels, long frames, int bitsPerSample, boolean floatingPoint) {
    public double durationSeconds() { return frames / sampleRate; }
}
