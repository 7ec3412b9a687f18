package dev.groundwork.core.dsp;

import dev.groundwork.core.audio.AudioBuffer;

/**
 * Mid/side width for two channels: side scaled by {@code width} (1 = unchanged, 0 = mono), and
 * optionally the side removed below {@code monoBassHz} (a 4th-order high-pass on the side only,
 * so the low end sums to mono while the mid is untouched). Other channel counts pass unchanged.
 */
public final class StereoWidth implements Processor {

    /** width 0..1.5 (more risks mono compatibility); monoBassHz 0 = off, else 40..300 Hz. */
    public record Settings(double width, double monoBassHz) {
        public static final Settings NEUTRAL = new Settings(1.0, 0);

        public Settings {
            if (!(width >= 0 && width <= 1.5)) throw new IllegalArgumentException("stereo width must be in [0, 1.5], not " + width);
            if (!(monoBassHz == 0 || (monoBassHz >= 40 && monoBassHz <= 300))) throw new IllegalArgumentException("mono bass crossover must be 0 (off) or in [40, 300] Hz, not " + monoBassHz);
        }

        public boolean passesThrough() { return width == 1.0 && monoBassHz == 0; }
    }

    private final Settings settings;
    private BiquadCascade sideHighPass;
    private int channels;
    private float[] mid = new float[0], side = new float[0];

    public StereoWidth(Settings settings) {
        this.settings = java.util.Objects.requireNonNull(settings);
    }

    public Settings settings() { return settings; }

    @Override
    public void prepare(ProcessSpec spec) {
        channels = spec.channels();
        mid = new float[spec.maxBlockFrames()];
        side = new float[spec.maxBlockFrames()];
        if (settings.monoBassHz() > 0 && settings.monoBassHz() < spec.sampleRate() / 2) {
            // two Butterworth sections = Linkwitz-Riley slope without the mid-band bump
            Biquad.Coefficients hp = BiquadDesign.highPass(spec.sampleRate(), settings.monoBassHz(), Math.sqrt(0.5));
            sideHighPass = new BiquadCascade(new Biquad.Coefficients[]{hp, hp}, 1);
        } else {
            sideHighPass = null;
        }
    }

    @Override
    public void reset() {
        if (sideHighPass != null) sideHighPass.reset();
    }

    @Override
    public void process(AudioBuffer in, AudioBuffer out) {
        int n = in.frames();
        if (channels != 2 || settings.passesThrough()) {
            if (in != out) for (int c = 0; c < in.channels(); c++) System.arraycopy(in.channel(c), 0, out.channel(c), 0, n);
            out.setFrames(n);
            return;
        }
        if (side.length < n) { mid = new float[n]; side = new float[n]; }
        float[] l = in.channel(0), r = in.channel(1), ol = out.channel(0), or = out.channel(1);
        // the loops are small methods of their own: the JIT compiles each once, not this method once per loop
        MidSide.split(l, r, 0, mid, side, 0, n);
        if (sideHighPass != null) sideHighPass.process(0, side, 0, n);
        MidSide.join(mid, side, (float) settings.width(), ol, or, n);
        out.setFrames(n);
    }
}
