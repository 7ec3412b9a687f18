package dev.groundwork.core.audio;

import java.util.Arrays;

/**
 * Planar audio: {@code float[channels][frames]} plus the sample rate it travels with.
 * Samples are floats in [-1, 1] nominal full scale; accumulators elsewhere are doubles.
 * The arrays are exposed on purpose: DSP loops work on them directly.
 */
public final class AudioBuffer {
    private final float[][] data;
    private final double sampleRate;
    private int frames;

    public AudioBuffer(float[][] data, double sampleRate) {
        if (data.length < 1) throw new IllegalArgumentException("an audio buffer needs at least one channel");
        if (!(sampleRate > 0)) throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        int n = data[0].length;
        for (float[] ch : data) {
            if (ch.length != n) throw new IllegalArgumentException("all channels must have the same length");
        }
        this.data = data;
        this.sampleRate = sampleRate;
        this.frames = n;
    }

    public static AudioBuffer allocate(int channels, int frames, double sampleRate) {
        if (channels < 1) throw new IllegalArgumentException("channels must be >= 1: " + channels);
        if (frames < 0) throw new IllegalArgumentException("frames must be >= 0: " + frames);
        return new AudioBuffer(new float[channels][frames], sampleRate);
    }

    public int channels() { return data.length; }

    /** Valid frames (may be fewer than the capacity of the arrays, e.g. the last block of a stream). */
    public int frames() { return frames; }

    public int capacity() { return data[0].length; }

    public double sampleRate() { return sampleRate; }

    public float[] channel(int c) { return data[c]; }

    public float[][] data() { return data; }

    public double durationSeconds() { return frames / sampleRate; }

    /** Marks how many frames of the arrays are valid (0..capacity). */
    public AudioBuffer setFrames(int valid) {
        if (valid < 0 || valid > data[0].length) throw new IllegalArgumentException("frames out of range: " + valid);
        this.frames = valid;
        return this;
    }

    public AudioBuffer copy() {
        float[][] c = new float[data.length][];
        for (int i = 0; i < data.length; i++) c[i] = Arrays.copyOf(data[i], frames);
        return new AudioBuffer(c, sampleRate);
    }

    public void clear() {
        for (float[] ch : data) Arrays.fill(ch, 0, frames, 0f);
    }

    public void applyGain(double gain) {
        float g = (float) gain;
        for (float[] ch : data) for (int i = 0; i < frames; i++) ch[i] *= g;
    }
}
