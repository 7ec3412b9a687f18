package dev.groundwork.core.dsp;

import dev.groundwork.core.audio.AudioBuffer;

/**
 * An algorithmic stereo reverb for send/return use (output is 100 % wet): a feedback delay network
 * after Jot and Chaigne (1991) — eight delay lines of mutually prime lengths mixed by an orthogonal
 * Hadamard matrix, each line attenuated so that the low-frequency decay reaches -60 dB after
 * {@code decaySeconds}, with a one-pole low-pass per line whose gain shortens the decay above
 * {@code dampingHz} (air and wall absorption). The input passes a pre-delay and two Schroeder
 * all-passes for early diffusion; left and right taps use orthogonal sign patterns so the
 * two outputs are decorrelated.
 */
public final class Reverb implements Processor {
    /** Decay time (RT60), pre-delay, frequency above which the decay shortens, and room size scale. */
    public record Settings(double decaySeconds, double preDelayMs, double dampingHz, double size) {
        public static final Settings DEFAULT = new Settings(1.6, 20, 6000, 1.0);

        public Settings {
            if (!(decaySeconds >= 0.1 && decaySeconds <= 20)) throw new IllegalArgumentException("decay must be 0.1..20 s: " + decaySeconds);
            if (!(preDelayMs >= 0 && preDelayMs <= 250)) throw new IllegalArgumentException("pre-delay must be 0..250 ms: " + preDelayMs);
            if (!(dampingHz >= 500 && dampingHz <= 20000)) throw new IllegalArgumentException("damping must be 500..20000 Hz: " + dampingHz);
            if (!(size >= 0.3 && size <= 2.0)) throw new IllegalArgumentException("size must be 0.3..2.0: " + size);
        }
    }

    private static final int LINES = 8;
    /** Base line lengths in ms (mutually prime once converted to samples), spread 29..71 ms. */
    private static final double[] LINE_MS = {29.7, 33.1, 37.9, 41.3, 47.9, 53.3, 61.1, 70.9};
    private static final double[] DIFFUSER_MS = {4.77, 1.63};
    private static final double DIFFUSION = 0.6;

    private final Settings settings;
    private double sampleRate;
    private float[][] lines;
    private int[] lineLength, linePos;
    private double[] lineGain, dampCoef, dampState;
    private float[] preDelay;
    private int preDelayLength, preDelayPos;
    private float[][] diffusers;
    private int[] diffuserPos;
    private final double[] tmp = new double[LINES];

    public Reverb(Settings settings) { this.settings = settings; }

    public Settings settings() { return settings; }

    @Override
    public void prepare(ProcessSpec spec) {
        sampleRate = spec.sampleRate();
        lines = new float[LINES][];
        lineLength = new int[LINES];
        linePos = new int[LINES];
        lineGain = new double[LINES];
        dampCoef = new double[LINES];
        dampState = new double[LINES];
        int previous = 0;
        for (int i = 0; i < LINES; i++) {
            int n = nextPrime(Math.max(previous + 1, (int) Math.round(LINE_MS[i] * settings.size() * sampleRate / 1000)));
            previous = n;
            lineLength[i] = n;
            lines[i] = new float[n];
            // Per pass through a line of n samples the level must drop by 60 dB * n / (RT60 * fs).
            lineGain[i] = Math.pow(10, -3.0 * n / (settings.decaySeconds() * sampleRate));
            // The damping low-pass lowers the loop gain at high frequencies only; its pole follows the cutoff.
            // A cutoff near Nyquist means no damping at all.
            dampCoef[i] = settings.dampingHz() >= 0.4 * sampleRate ? 0 : Math.exp(-2 * Math.PI * settings.dampingHz() / sampleRate);
        }
        preDelayLength = Math.max(1, (int) Math.round(settings.preDelayMs() * sampleRate / 1000));
        preDelay = new float[preDelayLength];
        diffusers = new float[DIFFUSER_MS.length][];
        diffuserPos = new int[DIFFUSER_MS.length];
        for (int i = 0; i < DIFFUSER_MS.length; i++) {
            diffusers[i] = new float[nextPrime((int) Math.round(DIFFUSER_MS[i] * sampleRate / 1000))];
        }
        reset();
    }

