package dev.groundwork.master;

import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.audio.AudioFiles;
import dev.groundwork.core.audio.OutputFormat;
import dev.groundwork.core.dsp.TruePeakLimiter;
import dev.groundwork.core.json.Json;
import dev.groundwork.core.progress.ProgressListener;
import dev.groundwork.master.analysis.Analyzer;
import dev.groundwork.master.analysis.TonalProfile;
import dev.groundwork.master.plan.LoudnessStage;
import dev.groundwork.master.plan.MasteringPlan;
import dev.groundwork.master.plan.Warning;
import dev.groundwork.master.render.AudioOutput;
import dev.groundwork.master.render.AudioSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class MasteringTest {

    static MasterResult master(AudioBuffer in, MasterSettings s, AudioOutput.Memory out) {
        return Mastering.master(AudioSource.of(in, "song"), s, out, ProgressListener.NONE);
    }

    @ParameterizedTest(name = "{0} LUFS, {1} Hz, {2} ch, target {3}")
    @CsvSource({
            "-30, 44100, 2, spotify",
            "-22, 48000, 1, spotify",
            "-14, 96000, 2, apple",
            "-9, 44100, 2, ebu",
            "-6, 48000, 2, spotify",
            "-18, 44100, 2, club"})
    void outputLoudnessLandsWithinATenthOfALuOfTheTargetAndTruePeakStaysUnderTheCeiling(double lufs, double rate, int channels, String preset) {
        AudioBuffer in = Music.atLoudness(Music.song(16, rate, channels, 7), lufs);
        Target t = Target.of(preset);
        AudioOutput.Memory out = new AudioOutput.Memory();
        MasterResult r = master(in, MasterSettings.defaults().withTarget(t).withBits("32f"), out);
        double measured = Music.integrated(out.audio());
        double tp = Music.truePeak(out.audio());
        boolean reached = r.plan().warnings().stream().noneMatch(w -> w.code().equals(Warning.Codes.TARGET_NOT_REACHED));
        assertTrue(reached, "target should be reachable: " + r.plan().warnings());
        assertEquals(t.lufs(), measured, 0.1, "integrated loudness");
        assertTrue(tp <= t.ceilingDbtp() + 1e-6, "true peak " + tp + " over " + t.ceilingDbtp());
        assertEquals(in.frames(), out.audio().frames(), "length is kept");
        assertEquals(measured, r.plan().stages().loudness().expectedLufs(), 0.01, "the plan reports what the output measures");
    }

    @Test
    void materialAlreadyAtTheTargetPassesAlmostUnchanged() {
        AudioBuffer in = Music.atLoudness(Music.pads(20, 44100, 3), -14);
        assertTrue(Music.truePeak(in) < -2, "test signal must already respect the ceiling");
        MasterSettings s = MasterSettings.defaults().withEqAmount(0).withIntensity(20).withBits("32f");
        AudioOutput.Memory out = new AudioOutput.Memory();
        MasterResult r = master(in, s, out);
        assertEquals(0.0, r.plan().stages().loudness().gainDb(), 0.15, "gain");
        assertEquals(0.0, r.gainReduction().limiterMaxDb(), 0.01, "limiter idle");
        assertEquals(-14.0, Music.integrated(out.audio()), 0.1);
        // the only change is the 20 Hz high-pass: spectra of input and output agree band by band
        TonalProfile before = profile(in), after = profile(out.audio());
        for (int b = 0; b < before.bandHz().length; b++) {
            if (before.bandHz()[b] < 40 || before.bandHz()[b] > 16000) continue;
            assertEquals(before.midDb()[b], after.midDb()[b], 0.2, "mid band " + before.bandHz()[b] + " Hz; " + r.plan().stages());
        }
        assertEquals(Music.truePeak(in), Music.truePeak(out.audio()), 0.3, "true peak");
    }

    /**
     * Noise whose mid and side spectra follow the neutral target exactly, at -14 LUFS: a master that already sits on
     * the target in loudness and tone. With default settings it must come out nearly as it went in.
     */
    @Test
    void materialAlreadyOnTheTargetCurveAndLoudnessPassesWithSmallChangesAtDefaultSettings() {
        double rate = 44100;
        int n = 1 << 20;
        TonalProfile t = TonalProfile.neutralTarget();
        double[] mid = shapedNoise(n, rate, 21, f -> t.midAt(f)), side = shapedNoise(n, rate, 22, f -> t.midAt(f) + t.sideAt(f));
        AudioBuffer in = AudioBuffer.allocate(2, n, rate);
        for (int i = 0; i < n; i++) {
            in.channel(0)[i] = (float) (mid[i] + side[i]);
            in.channel(1)[i] = (float) (mid[i] - side[i]);
        }
        in = Music.atLoudness(in, -14);
        AudioOutput.Memory out = new AudioOutput.Memory();
        MasterResult r = master(in, MasterSettings.defaults().withBits("32f"), out);
        double maxEq = 0;
        for (var b : r.plan().stages().tonalBalance().mid()) maxEq = Math.max(maxEq, Math.abs(b.gainDb()));
        for (var b : r.plan().stages().tonalBalance().side()) maxEq = Math.max(maxEq, Math.abs(b.gainDb()));
        TonalProfile before = profile(in), after = profile(out.audio());
        double maxBand = 0;
        for (int b = 0; b < before.bandHz().length; b++) {
            if (before.bandHz()[b] >= 40) maxBand = Math.max(maxBand, Math.abs(after.midDb()[b] - before.midDb()[b]));
        }
        double gain = r.plan().stages().loudness().gainDb();
        System.out.printf("already on target: loudness gain %+.2f dB, largest EQ move %.1f dB, largest band change %.2f dB, "
                        + "glue max %.2f dB, limiter max %.2f dB, LRA %.2f -> %.2f LU%n", gain, maxEq, maxBand,
                r.gainReduction().compressorMaxDb(), r.gainReduction().limiterMaxDb(), r.plan().input().loudnessRangeLu(),
                r.output().report().loudnessRangeLu());
        assertTrue(maxEq <= 0.5, "EQ nearly flat: " + r.plan().stages().tonalBalance().reason());
        assertTrue(maxBand <= 0.75, "spectrum kept band by band: " + maxBand);
        assertEquals(0, gain, 1.0, "loudness gain");
        assertEquals(-14, Music.integrated(out.audio()), 0.1);
    }

    /** Gaussian noise shaped so its third-octave levels follow {@code db(f)} (pink base: 1/f power). */
    static double[] shapedNoise(int n, double rate, long seed, java.util.function.DoubleUnaryOperator db) {
        Random rnd = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = rnd.nextGaussian();
        org.jtransforms.fft.DoubleFFT_1D fft = new org.jtransforms.fft.DoubleFFT_1D(n);
        fft.realForward(x);
        x[0] = 0;
        x[1] = 0;
        for (int k = 1; k < n / 2; k++) {
            double f = k * rate / n, g = f < 20 ? 0 : Math.pow(10, db.applyAsDouble(f) / 20) / Math.sqrt(f);
            x[2 * k] *= g;
            x[2 * k + 1] *= g;
        }
        fft.realInverse(x, true);
        return x;
    }

    static TonalProfile profile(AudioBuffer a) {
        Analyzer an = new Analyzer(a.channels(), a.sampleRate());
        an.add(a);
        return an.result().tonal();
    }

    /** Leaving the band spectra out (nothing shows them) changes no decision and no sample, only the reports' band lists. */
    @Test
    void anInspectionWithoutSpectraGivesTheSamePlanAndSamplesAndReportsNoBands() {
        AudioBuffer in = Music.atLoudness(Music.song(12, 44100, 2, 5), -20);
        AudioSource src = AudioSource.of(in, "song");
        MasterSettings s = MasterSettings.defaults().withBits("32f");
        AudioOutput.Memory full = new AudioOutput.Memory(), lean = new AudioOutput.Memory();
        MasterResult a = Mastering.master(src, Mastering.inspect(src, true, ProgressListener.NONE), s, full, ProgressListener.NONE);
        MasterResult b = Mastering.master(src, Mastering.inspect(src, false, ProgressListener.NONE), s, lean, ProgressListener.NONE);
        assertEquals(Json.write(a.plan()), Json.write(b.plan()));
        for (int c = 0; c < 2; c++) assertArrayEquals(full.audio().channel(c), lean.audio().channel(c));
        assertFalse(a.input().report().spectrum().isEmpty());
        assertFalse(a.output().report().spectrum().isEmpty());
        assertTrue(b.input().report().spectrum().isEmpty());
        assertTrue(b.output().report().spectrum().isEmpty());
        assertEquals(a.output().report().truePeakDbtp(), b.output().report().truePeakDbtp());
        assertEquals(a.output().report().integratedLufs(), b.output().report().integratedLufs());
    }

    /** Before: the settings allowed 8000..384000 Hz, the CLI and the file writers 8000 to 192000 (whole Hz). */
    @Test
    void theOutputRateRangeIsTheOneTheWritersAccept() {
        assertEquals(192000, MasterSettings.defaults().withOutputRate(192000).outputRate());
        assertEquals(8000, MasterSettings.defaults().withOutputRate(8000).outputRate());
        for (double bad : new double[]{384000, 192001, 44100.5, 7999}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MasterSettings.defaults().withOutputRate(bad));
            assertTrue(e.getMessage().startsWith("--rate must be a whole number of Hz from 8000 to 192000"), e.getMessage());
            assertEquals(MasterSettings.outputRateProblem(bad), e.getMessage()); // the CLI's --rate check says the same
            // a plan read back (or edited) is held to the same range
            IllegalArgumentException plan = assertThrows(IllegalArgumentException.class, () -> new dev.groundwork.master.plan.DeliverStage(bad, "24", "edited"));
            assertEquals("delivery rate must be a whole number of Hz from 8000 to 192000, not " + bad, plan.getMessage());
        }
        assertEquals(192000, new dev.groundwork.master.plan.DeliverStage(192000, "24", "edited").sampleRateHz());
        assertNull(MasterSettings.outputRateProblem(44100));
        assertEquals("--rate must be a whole number of Hz from 8000 to 192000, not 384000", MasterSettings.outputRateProblem(384000));
        assertEquals("--rate must be a whole number of Hz from 8000 to 192000, not Infinity", MasterSettings.outputRateProblem(Double.POSITIVE_INFINITY));
    }

    @Test
    void silenceIsAClearErrorNotInfiniteGain() {
        AudioBuffer silence = AudioBuffer.allocate(2, 44100 * 5, 44100);
        MasteringException e = assertThrows(MasteringException.class, () -> master(silence, MasterSettings.defaults(), new AudioOutput.Memory()));
        assertTrue(e.getMessage().contains("silent"), e.getMessage());

        AudioBuffer hiss = AudioBuffer.allocate(2, 44100 * 5, 44100);
        Random rnd = new Random(1);
        for (int c = 0; c < 2; c++) for (int i = 0; i < hiss.frames(); i++) hiss.channel(c)[i] = (float) (5e-4 * rnd.nextGaussian());
        e = assertThrows(MasteringException.class, () -> master(hiss, MasterSettings.defaults(), new AudioOutput.Memory()));
        assertTrue(e.getMessage().contains("nearly silent"), e.getMessage());
    }

    @Test
    void theSameInputAndSavedPlanGiveByteIdenticalFilesAndTheInputIsNeverTouched(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("in.wav");
        AudioFiles.write(input, Music.atLoudness(Music.song(8, 44100, 2, 11), -20), OutputFormat.wav(OutputFormat.Encoding.PCM24));
        byte[] inputBytes = Files.readAllBytes(input);
        Path first = dir.resolve("first.wav"), second = dir.resolve("second.wav"), planFile = dir.resolve("plan.json");
        MasterResult r = Mastering.master(AudioSource.of(input), MasterSettings.defaults().withBits("16"), AudioOutput.toFile(first), ProgressListener.NONE);
        Json.write(planFile, r.plan());
        MasteringPlan reread = Json.read(planFile, MasteringPlan.class);
        assertEquals(r.plan().stages(), reread.stages().withLoudness(reread.stages().loudness()));
        Mastering.render(AudioSource.of(input), reread, AudioOutput.toFile(second), ProgressListener.NONE);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        assertArrayEquals(inputBytes, Files.readAllBytes(input), "input untouched");
    }

    @Test
    void anEditedPlanWhoseOutputWouldCrossTheCeilingIsTrimmedOnReplayAndSaysSo() {
        AudioBuffer in = Music.atLoudness(Music.song(10, 44100, 2, 3), -18);
        MasteringPlan plan = master(in, MasterSettings.defaults().withBits("32f"), new AudioOutput.Memory()).plan();
        // the producer pushes the gain up and sets the limiter's ceiling to 0 dBTP, above the plan's -1 dBTP target
        LoudnessStage l = plan.stages().loudness();
        LoudnessStage edited = new LoudnessStage(l.gainDb() + 4, new TruePeakLimiter.Settings(0, l.limiter().lookaheadMs(), l.limiter().releaseMs()),
                0, l.expectedLufs(), l.expectedTruePeakDbtp(), l.limiterLossLu(), l.reason());
        MasteringPlan hot = plan.withStages(plan.stages().withLoudness(edited));

        AudioOutput.Memory out = new AudioOutput.Memory();
        MasterResult r = Mastering.render(AudioSource.of(in, "song"), hot, out, ProgressListener.NONE);
        double accurate = Music.accurateTruePeak(out.audio());
        assertTrue(accurate <= -1.0, "×16 true peak " + accurate + " dBTP over the plan's -1 dBTP ceiling");
        assertTrue(accurate > -1.2, "trimmed just enough, not more: " + accurate);
        double trim = r.plan().stages().loudness().trimDb();
        assertTrue(trim <= -1.0 && trim > -2, "the returned plan carries the trim: " + trim);
        assertTrue(r.plan().warnings().stream().anyMatch(w -> w.code().equals(Warning.Codes.CEILING_TRIM) && w.message().contains("plan")),
                r.plan().warnings().toString());

        // the unedited plan passed the check when it was made: it replays without a new trim
        MasterResult same = Mastering.render(AudioSource.of(in, "song"), plan, new AudioOutput.Memory(), ProgressListener.NONE);
        assertEquals(plan.stages().loudness().trimDb(), same.plan().stages().loudness().trimDb());
        assertEquals(plan.warnings(), same.plan().warnings());
    }

    @Test
    void aQuietDynamicPieceAskedForClubLoudnessStopsAtASafeLimitAndSaysSo() {
        // sparse hits over a quiet bed: -30 LUFS with peaks near full scale (PLR > 25 dB)
        int rate = 44100, n = rate * 20;
        AudioBuffer in = AudioBuffer.allocate(2, n, rate);
        Random rnd = new Random(5);
        for (int i = 0; i < n; i++) {
            double t = (double) i / rate, tb = t % 2.0;
            double hit = 0.9 * Math.exp(-tb * 30) * Math.sin(2 * Math.PI * 80 * tb);
            double bed = 0.004 * Math.sin(2 * Math.PI * 330 * t) + 0.001 * rnd.nextGaussian();
            in.channel(0)[i] = (float) (hit + bed);
            in.channel(1)[i] = (float) (hit + bed);
        }
        Target club = Target.custom(-8, -1);
        AudioOutput.Memory out = new AudioOutput.Memory();
        MasterResult r = master(in, MasterSettings.defaults().withTarget(club).withBits("32f"), out);
        assertTrue(r.plan().warnings().stream().anyMatch(w -> w.code().equals(Warning.Codes.TARGET_NOT_REACHED)), r.plan().warnings().toString());
        double measured = Music.integrated(out.audio());
        assertTrue(measured < -9, "stopped short of -8: " + measured);
        assertEquals(r.plan().stages().loudness().expectedLufs(), measured, 0.1, "reports what it did");
        assertTrue(r.plan().stages().loudness().limiterLossLu() <= MasterSettings.defaults().withTarget(club).limiterAllowanceLu() + 0.3);
        assertTrue(Music.truePeak(out.audio()) <= -1 + 1e-6);
    }

    @Test
    void everyPresetHasTheDocumentedNumbers() {
        double[][] expected = {{-14, -1}, {-16, -1}, {-14, -1}, {-14, -2}, {-14, -1}, {-15, -1}, {-9, -0.3}, {-16, -1}, {-23, -1}};
        String[] names = {"spotify", "apple", "youtube", "amazon", "tidal", "deezer", "club", "aes", "ebu"};
        for (int i = 0; i < names.length; i++) {
            Target t = Target.of(names[i]);
            assertEquals(expected[i][0], t.lufs(), names[i]);
            assertEquals(expected[i][1], t.ceilingDbtp(), names[i]);
            assertEquals(names[i], t.preset());
        }
        assertEquals(Target.of("spotify"), Target.DEFAULT);
        assertThrows(IllegalArgumentException.class, () -> Target.of("myspace"));
    }

    /**
     * A song with bursts of hard-clipped high sines (0.23–0.45·fs, phases that put crests between samples):
     * their continuous waveform peaks up to 3 dB over the samples, where a ×4 interpolator under-reads.
     */
    @Test
    void interSamplePeaksNearNyquistStayUnderTheCeilingByAnAccurateX16Estimate() {
        double rate = 44_100;
        AudioBuffer in = Music.song(12, rate, 2, 5);
        Random rnd = new Random(9);
        for (int burst = 0; burst < 40; burst++) {
            int start = (int) (rate * (0.2 + 11.5 * burst / 40.0));
            double hz = rate * (0.23 + 0.22 * rnd.nextDouble()), phase = 2 * Math.PI * rnd.nextDouble();
            for (int c = 0; c < 2; c++) {
                float[] x = in.channel(c);
                for (int i = 0; i < 2000; i++) {
                    double v = 1.6 * Math.sin(2 * Math.PI * hz * i / rate + phase + c);
                    x[start + i] += (float) (0.5 * Math.max(-1, Math.min(1, v)));
                }
            }
        }
        in = Music.atLoudness(in, -20);
        AudioOutput.Memory out = new AudioOutput.Memory();
        master(in, MasterSettings.defaults().withBits("32f"), out);
        double accurate = Music.accurateTruePeak(out.audio());
        System.out.printf("inter-sample test: ×4 meter %.3f dBTP, ×16 %.3f dBTP, %.3f LUFS%n", Music.truePeak(out.audio()), accurate, Music.integrated(out.audio()));
        assertTrue(accurate <= -1.0, "×16 true peak " + accurate + " dBTP over the −1 dBTP ceiling");
        assertEquals(-14, Music.integrated(out.audio()), 0.1);
    }
}
