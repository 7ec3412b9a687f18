package dev.groundwork.mix.analysis;

import dev.groundwork.core.analysis.OnsetEnvelope;
import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.audio.AudioStreamReader;
import dev.groundwork.core.meter.KWeighting;
import dev.groundwork.core.meter.LoudnessMeter;
import dev.groundwork.mix.stems.StemSource;
import org.jtransforms.fft.DoubleFFT_1D;

import java.util.Arrays;
import java.util.EnumSet;

/**
 * Measures one stem in a single streaming pass (memory bounded by a few small curves, not the file):
 * the loudness and the share of the stem that plays come from the BS.1770 meter (integrated, gated
 * loudness and its 400 ms momentary blocks: the same measure the mix is judged by); one complex FFT on
 * every other 93 ms frame carries both channels (z = L + iR), from which come the average spectrum,
 * centroid and band shares, and the autocorrelation used for pitchedness (spectral averages need
 * only a sample of the frames); core's onset envelope gives the onsets (and the tempo's curve); a time-domain
 * path measures peaks, the mid/side balance and the envelope a compressor would see.
 */
public final class StemAnalyzer {
    private static final int SUB = 256;              // block of the chunked loops, samples
    private static final int FINE = 128;             // the compressor-envelope hop (2.9 ms at 44.1 kHz); divides SUB
    /** An onset: the onset envelope's rise summed over three hops (17 ms) reaches this (natural-log units: about 7.6 dB). */
    private static final double ONSET_RISE = 1.75;
    private static final double ONSET_MIN_GAP_SECONDS = 0.05;

    private final int n;                 // FFT size
    private final double fs;
    private final int channels;
    private final DoubleFFT_1D fft;
    private final double[] window, kWeight, frame, acf;
    private final double[] lags;                     // pitchOf's autocorrelation, reused frame to frame
    private final double windowPower;
    private final double[] spectrumSum;
    private final double[] bandSum = new double[Bands.COUNT];
    private final int[] binBand;
    private final int lagMin, lagMax;
    private final int binLow, binSub, binHigh;

    private final double[] fifoL, fifoR;
    private int fifoFill;
    private boolean fifoHasSound;                    // the analysed frame being filled holds a non-zero sample
    private int frameCount, framesSeen;
    private final LoudnessMeter meter;

    private FloatList frameK = new FloatList(), frameMs = new FloatList();
    private final FloatList frameBands = new FloatList();   // per analysed frame, Bands.COUNT band powers
    private final double[] bandsOfFrame = new double[Bands.COUNT];
    private final FloatList shortLevels = new FloatList(), shortPeaks = new FloatList();
    private final OnsetEnvelope onsets;
    private final FloatList fineDetector = new FloatList(), fineEnergy = new FloatList(), fineMidPeak = new FloatList();
    private double fineDet, fineEn, fineMid;
    private int fineFill;
    private double shortAcc, shortPeak;
    private int subFill, shortFill;
    private final int shortLen;

    private double sumL2, sumR2, sumLR, peak;
    private double pitchWeighted, pitchWeight;
    private long totalFrames;

