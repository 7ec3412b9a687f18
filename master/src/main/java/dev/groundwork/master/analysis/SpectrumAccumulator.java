package dev.groundwork.master.analysis;

import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.dsp.MidSide;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Third-octave band energies of the mid and side signals, one set per FFT frame (Hann window,
 * no overlap, about 186 ms), kept per frame so the loudest sections (by K-weighted energy, as a
 * loudness meter ranks them) can be chosen afterwards. Band edges are exact: a bin on an edge counts
 * by the share of it inside the band, so pink noise reads flat at every rate.
 * Feed blocks of any size; the result does not depend on the block size.
 */
public final class SpectrumAccumulator {
    /** Share of frames, loudest first, that define the tonal balance. */
    static final double LOUDEST_SHARE = 0.3;
    /** Frames whose section is within 1 dB (power ratio) of the last one chosen are taken too. */
    static final double SELECTION_MARGIN = Math.pow(10, -0.1);

    private final int channels;
    private final int size;
    private final double sampleRate;
    /** Mid and side in one complex transform. */
    private final TwoRealFft fft;
    private final float[] window;
    private final float[] mid, side;
    private final int[] bandLo, bandHi;
    /** Share of each bin inside its band (a bin straddling an edge counts by the part inside), index k - bandLo[b]. */
    private final double[][] bandWeight;
    /** K-weighting power gain per band: frames are ranked by loudness, not by raw energy (which bass dominates). */
    private final double[] loudnessWeight;
    private int fill;
    private final List<double[]> frames = new ArrayList<>(); // [bands mid..., bands side..., total mid power]