    @Override
    public void reset() {
        if (lines == null) return;
        for (float[] l : lines) java.util.Arrays.fill(l, 0f);
        java.util.Arrays.fill(linePos, 0);
        java.util.Arrays.fill(dampState, 0);
        java.util.Arrays.fill(preDelay, 0f);
        preDelayPos = 0;
        for (float[] d : diffusers) java.util.Arrays.fill(d, 0f);
        java.util.Arrays.fill(diffuserPos, 0);
    }

    /** Reads mono or stereo input (summed to mono) and writes the wet stereo return into {@code out} (2 channels). */
    @Override
    public void process(AudioBuffer in, AudioBuffer out) {
        if (lines == null) throw new IllegalStateException("prepare the reverb first");
        int n = in.frames();
        float[] inL = in.channel(0), inR = in.channels() > 1 ? in.channel(1) : in.channel(0);
        float[] outL = out.channel(0), outR = out.channels() > 1 ? out.channel(1) : null;
        final double norm = 1.0 / Math.sqrt(LINES);
        for (int t = 0; t < n; t++) {
            double x = 0.5 * (inL[t] + inR[t]);
            // Pre-delay.
            double delayed = preDelay[preDelayPos];
            preDelay[preDelayPos] = (float) x;
            if (++preDelayPos == preDelayLength) preDelayPos = 0;
            // Series all-passes smear the attack into a dense onset.
            double d = delayed;
            for (int k = 0; k < diffusers.length; k++) {
                float[] buf = diffusers[k];
                int p = diffuserPos[k];
                double b = buf[p];
                double v = d + DIFFUSION * b;
                buf[p] = (float) v;
                d = b - DIFFUSION * v;
                if (++p == buf.length) p = 0;
                diffuserPos[k] = p;
            }
            // Read the line outputs, damp them.
            double left = 0, right = 0;
            for (int i = 0; i < LINES; i++) {
                double y = lines[i][linePos[i]];
                double damped = (1 - dampCoef[i]) * y + dampCoef[i] * dampState[i];
                dampState[i] = damped;
                tmp[i] = damped * lineGain[i];
                left += ((i & 1) == 0 ? y : -y);
                right += ((i & 2) == 0 ? y : -y);
            }
            hadamard8(tmp);
            for (int i = 0; i < LINES; i++) {
                double fb = tmp[i] * norm + ((i & 4) == 0 ? d : -d);
                lines[i][linePos[i]] = (float) fb;
                if (++linePos[i] == lineLength[i]) linePos[i] = 0;
            }
            outL[t] = (float) (left * 0.25);
            if (outR != null) outR[t] = (float) (right * 0.25);
        }
        out.setFrames(n);
    }

    /** In-place fast Walsh-Hadamard transform of 8 values (unnormalised; the caller scales by 1/sqrt(8)). */
    private static void hadamard8(double[] v) {
        for (int h = 1; h < 8; h <<= 1) {
            for (int i = 0; i < 8; i += h << 1) {
                for (int j = i; j < i + h; j++) {
                    double a = v[j], b = v[j + h];
                    v[j] = a + b;
                    v[j + h] = a - b;
                }
            }
        }
    }

    private static int nextPrime(int n) {
        int p = Math.max(2, n);
        while (!isPrime(p)) p++;
        return p;
    }

    private static boolean isPrime(int n) {
        if (n < 4) return n > 1;
        if (n % 2 == 0) return false;
        for (int k = 3; (long) k * k <= n; k += 2) if (n % k == 0) return false;
        return true;
    }
}