    private StemAnalyzer(int channels, double fs) {
        this.channels = channels;
        this.fs = fs;
        this.n = fs > 60000 ? 8192 : 4096;
        this.fft = new DoubleFFT_1D(n);
        this.window = new double[n];
        double wp = 0;
        for (int i = 0; i < n; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
            wp += window[i] * window[i];
        }
        this.windowPower = wp;
        this.frame = new double[2 * n];
        this.acf = new double[n];
        this.lags = new double[n];
        this.kWeight = new double[n / 2 + 1];
        // The meter's own K-weighting curve (core.meter.KWeighting), evaluated per bin for the spectral frames.
        var shelf = KWeighting.shelf(fs);
        var hp = KWeighting.highPass(fs);
        this.binBand = new int[n / 2 + 1];
        for (int k = 0; k <= n / 2; k++) {
            double f = Math.max(1, Math.min(k * fs / n, fs * 0.499));
            kWeight[k] = Math.pow(10, (shelf.magnitudeDb(f, fs) + hp.magnitudeDb(f, fs)) / 10);
            binBand[k] = Bands.indexOf(k * fs / n);
        }
        this.spectrumSum = new double[n / 2 + 1];
        this.lagMin = (int) Math.round(fs / 1000);
        this.lagMax = (int) Math.round(fs / 40);
        this.binLow = (int) Math.round(150 * n / fs);
        this.binSub = (int) Math.round(60 * n / fs);
        this.binHigh = (int) Math.round(5000 * n / fs);
        this.fifoL = new double[n];
        this.fifoR = new double[n];
        this.shortLen = n / 2;
        this.onsets = new OnsetEnvelope(channels, fs);
        this.meter = new LoudnessMeter(channels, fs, EnumSet.of(LoudnessMeter.Measure.INTEGRATED, LoudnessMeter.Measure.MOMENTARY));
    }

    /** Streams the stem once and returns its profile. */
    public static StemProfile analyze(StemSource stem) {
        var info = stem.info();
        StemAnalyzer a = new StemAnalyzer(info.channels(), info.sampleRate());
        try (AudioStreamReader r = stem.open()) {
            AudioBuffer block = AudioBuffer.allocate(info.channels(), 16384, info.sampleRate());
            int got;
            while ((got = r.read(block)) > 0) a.add(block, got);
        }
        return a.finish(stem.name());
    }

    private void add(AudioBuffer block, int frames) {
        block.setFrames(frames);
        meter.add(block);
        onsets.add(block);
        float[] l = block.channel(0), r = channels > 1 ? block.channel(1) : null;
        // Digital silence (most of a typical stem) adds exact zeros to every sum below: its loops are skipped.
        boolean silent = SampleScan.isSilent(l, frames) && (r == null || SampleScan.isSilent(r, frames));
        // Chunks end on onset-window boundaries (SUB divides the short window and the FFT frame, and all
        // three counters start together), so each chunk is one tight loop and the bookkeeping runs per chunk.
        int i = 0;
        while (i < frames) {
            int len = Math.min(FINE - fineFill, frames - i);
            double ll = 0, rr = 0, lr = 0, det;
            float pk = 0, mid = 0;
            if (silent) {
                det = 0;
            } else if (r != null) {
                double dd = 0;
                for (int j = i; j < i + len; j++) {
                    double x = l[j], y = r[j];
                    double x2 = x * x, y2 = y * y;
                    ll += x2;
                    rr += y2;
                    lr += x * y;
                    dd += Math.max(x2, y2);
                    pk = Math.max(pk, Math.max(Math.abs(l[j]), Math.abs(r[j])));
                    mid = Math.max(mid, Math.abs(l[j] + r[j]));
                }
                mid *= 0.5f;
                det = dd;
                sumL2 += ll;
                sumR2 += rr;
                sumLR += lr;
            } else {
                for (int j = i; j < i + len; j++) {
                    double x = l[j];
                    ll += x * x;
                    pk = Math.max(pk, Math.abs(l[j]));
                }
                det = ll;
                mid = pk;
            }
            double e = ll + rr;
            // The compressor's view of the stem: its detector input (the louder channel, squared) and the energy, per hop.
            fineDet += det;
            fineEn += e;
            fineMid = Math.max(fineMid, mid);
            fineFill += len;
            if (fineFill == FINE) {
                fineDetector.add((float) (fineDet / FINE));
                fineEnergy.add((float) (fineEn / FINE));
                fineMidPeak.add((float) fineMid);
                fineDet = 0;
                fineEn = 0;
                fineMid = 0;
                fineFill = 0;
            }
            if (pk > peak) peak = pk;
            shortAcc += e;
            if (pk > shortPeak) shortPeak = pk;
            subFill += len;
            shortFill += len;
            if (subFill == SUB) subFill = 0;
            if (shortFill == shortLen) {
                shortLevels.add((float) (10 * Math.log10(shortAcc / shortLen)));
                shortPeaks.add((float) (20 * Math.log10(shortPeak)));
                shortAcc = 0;
                shortPeak = 0;
                shortFill = 0;
            }
            boolean analysed = (framesSeen & 1) == 0;   // the spectrum is taken on every other frame
            if (analysed && !silent) {
                for (int j = 0; j < len; j++) {
                    fifoL[fifoFill + j] = l[i + j];
                    fifoR[fifoFill + j] = r == null ? 0 : r[i + j];
                }
                fifoHasSound = true;
            } else if (analysed) {
                Arrays.fill(fifoL, fifoFill, fifoFill + len, 0);
                Arrays.fill(fifoR, fifoFill, fifoFill + len, 0);
            }
            fifoFill += len;
            if (fifoFill == n) {
                if (analysed && fifoHasSound) analyseFrame();
                else if (analysed) silentFrame();
                framesSeen++;
                fifoFill = 0;
                fifoHasSound = false;
            }
            i += len;
        }
        totalFrames += frames;
    }