    public SpectrumAccumulator(int channels, double sampleRate) {
        this.channels = channels;
        this.sampleRate = sampleRate;
        this.size = sampleRate <= 50_000 ? 8192 : sampleRate <= 100_000 ? 16384 : 32768;
        this.fft = new TwoRealFft(size);
        this.window = new float[size];
        for (int i = 0; i < size; i++) window[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / size));
        this.mid = new float[size];
        this.side = new float[size];
        double[] c = TonalProfile.CENTRES_HZ;
        bandLo = new int[c.length];
        bandHi = new int[c.length];
        bandWeight = new double[c.length][];
        loudnessWeight = new double[c.length];
        double binHz = sampleRate / size;
        for (int b = 0; b < c.length; b++) {
            // exact third-octave edges: bins are weighted by their overlap with [lo, hi], so a band measures the same
            // width at every FFT size and rate (whole bins alone are up to 2 dB off below 100 Hz, and differently per rate)
            double lo = c[b] * Math.pow(2, -1 / 6.0), hi = c[b] * Math.pow(2, 1 / 6.0);
            bandLo[b] = Math.max(1, (int) Math.floor(lo / binHz + 0.5));
            bandHi[b] = Math.max(bandLo[b], Math.min(size / 2 - 1, (int) Math.ceil(hi / binHz - 0.5)));
            bandWeight[b] = new double[bandHi[b] - bandLo[b] + 1];
            for (int k = bandLo[b]; k <= bandHi[b]; k++) {
                double overlap = Math.min(hi, (k + 0.5) * binHz) - Math.max(lo, (k - 0.5) * binHz);
                bandWeight[b][k - bandLo[b]] = Math.max(0, overlap) / binHz;
            }
            loudnessWeight[b] = kWeightingPowerGain(c[b]);
        }
    }

    /** BS.1770 K-weighting power gain at {@code hz} (the 48 kHz reference filters, enough to rank frames). */
    static double kWeightingPowerGain(double hz) {
        double w = 2 * Math.PI * hz / 48_000;
        return biquadPowerGain(w, 1.53512486, -2.69169619, 1.19839281, -1.69065929, 0.73248077)
                * biquadPowerGain(w, 1, -2, 1, -1.99004745, 0.99007225);
    }

    private static double biquadPowerGain(double w, double b0, double b1, double b2, double a1, double a2) {
        double c1 = Math.cos(w), s1 = Math.sin(w), c2 = Math.cos(2 * w), s2 = Math.sin(2 * w);
        double nr = b0 + b1 * c1 + b2 * c2, ni = -b1 * s1 - b2 * s2;
        double dr = 1 + a1 * c1 + a2 * c2, di = -a1 * s1 - a2 * s2;
        return (nr * nr + ni * ni) / (dr * dr + di * di);
    }

    public int fftSize() { return size; }

    public void add(AudioBuffer block) {
        int n = block.frames(), pos = 0;
        float[] l = block.channel(0), r = channels > 1 ? block.channel(1) : block.channel(0);
        while (pos < n) {
            int len = Math.min(n - pos, size - fill);
            MidSide.split(l, r, pos, mid, side, fill, len);
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
        applyWindow(mid);
        applyWindow(side);
        fft.transform(mid, side);
        bandPowers(out);
        double loudness = 0;
        for (int b = 0; b < nb; b++) loudness += loudnessWeight[b] * out[b];
        out[2 * nb] = loudness;
        return out;
    }

    private void applyWindow(float[] x) {
        for (int i = 0; i < size; i++) x[i] *= window[i];
    }

    /** Writes the band energies of the transformed frame: mid at {@code out[0..nb)}, side at {@code out[nb..2nb)}. */
    private void bandPowers(double[] out) {
        int nb = bandLo.length;
        for (int b = 0; b < nb; b++) {
            double m = 0, s = 0;
            double[] wt = bandWeight[b];
            for (int k = bandLo[b]; k <= bandHi[b]; k++) {
                m += wt[k - bandLo[b]] * fft.first(k);
                s += wt[k - bandLo[b]] * fft.second(k);
            }
            out[b] = m;
            out[nb + b] = s;
        }
    }

    public int frameCount() { return frames.size(); }

    /**
     * Short-term dynamics of the mid signal between {@code loHz} and {@code hiHz} (whole third-octave bands whose centre
     * lies inside), over the frames within 40 dB of the loudest 3 s section; null when there is no signal.
     */
    public BandDynamics bandDynamics(String name, double loHz, double hiHz) {
        if (frames.isEmpty()) return null;
        int nb = bandLo.length;
        Ranked r = ranked();
        double[][] all = r.all();
        double[] section = r.section();
        double loudest = Arrays.stream(section).max().orElse(0);
        if (!(loudest > 0)) return null;
        double[] e = new double[all.length];
        int n = 0;
        for (int i = 0; i < all.length; i++) {
            if (section[i] < loudest * 1e-4) continue;
            double sum = 0;
            for (int b = 0; b < nb; b++) if (TonalProfile.CENTRES_HZ[b] >= loHz && TonalProfile.CENTRES_HZ[b] < hiHz) sum += all[i][b];
            e[n++] = sum;
        }
        e = Arrays.copyOf(e, n);
        Arrays.sort(e);
        // the loudest 5 % of frames, averaged (a percentile would fall under the mean when a band is silent but for rare bursts)
        int top = Math.max(1, (int) Math.ceil(0.05 * n));
        double mean = Arrays.stream(e).average().orElse(0), loud = Arrays.stream(e, n - top, n).average().orElse(0);
        // Parseval for a Hann-windowed frame: mean square = 16 · (one-sided band energy) / (3 · N²)
        double loudMs = 16 * loud / (3.0 * size * size);
        return new BandDynamics(name, loHz, hiHz, mean > 0 ? 10 * Math.log10(Math.max(loud, 1e-30) / mean) : 0,
                loudMs > 0 ? 10 * Math.log10(loudMs) : -200);
    }

    /** Band energy of frequencies below {@code hz} relative to all bands, dB (for subsonic decisions), mid signal. */
    public double midShareBelowDb(double hz) {
        double below = 0, all = 0;
        for (double[] f : frames) for (int b = 0; b < bandLo.length; b++) {
            all += f[b];
            if (TonalProfile.CENTRES_HZ[b] < hz) below += f[b];
        }
        return all > 0 ? 10 * Math.log10(Math.max(below, 1e-30) / all) : Double.NEGATIVE_INFINITY;
    }

    /** The frames as an array and their section loudness, shared by {@link #profile} and every {@link #bandDynamics}. */
    private record Ranked(double[][] all, double[] section) {}

    private Ranked ranked;

    /** Built once per frame count: the four queries after analysis read the same frames. */
    private Ranked ranked() {
        if (ranked == null || ranked.all().length != frames.size()) {
            double[][] all = frames.toArray(new double[0][]);
            ranked = new Ranked(all, sectionLoudness(all, 2 * bandLo.length, size / sampleRate));
        }
        return ranked;
    }

    /**
     * Mean K-weighted energy of the frames within about 1.5 s of each frame (a BS.1770 short-term window): frames are
     * ranked by the section they belong to, because ranking single frames favours frames where a thinly resolved bass
     * band (two or three FFT bins) happens to read high, which biases the bass up by about 1 dB.
     */
    static double[] sectionLoudness(double[][] frames, int column, double frameSeconds) {
        int n = frames.length, h = Math.max(0, (int) Math.round(1.5 / frameSeconds));
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) prefix[i + 1] = prefix[i] + frames[i][column];
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            int lo = Math.max(0, i - h), hi = Math.min(n, i + h + 1);
            out[i] = (prefix[hi] - prefix[lo]) / (hi - lo);
        }
        return out;
    }

    /** The tonal profile of the loudest {@link #LOUDEST_SHARE} of frames (K-weighted ranking); null when there is no signal. */
    public TonalProfile profile() {
        if (frames.isEmpty()) return null;
        int nb = bandLo.length;
        Ranked r = ranked();
        double[][] all = r.all();
        double[] section = r.section();
        Integer[] order = new Integer[all.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(section[b], section[a]));
        if (!(section[order[0]] > 0)) return null;
        // the loudest 30 %, and every frame within 1 dB of them: on material of nearly constant loudness the ranking is
        // decided by hundredths of a dB, and a change that small must not pick other chords for the profile
        int take = Math.max(1, (int) Math.ceil(all.length * LOUDEST_SHARE));
        double floor = section[order[take - 1]] * SELECTION_MARGIN;
        while (take < order.length && section[order[take]] >= floor) take++;
        double[] m = new double[nb], s = new double[nb];
        for (int i = 0; i < take; i++) for (int b = 0; b < nb; b++) {
            m[b] += all[order[i]][b];
            s[b] += all[order[i]][nb + b];
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
