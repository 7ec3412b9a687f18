package dev.groundwork.beat.render;

import dev.groundwork.core.audio.AudioBuffer;

import java.util.List;

/**
 * A rendered beat: each part's dry audio with its balance. Stems are made on demand (so a
 * three-minute beat holds one mono buffer per part, not a stereo one), and the unmastered mix is
 * exactly the sum of the stems, sample for sample.
 *
 * @param trim common gain applied to every stem so the mix peaks at {@link #MIX_PEAK_DBFS}
 */
public record RenderedBeat(List<PartAudio> parts, int frames, double sampleRate, double trim) {
    public static final double MIX_PEAK_DBFS = -6.0;

    public List<String> partNames() { return parts.stream().map(PartAudio::name).toList(); }

    public AudioBuffer stem(String name) {
        PartAudio p = parts.stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no part " + name));
        float[][] out = new float[2][frames];
        addStem(p, out, trim);
        return new AudioBuffer(out, sampleRate);
    }

    /** The sum of all stems (what the stems add up to, before mastering). */
    public AudioBuffer mix() {
        float[][] out = new float[2][frames];
        float[][] tmp = new float[2][frames];
        for (PartAudio p : parts) {
            java.util.Arrays.fill(tmp[0], 0f);
            java.util.Arrays.fill(tmp[1], 0f);
            addStem(p, tmp, trim);
            for (int c = 0; c < 2; c++) {
                float[] o = out[c], t = tmp[c];
                for (int i = 0; i < frames; i++) o[i] += t[i];
            }
        }
        return new AudioBuffer(out, sampleRate);
    }

    /** Constant-power pan for mono parts, balance for stereo ones. */
    static void addStem(PartAudio p, float[][] out, double trim) {
        double theta = (p.pan() + 1) * Math.PI / 4;
        double g = p.gain() * trim;
        if (p.channels() == 1) {
            float l = (float) (g * Math.cos(theta) * Math.sqrt(2)), r = (float) (g * Math.sin(theta) * Math.sqrt(2));
            float[] m = p.samples()[0];
            for (int i = 0; i < out[0].length; i++) {
                out[0][i] += m[i] * l;
                out[1][i] += m[i] * r;
            }
        } else {
            float l = (float) (g * Math.min(1, 1 - p.pan())), r = (float) (g * Math.min(1, 1 + p.pan()));
            for (int i = 0; i < out[0].length; i++) {
                out[0][i] += p.samples()[0][i] * l;
                out[1][i] += p.samples()[1][i] * r;
            }
        }
    }
}
