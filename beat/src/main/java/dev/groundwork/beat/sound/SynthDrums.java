package dev.groundwork.beat.sound;

import dev.groundwork.core.dsp.Biquad;
import dev.groundwork.core.dsp.BiquadDesign;

import java.util.HashMap;
import java.util.Map;

/**
 * Drums synthesised in code (licence-safe): sine kicks with a pitch sweep and click, tone+noise
 * snares, multi-burst claps, metallic square-bank hats (the 808 recipe), rim, conga and shaker.
 * Each sound is rendered once per kit and scaled by velocity.
 */
public final class SynthDrums implements DrumKit {
    private final String kit;
    private final double sr;
    private final Map<Integer, float[]> cache = new HashMap<>();

    public SynthDrums(String kit, double sampleRate) {
        this.kit = kit;
        this.sr = sampleRate;
    }

    @Override
    public String name() { return kit + " (synthesised)"; }

    @Override
    public int muteGroup(int note) { return note == 42 || note == 44 || note == 46 ? 1 : -1; }

    @Override
    public float[] hit(int note, int velocity) {
        float[] base = sample(note, velocity);
        if (base == null) return null;
        float g = velocityGain(note, velocity);
        float[] out = new float[base.length];
        for (int i = 0; i < out.length; i++) out[i] = base[i] * g;
        return out;
    }

    @Override
    public float[] sample(int note, int velocity) { return cache.computeIfAbsent(note, this::make); }

    @Override
    public float velocityGain(int note, int velocity) { return (float) Math.pow(velocity / 127.0, 1.4); }

    private float[] make(int note) {
        return switch (note) {
            case 35, 36 -> kick();
            case 38, 40 -> snare();
            case 39 -> clap();
            case 37 -> rim();
            case 42, 44 -> hat(kit.startsWith("trap") || kit.startsWith("drill") ? 0.035 : 0.05);
            case 46 -> hat(0.32);
            case 49, 57 -> hat(1.2);
            case 62, 63, 64 -> conga(note == 64 ? 190 : note == 63 ? 290 : 330);
            case 69, 70, 82 -> shaker();
            default -> rim();
        };
    }

    private float[] kick() {
        double f0, f1, sweep, decay, click, drive;
        switch (kit) {
            case "boombap-kit", "lofi-kit" -> { f0 = 130; f1 = 52; sweep = 0.035; decay = 0.28; click = 0.25; drive = 1.6; }
            case "house-kit", "techno-kit" -> { f0 = 180; f1 = 50; sweep = 0.025; decay = kit.startsWith("techno") ? 0.45 : 0.32; click = 0.35; drive = kit.startsWith("techno") ? 2.2 : 1.4; }
            case "dnb-kit" -> { f0 = 200; f1 = 58; sweep = 0.02; decay = 0.22; click = 0.4; drive = 1.5; }
            default -> { f0 = 160; f1 = 50; sweep = 0.03; decay = 0.3; click = 0.3; drive = 1.3; }
        }
        int n = (int) (sr * decay * 3);
        float[] out = new float[n];
        Noise noise = new Noise(36);
        double phase = 0;
        double norm = Math.tanh(drive);
        for (int i = 0; i < n; i++) {
            double t = i / sr;
            double f = f1 + (f0 - f1) * Math.exp(-t / sweep);
            phase += f / sr;
            phase -= Math.floor(phase);
            double body = Osc.sin(phase) * Math.exp(-t / decay) * Math.min(1, t / 0.0008);
            double c = noise.next() * click * Math.exp(-t / 0.003);
            out[i] = (float) (Math.tanh(drive * (body + c)) / norm);
        }
        fadeTail(out, 0.01);
        return out;
    }

    private float[] snare() {
        boolean soft = kit.startsWith("lofi");
        int n = (int) (sr * 0.35);
        float[] tone = new float[n], noiseBuf = new float[n];
        Noise noise = new Noise(38);
        double phase = 0, phase2 = 0;
        for (int i = 0; i < n; i++) {
            double t = i / sr;
            phase += (185 + 60 * Math.exp(-t / 0.01)) / sr;
            phase2 += 330 / sr;
            phase -= Math.floor(phase);
            phase2 -= Math.floor(phase2);
            tone[i] = (float) ((0.7 * Osc.sin(phase) + 0.3 * Osc.sin(phase2)) * Math.exp(-t / 0.05));
            noiseBuf[i] = (float) (noise.next() * Math.exp(-t / (kit.startsWith("trap") ? 0.09 : 0.12)));
        }
        filter(noiseBuf, BiquadDesign.highPass(sr, 1200, 0.7));
        filter(noiseBuf, BiquadDesign.lowPass(sr, soft ? 5000 : 9000, 0.7));
        float[] out = new float[n];
        for (int i = 0; i < n; i++) out[i] = 0.55f * tone[i] + 0.75f * noiseBuf[i];
        normalise(out, 0.9);
        fadeTail(out, 0.01);
        return out;
    }

