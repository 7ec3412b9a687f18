package dev.groundwork.core.dsp;

import dev.groundwork.core.audio.AudioBuffer;

/**
 * DC and subsonic removal: a Butterworth high-pass of order 2 or 4 (cascaded sections).
 * Any high-pass removes DC; the cutoff decides how much rumble below the music goes with it.
 */
public final class SubsonicFilter implements Processor {

    /** cutoff 5..60 Hz; order 2 (12 dB/oct) or 4 (24 dB/oct). */
    public record Settings(double cutoffHz, int order) {
        public static final Settings DEFAULT = new Settings(20, 4);

        public Settings {
            if (!(cutoffHz >= 5 && cutoffHz <= 60)) throw new IllegalArgumentException("high-pass cutoff must be in [5, 60] Hz, not " + cutoffHz);
            if (order != 2 && order != 4) throw new IllegalArgumentException("high-pass order must be 2 or 4, not " + order);
        }
    }

    private final Settings settings;
    private BiquadCascade cascade = new BiquadCascade(new Biquad.Coefficients[0], 1);

    public SubsonicFilter(Settings settings) {
        this.settings = java.util.Objects.requireNonNull(settings);
    }

    public Settings settings() { return settings; }

    @Override
    public void prepare(ProcessSpec spec) {
        double fs = spec.sampleRate();
        Biquad.Coefficients[] c = settings.order() == 2
                ? new Biquad.Coefficients[]{BiquadDesign.highPass(fs, settings.cutoffHz(), Math.sqrt(0.5))}
                // 4th-order Butterworth = sections with Q 0.5412 and 1.3066
                : new Biquad.Coefficients[]{BiquadDesign.highPass(fs, settings.cutoffHz(), 0.5411961), BiquadDesign.highPass(fs, settings.cutoffHz(), 1.3065630)};
        cascade = new BiquadCascade(c, spec.channels());
    }

    @Override
    public void reset() {
        cascade.reset();
    }

    @Override
    public void process(AudioBuffer in, AudioBuffer out) {
        int n = in.frames();
        if (in != out) for (int c = 0; c < in.channels(); c++) System.arraycopy(in.channel(c), 0, out.channel(c), 0, n);
        if (in.channels() == 2) {
            cascade.processStereo(out.channel(0), out.channel(1), 0, n);
        } else {
            for (int c = 0; c < in.channels(); c++) cascade.process(c, out.channel(c), 0, n);
        }
        out.setFrames(n);
    }
}
