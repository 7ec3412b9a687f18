package dev.groundwork.master;

import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.dsp.BiquadCascade;
import dev.groundwork.core.dsp.Biquad;
import dev.groundwork.core.dsp.BiquadDesign;
import dev.groundwork.master.analysis.SpectrumAccumulator;
import dev.groundwork.master.analysis.TonalProfile;
import dev.groundwork.master.plan.EqBand;
import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The tonal stage reads deviations in the units it corrects them in, the same way at every rate. */
class TonalReadingTest {

    /** Stereo pink noise (power per Hz ∝ 1/f from 10 Hz up), shaped exactly in the frequency domain; 2^21 frames. */
    static AudioBuffer pink(double rate, long seed) {
        int n = 1 << 21;
        AudioBuffer out = AudioBuffer.allocate(2, n, rate);
        Random rnd = new Random(seed);
        DoubleFFT_1D fft = new DoubleFFT_1D(n);
        for (int c = 0; c < 2; c++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) x[i] = rnd.nextGaussian();
            fft.realForward(x);
            x[0] = 0;
            x[1] = 0;
            for (int k = 1; k < n / 2; k++) {
                double f = k * rate / n, g = f < 10 ? 0 : 1 / Math.sqrt(f);
                x[2 * k] *= g;
                x[2 * k + 1] *= g;
            }
            fft.realInverse(x, true);
            double peak = 0;
            for (double v : x) peak = Math.max(peak, Math.abs(v));
            float[] y = out.channel(c);
            for (int i = 0; i < n; i++) y[i] = (float) (0.25 * x[i] / peak);
        }
        return out;
    }

    static AudioBuffer filtered(AudioBuffer in, Biquad.Coefficients c) {
        BiquadCascade f = new BiquadCascade(new Biquad.Coefficients[]{c}, in.channels());
        AudioBuffer out = AudioBuffer.allocate(in.channels(), in.frames(), in.sampleRate());
        for (int ch = 0; ch < in.channels(); ch++) {
            System.arraycopy(in.channel(ch), 0, out.channel(ch), 0, in.frames());
            f.process(ch, out.channel(ch), 0, in.frames());
        }
        return out;
    }

    static TonalProfile profile(AudioBuffer a) {
        SpectrumAccumulator s = new SpectrumAccumulator(a.channels(), a.sampleRate());
        s.add(a);
        return s.profile();
    }

    /** A flat (pink) target with the neutral curve's spread, so the weights are the real ones. */
    static TonalProfile flatTarget() {
        int n = TonalProfile.CENTRES_HZ.length;
        return new TonalProfile(TonalProfile.CENTRES_HZ.clone(), new double[n], new double[n], TonalProfile.neutralTarget().midSpreadDb());
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {44100, 48000, 96000})
    void pinkNoiseMeasuresFlatInEveryThirdOctaveBandAtEveryRate(double rate) {
        TonalProfile p = profile(pink(rate, 3));
        for (int b = 0; b < p.bandHz().length; b++) {
            if (p.bandHz()[b] < 30) continue; // 25 Hz holds one or two FFT bins: too few for a tight bound
            assertEquals(0, p.midDb()[b], 1.0, "band " + Math.round(p.bandHz()[b]) + " Hz");
        }
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {44100, 48000, 96000})
    void pinkNoiseAgainstAFlatTargetReadsAboutZeroForEveryEqBand(double rate) {
        Planner.Reading r = Planner.readMid(profile(pink(rate, 4)), flatTarget(), rate, rate * 0.42);
        for (double g : r.gainDb()) assertEquals(0, g, 0.5, "reading " + java.util.Arrays.toString(r.gainDb()));
        assertEquals(0, r.offsetDb(), 0.5);
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {44100, 48000})
    void aSixDbShelfIsReadAsAboutSixDbAndTheOtherBandsStayNearZero(double rate) {
        AudioBuffer noise = pink(rate, 5);
        Planner.Reading high = Planner.readMid(profile(filtered(noise, BiquadDesign.highShelf(rate, 10_000, 0.7, 6))), flatTarget(), rate, rate * 0.42);
        assertEquals(6, high.gainDb()[7], 0.8, "high shelf: " + java.util.Arrays.toString(high.gainDb()));
        for (int j = 0; j < 6; j++) assertEquals(0, high.gainDb()[j], 1.0, "band " + j + ": " + java.util.Arrays.toString(high.gainDb()));

        Planner.Reading low = Planner.readMid(profile(filtered(noise, BiquadDesign.lowShelf(rate, 60, 0.7, 6))), flatTarget(), rate, rate * 0.42);
        assertEquals(6, low.gainDb()[0], 0.8, "low shelf: " + java.util.Arrays.toString(low.gainDb()));
        for (int j = 2; j < 8; j++) assertEquals(0, low.gainDb()[j], 1.0, "band " + j + ": " + java.util.Arrays.toString(low.gainDb()));
    }

    @Test
    void aMixWithALowMidrangeIsNotReadAsBassAndTrebleFarAboveTheTarget() {
        // pink noise with the 250 Hz – 2 kHz region 6 dB down: relative to its own 200 Hz – 5 kHz mean, its bass and
        // treble sit about +4 dB high, but what is really off is the midrange
        double rate = 44100;
        AudioBuffer scooped = pink(rate, 6);
        for (double hz : new double[]{250, 500, 1000, 2000}) scooped = filtered(scooped, BiquadDesign.peaking(rate, hz, 1.0, -3));
        Planner.Reading r = Planner.readMid(profile(scooped), flatTarget(), rate, rate * 0.42);
        assertTrue(Math.abs(r.gainDb()[0]) < 2 && Math.abs(r.gainDb()[7]) < 2, "shelves read near zero: " + java.util.Arrays.toString(r.gainDb()));
        for (int j = 2; j <= 5; j++) assertTrue(r.gainDb()[j] < -2, "midrange bands read low: " + java.util.Arrays.toString(r.gainDb()));
    }

    @Test
    void theTonalStageProposesHalfTheCorrectionAtTheDefaultAmountWithinTheCaps() {
        double rate = 44100;
        AudioBuffer bright = filtered(pink(rate, 7), BiquadDesign.highShelf(rate, 10_000, 0.7, 4));
        var a = new dev.groundwork.master.analysis.Analyzer(2, rate);
        a.add(bright);
        MasterSettings s = MasterSettings.defaults().withReference(flatTarget(), "flat");
        EqBand shelf = Planner.tonal(a.result(), s).mid().get(7);
        double share = 0.5 * Character.TRANSPARENT.eqScale; // 50 % amount, scaled by the default character
        assertEquals(-4 * share, shelf.gainDb(), 0.4, "half of a +4 dB deviation, times the character's scale");

        AudioBuffer veryBright = filtered(pink(rate, 7), BiquadDesign.highShelf(rate, 10_000, 0.7, 12));
        a = new dev.groundwork.master.analysis.Analyzer(2, rate);
        a.add(veryBright);
        assertEquals(-Planner.MAX_EQ_DB, Planner.tonal(a.result(), s).mid().get(7).gainDb(), 1e-9, "capped");
    }
}
