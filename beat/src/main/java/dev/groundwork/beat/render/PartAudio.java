package dev.groundwork.beat.render;

/** One part rendered dry: mono or stereo samples plus the linear gain and pan its stem gets. */
public record PartAudio(String name, float[][] samples, double gain, double pan) {
    public int channels() { return samples.length; }
}
