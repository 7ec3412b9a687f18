package dev.groundwork.master.render;

import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.dsp.Biquad;
import dev.groundwork.core.dsp.BiquadCascade;
import dev.groundwork.core.dsp.MidSide;
import dev.groundwork.core.dsp.ProcessSpec;
import dev.groundwork.core.dsp.Processor;
import dev.groundwork.master.plan.EqBand;

import java.util.ArrayList;
import java.util.List;

/**
 * EQ on the mid and side signals separately (stereo), or on the single channel (mono: mid bands only).
 * Bands with 0 dB gain are skipped, so a flat plan passes audio through untouched.
 */
public final class MidSideEqualizer implements Processor {
    private final List<EqBand> midBands, sideBands;
    private BiquadCascade mid = new BiquadCascade(new Biquad.Coefficients[0], 1), side = mid;
    private int channels;
    private float[] m = new float[0], s = new float[0];

    public MidSideEqualizer(List<EqBand> midBands, List<EqBand> sideBands) {
        this.midBands = List.copyOf(midBands);
        this.sideBands = List.copyOf(sideBands);
    }

    public boolean isFlat() {
        return midBands.stream().allMatch(b -> b.gainDb() == 0) && sideBands.stream().allMatch(b -> b.gainDb() == 0);
    }

    @Override
    public void prepare(ProcessSpec spec) {
        channels = spec.channels();
        mid = design(midBands, spec.sampleRate(), channels == 2 ? 1 : channels);
        side = channels == 2 ? design(sideBands, spec.sampleRate(), 1) : new BiquadCascade(new Biquad.Coefficients[0], 1);
        m = new float[spec.maxBlockFrames()];
        s = new float[spec.maxBlockFrames()];
    }

    private static BiquadCascade design(List<EqBand> bands, double fs, int states) {
        List<Biquad.Coefficients> out = new ArrayList<>();
        for (EqBand b : bands) {
            if (b.gainDb() == 0 || b.frequencyHz() >= fs * 0.45) continue;
            out.add(b.coefficients(fs));
        }
        return new BiquadCascade(out.toArray(new Biquad.Coefficients[0]), states);
    }

    @Override
    public void reset() {
        mid.reset();
        side.reset();
    }

    @Override
    public void process(AudioBuffer in, AudioBuffer out) {
        int n = in.frames();
        if (in != out) for (int c = 0; c < in.channels(); c++) System.arraycopy(in.channel(c), 0, out.channel(c), 0, n);
        out.setFrames(n);
        if (mid.sections() == 0 && side.sections() == 0) return;
        if (channels != 2) {
            for (int c = 0; c < channels; c++) mid.process(c, out.channel(c), 0, n);
            return;
        }
        if (m.length < n) { m = new float[n]; s = new float[n]; }
        float[] l = out.channel(0), r = out.channel(1);
        // the loops are small methods of their own, shared with the stereo stage and the analysis: each compiled once
        MidSide.split(l, r, 0, m, s, 0, n);
        mid.process(0, m, 0, n);
        side.process(0, s, 0, n);
        MidSide.join(m, s, 1f, l, r, n);
    }

}
