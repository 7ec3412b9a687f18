package dev.groundwork.core.dsp;

/** What a processor is prepared for: rate, the largest block it will see, and channel count. */
public record ProcessSpec(double sampleRate, int maxBlockFrames, int channels) {
    public ProcessSpec {
        if (!(sampleRate >= 1000 && sampleRate <= 768_000)) throw new IllegalArgumentException("sample rate out of range: " + sampleRate);
        if (maxBlockFrames < 1) throw new IllegalArgumentException("maxBlockFrames must be >= 1");
        if (channels < 1 || channels > 64) throw new IllegalArgumentException("channels out of range: " + channels);
    }
}
