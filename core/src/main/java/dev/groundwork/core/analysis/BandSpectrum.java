package dev.groundwork.core.analysis;

import dev.groundwork.core.audio.AudioBuffer;
import org.jtransforms.fft.FloatFFT_1D;

import java.util.ArrayList;
import java.util.List;

/**
 * Long-term third-octave spectrum of a stream (Welch's method): the channels are averaged to mid,
 * cut into Hann-windowed frames of about half a second (a power of two, so bins are about 1.4 Hz
 * apart even for the 20 Hz band) with 50 % overlap, and the power of every frame is averaged.
 * Bands follow IEC 61260 base-10 third octaves, labelled with their nominal centres, from 20 Hz
 * up to the last band whose centre is below Nyquist. Memory is one frame, whatever the length.
 */
public final class BandSpectrum {
    /** Nominal IEC third-octave centres from 20 Hz to 20 kHz (exact centres are 1000·10^(k/10)). */
    private static final double[] NOMINAL = {20, 25, 31.5, 40, 50, 63, 80, 100, 125, 160, 200, 250, 315, 400, 500,
            630, 800, 1000, 1250, 1600, 2000, 2500, 3150, 4000, 5000, 6300, 8000, 10000, 12500, 16000, 20000};

    private final int channels;
    private final double sampleRate;
    private final int size, hop;
    private final float[] window;
    private final double windowPower;
    private final float[] frame;
    private final float[] work;
    private final FloatFFT_1D fft;
    private final double[] power;
    private int filled;
    private long frames;
    private long framesAnalysed;

    public BandSpectrum(int channels, double sampleRate) {
        this.channels = channels;
        this.sampleRate = sampleRate;
        this.size = nextPowerOfTwo((int) Math.ceil(sampleRate / 2));
        this.hop = size / 2;
        this.window = new float[size];
        double wp = 0;
        for (int i = 0; i < size; i++) {
            window[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / size));
            wp += (double) window[i] * window[i];
        }
        this.windowPower = wp;
        this.frame = new float[size];
        this.work = new float[size];
        this.fft = new FloatFFT_1D(size);
        this.power = new double[size / 2 + 1];
    }

    private static int nextPowerOfTwo(int n) {
        int p = 1;
        while (p < n) p <<= 1;
        return p;
    }

    public int frameSize() { return size; }

    public void add(AudioBuffer block) {
        int n = block.frames();
        float scale = 1f / channels;
        int pos = 0;
        while (pos < n) {
            int len = Math.min(n - pos, size - filled);
            float[] c0 = block.channel(0);
            for (int i = 0; i < len; i++) frame[filled + i] = c0[pos + i];
            for (int c = 1; c < channels; c++) {
                float[] x = block.channel(c);
                for (int i = 0; i < len; i++) frame[filled + i] += x[pos + i];
            }
            if (channels > 1) for (int i = 0; i < len; i++) frame[filled + i] *= scale;
            filled += len;
            pos += len;
            if (filled == size) {
                analyseFrame(frame, 1.0);
                System.arraycopy(frame, hop, frame, 0, size - hop);
                filled = size - hop;
            }
        }
        frames += n;
    }

    /** Adds the power of one windowed frame; {@code weight} scales a zero-padded partial frame up. */
    private void analyseFrame(float[] x, double weight) {
        for (int i = 0; i < size; i++) work[i] = x[i] * window[i];
        fft.realForward(work);
        // JTransforms packing: work[0] = Re(DC), work[1] = Re(Nyquist), then Re/Im pairs
        power[0] += weight * work[0] * work[0];
        power[size / 2] += weight * work[1] * work[1];
        for (int k = 1; k < size / 2; k++) {
            double re = work[2 * k], im = work[2 * k + 1];
            power[k] += weight * (re * re + im * im);
        }
        framesAnalysed++;
    }

    /** The average band levels so far (a query: the state is not changed). */
    public List<BandLevel> bands() {
        double[] p = power.clone();
        long count = framesAnalysed;
        if (count == 0 && filled > 0) {
            // shorter than one frame: analyse the zero-padded samples, scaled by the window power they saw
            BandSpectrum tail = new BandSpectrum(1, sampleRate);
            float[] padded = new float[size];
            System.arraycopy(frame, 0, padded, 0, filled);
            double seen = 0;
            for (int i = 0; i < filled; i++) seen += (double) window[i] * window[i];
            tail.analyseFrame(padded, windowPower / seen);
            p = tail.power;
            count = 1;
        }
        List<BandLevel> out = new ArrayList<>();
        double nyquist = sampleRate / 2, binHz = sampleRate / size;
        for (int b = 0; b < NOMINAL.length; b++) {
            double center = 1000 * Math.pow(10, (b - 17) / 10.0);
            if (center >= nyquist) break;
            double lower = center * Math.pow(10, -0.05), upper = Math.min(center * Math.pow(10, 0.05), nyquist);
            double sum = 0;
            int from = (int) Math.ceil(lower / binHz), to = (int) Math.min(Math.ceil(upper / binHz) - 1, size / 2);
            for (int k = Math.max(from, 1); k <= to; k++) sum += p[k];
            // one-sided power → mean square of the band; a full-scale sine (mean square 1/2) is 0 dB
            double meanSquare = count == 0 ? 0 : 2 * sum / (size * windowPower * count);
            double db = meanSquare > 0 ? 10 * Math.log10(2 * meanSquare) : Double.NEGATIVE_INFINITY;
            out.add(new BandLevel(NOMINAL[b], lower, upper, db));
        }
        return out;
    }
}