    private float[] clap() {
        int n = (int) (sr * 0.4);
        float[] out = new float[n];
        Noise noise = new Noise(39);
        double[] bursts = {0, 0.011, 0.022, 0.031};
        for (int i = 0; i < n; i++) {
            double t = i / sr;
            double env = 0;
            for (double b : bursts) if (t >= b) env = Math.max(env, Math.exp(-(t - b) / 0.006));
            env = Math.max(env, t >= 0.031 ? 0.6 * Math.exp(-(t - 0.031) / 0.11) : 0);
            out[i] = (float) (noise.next() * env);
        }
        filter(out, BiquadDesign.highPass(sr, 900, 0.8));
        filter(out, BiquadDesign.peaking(sr, 1400, 1.2, 6));
        filter(out, BiquadDesign.lowPass(sr, 8000, 0.7));
        normalise(out, 0.9);
        fadeTail(out, 0.01);
        return out;
    }

    private float[] rim() {
        int n = (int) (sr * 0.12);
        float[] out = new float[n];
        Noise noise = new Noise(37);
        double p1 = 0, p2 = 0;
        for (int i = 0; i < n; i++) {
            double t = i / sr;
            p1 += 1750 / sr;
            p2 += 820 / sr;
            p1 -= Math.floor(p1);
            p2 -= Math.floor(p2);
            out[i] = (float) ((0.5 * Osc.sin(p1) + 0.5 * Osc.sin(p2)) * Math.exp(-t / 0.018) + 0.3 * noise.next() * Math.exp(-t / 0.006));
        }
        filter(out, BiquadDesign.highPass(sr, 400, 0.7));
        normalise(out, 0.8);
        fadeTail(out, 0.005);
        return out;
    }

    /** Six detuned square waves (the 808's metal), band-passed high, with an exponential decay. */
    private float[] hat(double decay) {
        int n = (int) (sr * Math.min(2.0, decay * 5 + 0.02));
        float[] out = new float[n];
        double[] freqs = {205.3, 304.4, 369.6, 522.7, 540.0, 800.0};
        double[] ph = new double[6];
        Noise noise = new Noise(42);
        for (int i = 0; i < n; i++) {
            double t = i / sr;
            double s = 0;
            for (int k = 0; k < 6; k++) {
                ph[k] += freqs[k] * 1.9 / sr;
                ph[k] -= Math.floor(ph[k]);
                s += Osc.square(ph[k], freqs[k] * 1.9 / sr);
            }
            double env = Math.exp(-t / decay) * Math.min(1, t / 0.0005);
            out[i] = (float) ((s / 6 * 0.6 + noise.next() * 0.4) * env);
        }
        filter(out, BiquadDesign.highPass(sr, 7000, 0.7));
        filter(out, BiquadDesign.highPass(sr, 7000, 0.7));
        filter(out, BiquadDesign.peaking(sr, 10000, 1.0, 4));
        normalise(out, 0.75);
        fadeTail(out, 0.005);
        return out;
    }

    private float[] conga(double f) {
        int n = (int) (sr * 0.35);
        float[] out = new float[n];
        double ph = 0;
        for (int i = 0; i < n; i++) {
            double t = i / sr;
            ph += f * (1 + 0.25 * Math.exp(-t / 0.008)) / sr;
            ph -= Math.floor(ph);
            out[i] = (float) (Osc.sin(ph) * Math.exp(-t / 0.09) * Math.min(1, t / 0.001));
        }
        normalise(out, 0.8);
        fadeTail(out, 0.01);
        return out;
    }

    private float[] shaker() {
        int n = (int) (sr * 0.12);
        float[] out = new float[n];
        Noise noise = new Noise(70);
        for (int i = 0; i < n; i++) {
            double t = i / sr;
            double env = Math.min(1, t / 0.012) * Math.exp(-Math.max(0, t - 0.012) / 0.025);
            out[i] = (float) (noise.next() * env);
        }
        filter(out, BiquadDesign.highPass(sr, 5000, 0.7));
        normalise(out, 0.6);
        fadeTail(out, 0.005);
        return out;
    }

    private void filter(float[] x, Biquad.Coefficients c) {
        Biquad b = new Biquad(1);
        b.setCoefficients(c);
        b.process(0, x, 0, x.length);
    }

    static void normalise(float[] x, double peak) {
        double m = 0;
        for (float v : x) m = Math.max(m, Math.abs(v));
        if (m == 0) return;
        float g = (float) (peak / m);
        for (int i = 0; i < x.length; i++) x[i] *= g;
    }

    private void fadeTail(float[] x, double seconds) {
        int n = Math.min(x.length, (int) (sr * seconds));
        for (int i = 0; i < n; i++) x[x.length - 1 - i] *= i / (float) n;
    }
}
