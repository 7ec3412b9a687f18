package dev.groundwork.core.dsp;

import dev.groundwork.core.audio.AudioBuffer;

/**
 * A stereo feedback delay for send/return use (output is 100 % wet). Each repeat passes a one-pole
 * low-pass, so echoes darken as they fade like tape or analogue delays; in ping-pong mode the
 * repeats alternate between the sides (the input is summed to mono and enters on the left).
 */
public final class Delay implements Processor {
    /** Delay time, feedback (0..0.95, the level of each repeat relative to the previous), tone of the repeats. */
    public record Settings(double timeMs, double feedback, double lowPassHz, boolean pingPong) {
        public Settings {
            if (!(timeMs >= 1 && timeMs <= 4000)) throw new IllegalArgumentException("delay time must be 1..4000 ms: " + timeMs);
            if (!(feedback >= 0 && feedback <= 0.95)) throw new IllegalArgumentException("feedback must be 0..0.95: " + feedback);
            if (!(lowPassHz >= 200 && lowPassHz <= 22000)) throw new IllegalArgumentException("low-pass must be 200..22000 Hz: " + lowPassHz);
        }

        /** A delay of one note value at a tempo: {@code beats} = 0.75 is a dotted eighth. */
        public static Settings tempoSynced(double tempoBpm, double beats, double feedback, double lowPassHz, boolean pingPong) {
            return new Settings(60_000.0 / tempoBpm * beats, feedback, lowPassHz, pingPong);
        }
    }

    private final Settings settings;
    private float[][] buffer;
    private int length, pos;
    private double coef;
    private final double[] lp = new double[2];

    public Delay(Settings settings) { this.settings = settings; }

    public Settings settings() { return settings; }

    @Override
    public void prepare(ProcessSpec spec) {
        length = Math.max(1, (int) Math.round(settings.timeMs() * spec.sampleRate() / 1000));
        buffer = new float[2][length];
        double fc = Math.min(settings.lowPassHz(), 0.45 * spec.sampleRate());
        coef = Math.exp(-2 * Math.PI * fc / spec.sampleRate());
        reset();
    }

    @Override
    public void reset() {
        if (buffer == null) return;
        for (float[] b : buffer) java.util.Arrays.fill(b, 0f);
        pos = 0;
        lp[0] = lp[1] = 0;
    }

    /** Exactly {@code timeMs} after an input the first echo appears at full level (then feedback^k). */
    @Override
    public void process(AudioBuffer in, AudioBuffer out) {
        if (buffer == null) throw new IllegalStateException("prepare the delay first");
        int n = in.frames();
        boolean stereoIn = in.channels() > 1;
        float[] inL = in.channel(0), inR = stereoIn ? in.channel(1) : in.channel(0);
        float[] outL = out.channel(0), outR = out.channels() > 1 ? out.channel(1) : null;
        float[] bl = buffer[0], br = buffer[1];
        double fb = settings.feedback(), a = coef;
        boolean ping = settings.pingPong();
        for (int t = 0; t < n; t++) {
            double yl = bl[pos], yr = br[pos];
            lp[0] = (1 - a) * yl + a * lp[0];
            lp[1] = (1 - a) * yr + a * lp[1];
            if (ping) {
                double mono = 0.5 * (inL[t] + inR[t]);
                bl[pos] = (float) (mono + fb * lp[1]);
                br[pos] = (float) (fb * lp[0]);
            } else {
                bl[pos] = (float) (inL[t] + fb * lp[0]);
                br[pos] = (float) (inR[t] + fb * lp[1]);
            }
            if (++pos == length) pos = 0;
            outL[t] = (float) yl;
            if (outR != null) outR[t] = (float) yr;
        }
        out.setFrames(n);
    }
}
