package dev.groundwork.beat.render;

import dev.groundwork.core.audio.AudioBuffer;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A rendered beat: each part's dry audio with its balance. Stems are made on demand (so a
 * three-minute beat holds one mono buffer per part, not a stereo one), and the unmastered mix is
 * exactly the sum of the stems, sample for sample. Stems can also be streamed in blocks
 * ({@link #stemBlocks}), so writing them never holds a whole stereo stem in memory.
 *
 * @param trim common gain applied to every stem so the mix peaks at {@link #MIX_PEAK_DBFS}
 */
public record RenderedBeat(List<PartAudio> parts, int frames, double sampleRate, double trim) {
    public static final double MIX_PEAK_DBFS = -6.0;
    /** Frames per block when stems or the mix's peak are made piecewise. */
    static final int BLOCK = 1 << 15;

    public List<String> partNames() { return parts.stream().map(PartAudio::name).toList(); }

    public AudioBuffer stem(String name) {
        float[][] out = new float[2][frames];
        addStem(part(name), out, trim, 0, frames);
        return new AudioBuffer(out, sampleRate);
    }

    /** The stem in consecutive stereo blocks (the same samples as {@link #stem}); the block is reused between calls. */
    public void stemBlocks(String name, Consumer<AudioBuffer> sink) {
        stemBlocks(part(name), sink);
    }

    private void stemBlocks(PartAudio p, Consumer<AudioBuffer> sink) {
        float[][] block = new float[2][BLOCK];
        for (int from = 0; from < frames; from += BLOCK) {
            int n = Math.min(BLOCK, frames - from);
            float[][] b = n == BLOCK ? block : new float[2][n];
            java.util.Arrays.fill(b[0], 0f);
            java.util.Arrays.fill(b[1], 0f);
            addStem(p, b, trim, from, n);
            sink.accept(new AudioBuffer(b, sampleRate));
        }
    }

    /** Where {@link #mix(Function)} streams one stem: its blocks in order, then {@link #finish()}; always closed. */
    public interface StemSink extends AutoCloseable {
        void block(AudioBuffer block);

        /** Every block was given (a file is committed here). */
        void finish();

        @Override
        void close();
    }

    private static final StemSink NO_SINK = new StemSink() {
        @Override public void block(AudioBuffer block) { }
        @Override public void finish() { }
        @Override public void close() { }
    };

    /** The sum of all stems (what the stems add up to, before mastering). */
    public AudioBuffer mix() {
        return mix(part -> NO_SINK);
    }

    /**
     * The sum of all stems, made while each stem is streamed block by block to the sink {@code open} gives for it
     * (part by part, in order): writing the stems and summing the mix read every part once, and no whole stereo
     * stem is held in memory. Adding each stem block into the sum gives the same floats as summing whole stems.
     */
    public AudioBuffer mix(Function<String, StemSink> open) {
        float[][] out = new float[2][frames];
        for (PartAudio p : parts) {
            try (StemSink sink = open.apply(p.name())) {
                int[] at = {0};
                stemBlocks(p, block -> {
                    sink.block(block);
                    for (int c = 0; c < 2; c++) {
                        float[] src = block.channel(c), dst = out[c];
                        for (int k = 0, n = block.frames(); k < n; k++) dst[at[0] + k] += src[k];
                    }
                    at[0] += block.frames();
                });
                sink.finish();
            }
        }
        return new AudioBuffer(out, sampleRate);
    }

    /** Peak magnitude of the mix, made block by block (no whole-length buffer). */
    double mixPeak() {
        float[][] b = new float[2][BLOCK];
        double peak = 0;
        for (int from = 0; from < frames; from += BLOCK) {
            int n = Math.min(BLOCK, frames - from);
            java.util.Arrays.fill(b[0], 0f);
            java.util.Arrays.fill(b[1], 0f);
            for (PartAudio p : parts) addStem(p, b, trim, from, n);
            for (float[] ch : b) for (int i = 0; i < n; i++) peak = Math.max(peak, Math.abs(ch[i]));
        }
        return peak;
    }

    private PartAudio part(String name) {
        return parts.stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no part " + name));
    }

    /** Constant-power pan for mono parts, balance for stereo ones: adds frames [from, from + n) into out[.][0, n). */
    static void addStem(PartAudio p, float[][] out, double trim, int from, int n) {
        double theta = (p.pan() + 1) * Math.PI / 4;
        double g = p.gain() * trim;
        float[] o0 = out[0], o1 = out[1];
        if (p.channels() == 1) {
            float l = (float) (g * Math.cos(theta) * Math.sqrt(2)), r = (float) (g * Math.sin(theta) * Math.sqrt(2));
            float[] m = p.samples()[0];
            for (int i = 0; i < n; i++) {
                float v = m[from + i];
                o0[i] += v * l;
                o1[i] += v * r;
            }
        } else {
            float l = (float) (g * Math.min(1, 1 - p.pan())), r = (float) (g * Math.min(1, 1 + p.pan()));
            float[] s0 = p.samples()[0], s1 = p.samples()[1];
            for (int i = 0; i < n; i++) {
                o0[i] += s0[from + i] * l;
                o1[i] += s1[from + i] * r;
            }
        }
    }
}
