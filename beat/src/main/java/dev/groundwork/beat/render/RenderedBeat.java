package dev.groundwork.beat.render;

import dev.groundwork.core.audio.AudioBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A rendered beat: each part's dry audio with its balance. Stems are made on demand (so a
 * three-minute beat holds one mono buffer per part, not a stereo one), and the unmastered mix is
 * exactly the sum of the stems, sample for sample. Stems are streamed to their files in blocks while the
 * mix is summed ({@link #mix(Function)}), so writing them never holds a whole stereo stem in memory.
 *
 * @param trim  common gain applied to every stem so the mix peaks at {@link #MIX_PEAK_DBFS}
 * @param rests which blocks of each part are rests (null: scanned here); {@link #withTrim} passes them on
 */
public record RenderedBeat(List<PartAudio> parts, int frames, double sampleRate, double trim, Rests rests) {
    public static final double MIX_PEAK_DBFS = -6.0;
    /** Frames per block when stems or the mix are made piecewise: a block of every part and of the mix stays in cache. */
    static final int BLOCK = 1 << 13;

    public RenderedBeat {
        if (rests == null) rests = Rests.of(parts, frames);
        if (rests.blocks.length != parts.size()) throw new IllegalArgumentException("rests for " + rests.blocks.length + " parts, not " + parts.size());
    }

    /** A beat whose rests are found by scanning each part once. */
    public RenderedBeat(List<PartAudio> parts, int frames, double sampleRate, double trim) {
        this(parts, frames, sampleRate, trim, null);
    }

    /**
     * Equal when the parts, length, rate and trim are: the rests are found from the parts (a cache of a scan), so two
     * beats made of the same parts are equal whether their rests were scanned once and shared or scanned twice.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof RenderedBeat b && parts.equals(b.parts) && frames == b.frames
                && Double.compare(sampleRate, b.sampleRate) == 0 && Double.compare(trim, b.trim) == 0;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(parts, frames, sampleRate, trim);
    }

    /** The same parts at another trim: the rests (which do not depend on gain) are not scanned again. */
    public RenderedBeat withTrim(double t) {
        return new RenderedBeat(parts, frames, sampleRate, t, rests);
    }

    /**
     * Which {@link #BLOCK}-frame blocks of each part are digital silence (a rest), found in one scan of each part:
     * the peak pass and the mix pass both skip them, and a part's samples are not read twice to find them.
     */
    public static final class Rests {
        private final boolean[][] blocks;   // [part][block]

        private Rests(boolean[][] blocks) { this.blocks = blocks; }

        static Rests of(List<PartAudio> parts, int frames) {
            int count = (frames + BLOCK - 1) / BLOCK;
            boolean[][] b = new boolean[parts.size()][count];
            for (int k = 0; k < parts.size(); k++) {
                for (int i = 0; i < count; i++) b[k][i] = resting(parts.get(k), i * BLOCK, Math.min(BLOCK, frames - i * BLOCK));
            }
            return new Rests(b);
        }

        /** Whether part {@code part} rests in the block that starts at frame {@code from} (a multiple of {@link #BLOCK}). */
        boolean at(int part, int from) { return blocks[part][from / BLOCK]; }
    }

    public List<String> partNames() { return parts.stream().map(PartAudio::name).toList(); }

    public AudioBuffer stem(String name) {
        PartAudio p = part(name);
        float[][] out = new float[2][frames];
        float[][] block = new float[2][BLOCK], sum = new float[2][BLOCK];
        for (int from = 0; from < frames; from += BLOCK) {
            int n = Math.min(BLOCK, frames - from);
            stemBlock(p, block, trim, from, n, sum, 0);
            for (int c = 0; c < 2; c++) System.arraycopy(block[c], 0, out[c], from, n);
        }
        return new AudioBuffer(out, sampleRate);
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
     * (opened part by part, in order, then fed a block of every part in turn): writing the stems and summing the
     * mix read every part once, and no whole stereo stem is held in memory. The mix is summed block by block
     * in part order, so its floats are those of summing whole stems. Every sink is closed, finished or not.
     */
    public AudioBuffer mix(Function<String, StemSink> open) {
        float[][] out = new float[2][frames];
        List<StemSink> sinks = new ArrayList<>(parts.size());
        try {
            for (PartAudio p : parts) sinks.add(open.apply(p.name()));
            float[][] block = new float[2][Math.min(BLOCK, Math.max(1, frames))];
            AudioBuffer view = new AudioBuffer(block, sampleRate);
            for (int from = 0; from < frames; from += BLOCK) {
                int n = Math.min(BLOCK, frames - from);
                view.setFrames(n);
                for (int k = 0; k < parts.size(); k++) {
                    PartAudio p = parts.get(k);
                    if (rests.at(k, from)) {
                        // a rest adds nothing to the mix; its stem block is silence (which a WAV stem stores as a hole)
                        java.util.Arrays.fill(block[0], 0, n, 0f);
                        java.util.Arrays.fill(block[1], 0, n, 0f);
                    } else {
                        stemBlock(p, block, trim, from, n, out, from);
                    }
                    sinks.get(k).block(view);
                }
            }
            for (StemSink sink : sinks) sink.finish();
        } finally {
            closeAll(sinks);
        }
        return new AudioBuffer(out, sampleRate);
    }

    private static void closeAll(List<StemSink> sinks) {
        RuntimeException failed = null;
        for (StemSink sink : sinks) {
            try {
                sink.close();
            } catch (RuntimeException e) {
                if (failed == null) failed = e; else failed.addSuppressed(e);
            }
        }
        if (failed != null) throw failed;
    }

    /**
     * Peak magnitude of the mix, made block by block (no whole-length buffer) with the loop that later makes the
     * stems and the mix (same floats), so one summing loop is compiled, and it is compiled before the stems are.
     */
    double mixPeak() {
        float[][] block = new float[2][BLOCK], sum = new float[2][BLOCK];
        double peak = 0;
        for (int from = 0; from < frames; from += BLOCK) {
            int n = Math.min(BLOCK, frames - from);
            java.util.Arrays.fill(sum[0], 0, n, 0f);
            java.util.Arrays.fill(sum[1], 0, n, 0f);
            for (int k = 0; k < parts.size(); k++) if (!rests.at(k, from)) stemBlock(parts.get(k), block, trim, from, n, sum, 0);
            for (float[] ch : sum) peak = peak(ch, n, peak);
        }
        return peak;
    }

    /**
     * Whether part {@code p} is digital silence (every sample +-0) in frames [from, from + n): a rest, where its
     * stem is silent and the mix gets nothing from it (adding a zero changes no sample's value).
     */
    static boolean resting(PartAudio p, int from, int n) {
        for (float[] x : p.samples()) {
            for (int i = from, end = from + n; i < end; i++) if (x[i] != 0f) return false;
        }
        return true;
    }

    /** The larger of {@code peak} and the peak magnitude of x[0, n) (its own method: mixPeak runs once and stays cold). */
    private static double peak(float[] x, int n, double peak) {
        for (int i = 0; i < n; i++) peak = Math.max(peak, Math.abs(x[i]));
        return peak;
    }

    private PartAudio part(String name) {
        return parts.stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no part " + name));
    }

    /** The left and right gains of a part's stem: constant-power pan for a mono part, balance for a stereo one, times gain and trim. */
    private static float[] panGains(PartAudio p, double trim) {
        double g = p.gain() * trim;
        if (p.channels() == 1) {
            double theta = (p.pan() + 1) * Math.PI / 4;
            return new float[] {(float) (g * Math.cos(theta) * Math.sqrt(2)), (float) (g * Math.sin(theta) * Math.sqrt(2))};
        }
        return new float[] {(float) (g * Math.min(1, 1 - p.pan())), (float) (g * Math.min(1, 1 + p.pan()))};
    }

    /**
     * Part {@code p}'s stem for frames [from, from + n): written to block[.][0, n) and added into
     * mix[.][mixAt, mixAt + n). Constant-power pan for a mono part, balance for a stereo one.
     */
    static void stemBlock(PartAudio p, float[][] block, double trim, int from, int n, float[][] mix, int mixAt) {
        float[] lr = panGains(p, trim);
        float l = lr[0], r = lr[1];
        float[] b0 = block[0], b1 = block[1], m0 = mix[0], m1 = mix[1];
        if (p.channels() == 1) {
            float[] m = p.samples()[0];
            for (int i = 0; i < n; i++) {
                float v = m[from + i];
                float a = v * l, c = v * r;
                b0[i] = a;
                b1[i] = c;
                m0[mixAt + i] += a;
                m1[mixAt + i] += c;
            }
        } else {
            float[] s0 = p.samples()[0], s1 = p.samples()[1];
            for (int i = 0; i < n; i++) {
                float a = s0[from + i] * l, c = s1[from + i] * r;
                b0[i] = a;
                b1[i] = c;
                m0[mixAt + i] += a;
                m1[mixAt + i] += c;
            }
        }
    }
}