    private void analyseFrame() {
        for (int i = 0; i < n; i++) {
            frame[2 * i] = fifoL[i] * window[i];
            frame[2 * i + 1] = fifoR[i] * window[i];
        }
        fft.complexForward(frame);
        double ms = 0, msK = 0;
        Arrays.fill(bandsOfFrame, 0);
        // Power per bin of both channels: (|Z(k)|^2 + |Z(N-k)|^2) / 2, one-sided (bins 1..N/2-1 doubled).
        for (int k = 0; k <= n / 2; k++) {
            int j = (n - k) % n;
            double zk = frame[2 * k] * frame[2 * k] + frame[2 * k + 1] * frame[2 * k + 1];
            double zj = frame[2 * j] * frame[2 * j] + frame[2 * j + 1] * frame[2 * j + 1];
            double p = 0.5 * (zk + zj) * (k == 0 || k == n / 2 ? 1 : 2);
            acf[k] = p;
            spectrumSum[k] += p;
            if (binBand[k] >= 0) {
                bandSum[binBand[k]] += p;
                bandsOfFrame[binBand[k]] += p;
            }
            ms += p;
            msK += p * kWeight[k];
        }
        double norm = n * windowPower;
        frameMs.add((float) (ms / norm));
        frameK.add((float) (msK / norm));
        for (double b : bandsOfFrame) frameBands.add((float) (b / norm));
        if ((frameCount & 1) == 0 && ms > 0) pitchOf(ms);
        frameCount++;
    }

    /** An all-zero analysed frame: what {@link #analyseFrame} would record for it (zero power adds nothing), without the FFT. */
    private void silentFrame() {
        frameMs.add(0f);
        frameK.add(0f);
        for (int b = 0; b < Bands.COUNT; b++) frameBands.add(0f);
        frameCount++;
    }

    /** Autocorrelation as the inverse transform of the power spectrum (Wiener–Khinchin), band-limited to 60 Hz – 5 kHz. */
    private void pitchOf(double framePower) {
        int kLo = Math.max(1, (int) Math.round(60.0 * n / fs)), kHi = Math.min(n / 2, (int) Math.round(5000.0 * n / fs));
        double[] a = lags;
        Arrays.fill(a, 0);
        for (int k = kLo; k <= kHi; k++) {
            a[k == n / 2 ? 1 : 2 * k] = acf[k];
        }
        fft.realInverse(a, false);
        double r0 = a[0];
        if (!(r0 > 0)) return;
        double best = 0;
        for (int t = Math.max(2, lagMin); t < Math.min(lagMax, n / 2 - 1); t++) {
            if (a[t] > a[t - 1] && a[t] >= a[t + 1] && a[t] > best) best = a[t];
        }
        double weight = Math.sqrt(framePower);
        pitchWeighted += weight * Math.max(0, best / r0);
        pitchWeight += weight;
    }

