package dev.groundwork.master.analysis;

import dev.groundwork.core.audio.AudioBuffer;
import org.jtransforms.fft.FloatFFT_1D;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Third-octave band energies of the mid and side signals, one set per FFT frame (Hann window,
 * no overlap, about 170 ms), kept per frame so the loudest sections can be chosen afterwards.
 * Feed blocks of any size; the result does not depend on the block size.
 */
public final class SpectrumAccumulator {
    /** Share of frames, loudest first, that define the tonal balance. */
    static final double LOUDEST_SHARE = 0.3;

    private final int channels;
    private final int size;
    private final double sampleRate;
    // float, like the shared analysis's spectrum: one FFT implementation to compile, not two
    private final FloatFFT_1D fft;
    private final float[] window;
    private final float[] mid, side, work;
    private final int[] bandLo, bandHi;
    private int fill;
    private final List<double[]> frames = new ArrayList<>(); // [bands mid..., bands side..., total mid power]

    public SpectrumAccumulator(int channels, double sampleRate) {
        this.channels = channels;
        this.sampleRate = sampleRate;
        this.size = sampleRate <= 50_000 ? 8192 : sampleRate <= 100_000 ? 16384 : 32768;
        this.fft = new FloatFFT_1D(size);
        this.window = new float[size];
        for (int i = 0; i < size; i++) window[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / size));
        this.mid = new float[size];
        this.side = new float[size];
        this.work = new float[size];
        double[] c = TonalProfile.CENTRES_HZ;
        bandLo = new int[c.length];
        bandHi = new int[c.length];
        double binHz = sampleRate / size;
        for (int b = 0; b < c.length; b++) {
            double lo = c[b] * Math.pow(2, -1 / 6.0), hi = c[b] * Math.pow(2, 1 / 6.0);
            bandLo[b] = Math.max(1, (int) Math.round(lo / binHz));
            bandHi[b] = Math.min(size / 2 - 1, Math.max(bandLo[b], (int) Math.round(hi / binHz) - 1));
        }
    }

    public int fftSize() { return size; }

    public void add(AudioBuffer block) {
        int n = block.frames(), pos = 0;
        float[] l = block.channel(0), r = channels > 1 ? block.channel(1) : block.channel(0);
        while (pos < n) {
            int len = Math.min(n - pos, size - fill);
            for (int i = 0; i < len; i++) {
                mid[fill + i] = 0.5f * (l[pos + i] + r[pos + i]);
                side[fill + i] = 0.5f * (l[pos + i] - r[pos + i]);
            }
            fill += len;
            pos += len;
            if (fill == size) {
                frames.add(analyseFrame());
                fill = 0;
            }
        }
    }

    private double[] analyseFrame() {
        int nb = bandLo.length;
        double[] out = new double[2 * nb + 1];
        out[2 * nb] = bandPowers(mid, out, 0);
        bandPowers(side, out, nb);
        return out;
    }

    /** Writes the band energies of one frame at {@code out[offset..]}; returns their total. */
    private double bandPowers(float[] x, double[] out, int offset) {
        for (int i = 0; i < size; i++) work[i] = x[i] * window[i];
        fft.realForward(work);
        double total = 0;
        for (int b = 0; b < bandLo.length; b++) {
            double s = 0;
            for (int k = bandLo[b]; k <= bandHi[b]; k++) {
                double re = work[2 * k], im = work[2 * k + 1];
                s += re * re + im * im;
            }
            out[offset + b] = s;
            total += s;
        }
        return total;
    }

    public int frameCount() { return frames.size(); }

    /** Band energy of frequencies below {@code hz} relative to all bands, dB (for subsonic decisions), mid signal. */
    public double midShareBelowDb(double hz) {
        double below = 0, all = 0;
        for (double[] f : frames) for (int b = 0; b < bandLo.length; b++) {
            all += f[b];
            if (TonalProfile.CENTRES_HZ[b] < hz) below += f[b];
        }
        return all > 0 ? 10 * Math.log10(Math.max(below, 1e-30) / all) : Double.NEGATIVE_INFINITY;
    }

    /** The tonal profile of the loudest {@link #LOUDEST_SHARE} of frames; null when there is no signal. */
    public TonalProfile profile() {
        if (frames.isEmpty()) return null;
        int nb = bandLo.length;
        double[][] sorted = frames.toArray(new double[0][]);
        Arrays.sort(sorted, (a, b) -> Double.compare(b[2 * nb], a[2 * nb]));
        int take = Math.max(1, (int) Math.ceil(sorted.length * LOUDEST_SHARE));
        if (!(sorted[0][2 * nb] > 0)) return null;
        double[] m = new double[nb], s = new double[nb];
        for (int i = 0; i < take; i++) for (int b = 0; b < nb; b++) {
            m[b] += sorted[i][b];
            s[b] += sorted[i][nb + b];
        }
        double[] midDb = new double[nb], sideDb = new double[nb];
        double ref = 0;
        int refCount = 0;
        for (int b = 0; b < nb; b++) {
            midDb[b] = 10 * Math.log10(Math.max(m[b], 1e-30));
            sideDb[b] = 10 * Math.log10(Math.max(s[b], 1e-30)) - midDb[b];
            double hz = TonalProfile.CENTRES_HZ[b];
            if (hz >= 200 && hz <= 5000) {
                ref += midDb[b];
                refCount++;
            }
        }
        ref /= refCount;
        for (int b = 0; b < nb; b++) {
            midDb[b] = Math.max(-80, midDb[b] - ref);
            sideDb[b] = Math.max(-80, Math.min(20, sideDb[b]));
            // bands above the Nyquist frequency do not exist at this rate: carry the last real one
            if (TonalProfile.CENTRES_HZ[b] * Math.pow(2, 1 / 6.0) >= sampleRate / 2 && b > 0) {
                midDb[b] = midDb[b - 1];
                sideDb[b] = sideDb[b - 1];
            }
        }
        return new TonalProfile(TonalProfile.CENTRES_HZ.clone(), midDb, sideDb);
    }
}