    private StemProfile finish(String name) {
        double durationSeconds = totalFrames / fs;
        // Loudness: the meter's integrated loudness; the stem plays where a 400 ms block is within 20 LU of it.
        // A stem shorter than one 400 ms block (a one-shot) is padded with silence to one block and its
        // loudness scaled back to its own length.
        long block = Math.round(0.4 * fs);
        double shortCorrection = 0;
        if (totalFrames > 0 && totalFrames < block) {
            meter.add(AudioBuffer.allocate(channels, (int) (block - totalFrames), fs));
            shortCorrection = 10 * Math.log10((double) block / totalFrames);
        }
        float[] k = frameK.toArray();
        double[] blockLufs = meter.momentaryCurveLufs();
        blockLufs = blockLufs.length > 3 ? Arrays.copyOfRange(blockLufs, 3, blockLufs.length) : blockLufs;
        var integrated = meter.integratedLufs();
        Double loudness = integrated.isPresent() ? round(integrated.getAsDouble() + shortCorrection, 2) : null;
        double activeFraction = 0, activeMs = 0;
        double[] activity = new double[StemAnalysis.ACTIVITY_GATES_LU.length];
        int activeFrames = 0;
        if (loudness != null) {
            for (int g = 0; g < activity.length; g++) {
                int act = 0;
                for (double v : blockLufs) if (v >= loudness - StemAnalysis.ACTIVITY_GATES_LU[g]) act++;
                activity[g] = blockLufs.length == 0 ? 0 : round((double) act / blockLufs.length, 3);
            }
            int act = 0;
            for (double v : blockLufs) if (v >= loudness - 20) act++;
            activeFraction = blockLufs.length == 0 ? 0 : (double) act / blockLufs.length;
            float[] m = frameMs.toArray();
            for (int i = 0; i < k.length; i++) {
                double lk = k[i] > 0 ? -0.691 + 10 * Math.log10(k[i]) : Double.NEGATIVE_INFINITY;
                if (lk >= loudness - 20) { activeMs += m[i]; activeFrames++; }
            }
            activeMs = activeFrames == 0 ? 0 : activeMs / activeFrames;
        }
        double peakDb = 20 * Math.log10(peak);
        double crest = activeMs > 0 ? peakDb - 10 * Math.log10(activeMs / channels) : 0;   // per-channel RMS

        double total = 0, cent = 0, low = 0, sub = 0, high = 0;
        for (int b = 0; b < spectrumSum.length; b++) {
            double p = spectrumSum[b];
            total += p;
            cent += p * b * fs / n;
            if (b < binLow) low += p;
            if (b < binSub) sub += p;
            if (b >= binHigh) high += p;
        }
        double centroid = total > 0 ? cent / total : 0;
        // Onsets from core's onset envelope (the curve the tempo is estimated from): its rise over 17 ms, counted
        // where it reaches ONSET_RISE and is the largest within 50 ms. The envelope is relative to the stem's own
        // mean energy, so the count does not depend on the input gain.
        float[] curve = onsets.envelope();
        double onsetGap = Double.NaN;
        int onsetCount = 0;
        if (loudness != null) {
            int minGap = (int) Math.ceil(ONSET_MIN_GAP_SECONDS * onsets.frameRate());
            double[] rise = new double[curve.length];
            for (int i = 0; i < curve.length; i++) {
                rise[i] = curve[i] + (i > 0 ? curve[i - 1] : 0) + (i + 1 < curve.length ? curve[i + 1] : 0);
            }
            FloatList gaps = new FloatList();
            int last = -1;
            for (int i = 0; i < rise.length; i++) {
                if (rise[i] < ONSET_RISE) continue;
                boolean peak = true;
                for (int j = Math.max(0, i - minGap); j <= Math.min(rise.length - 1, i + minGap) && peak; j++) {
                    if (rise[j] > rise[i] || rise[j] == rise[i] && j < i) peak = false;
                }
                if (!peak) continue;
                if (last >= 0) gaps.add((float) ((i - last) / onsets.frameRate()));
                last = i;
                onsetCount++;
            }
            if (gaps.size() > 0) {
                float[] g = gaps.toArray();
                Arrays.sort(g);
                onsetGap = g[g.length / 2];
            }
        }
        double activeSeconds = Math.max(0.1, activeFraction * durationSeconds);
        double sumM2 = 0.25 * (sumL2 + 2 * sumLR + sumR2), sumS2 = 0.25 * (sumL2 - 2 * sumLR + sumR2);   // mid and side energy
        double width = sumM2 + sumS2 > 0 ? Math.max(0, sumS2) / (sumM2 + sumS2) : 0;
        double balance = sumR2 > 0 && sumL2 > 0 ? 10 * Math.log10(sumL2 / sumR2) : 0;
        StemAnalysis summary = new StemAnalysis(name, channels, fs, durationSeconds, loudness,
                round(peakDb, 2), round(crest, 2), round(activeFraction, 3),
                round(centroid, 1), ratio(low, total), ratio(sub, total), ratio(high, total),
                round(onsetCount / activeSeconds, 2), round(pitchWeight > 0 ? pitchWeighted / pitchWeight : 0, 3),
                round(width, 3), round(balance, 2), round(sustain(shortLevels.toArray()), 3), activity);
        double[] spectrum = new double[spectrumSum.length];
        for (int i = 0; i < spectrum.length; i++) spectrum[i] = frameCount > 0 ? spectrumSum[i] / frameCount : 0;
        float[] frameLufs = new float[k.length];
        for (int i = 0; i < k.length; i++) frameLufs[i] = k[i] > 0 ? (float) (-0.691 + 10 * Math.log10(k[i])) : Float.NEGATIVE_INFINITY;
        return new StemProfile(summary, bandSum.clone(), spectrum, fs / n, shortLevels.toArray(), shortPeaks.toArray(), onsetGap,
                new StemProfile.Envelope(FINE / fs, fineDetector.toArray(), fineEnergy.toArray(), fineMidPeak.toArray()), new OnsetCurve(curve, onsets.frameRate()),
                new StemProfile.Frames(2.0 * n / fs, frameLufs, frameBands.toArray()));
    }

    /** Share of the windows within 30 dB of the loudest that are within 6 dB of the 90th-percentile window. */
    static double sustain(float[] levels) {
        float[] v = levels.clone();
        Arrays.sort(v);
        if (v.length == 0 || !Float.isFinite(v[v.length - 1])) return 0;
        double top = v[v.length - 1];
        int from = 0;
        while (from < v.length && !(v[from] >= top - 30)) from++;
        int n = v.length - from;
        if (n == 0) return 0;
        double p90 = v[from + (int) (0.9 * (n - 1))];
        int near = 0;
        for (int i = from; i < v.length; i++) if (v[i] >= p90 - 6) near++;
        return (double) near / n;
    }

    private static double ratio(double part, double total) { return total > 0 ? round(part / total, 4) : 0; }

    static double round(double v, int digits) {
        if (!Double.isFinite(v)) return v;
        double s = Math.pow(10, digits);
        return Math.round(v * s) / s;
    }

    /** A growable float array (curves of a few thousand points). */
    static final class FloatList {
        private float[] a = new float[1024];
        private int size;

        void add(float v) {
            if (size == a.length) a = Arrays.copyOf(a, size * 2);
            a[size++] = v;
        }

        int size() { return size; }

        float[] toArray() { return Arrays.copyOf(a, size); }
    }
}
