package dev.groundwork.session.beat;

import dev.groundwork.beat.BeatMaker;
import dev.groundwork.beat.plan.BeatPlan;
import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.audio.AudioFiles;
import dev.groundwork.core.json.Json;
import dev.groundwork.core.meter.LoudnessMeter;
import dev.groundwork.core.midi.MidiFiles;
import dev.groundwork.core.progress.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class BeatJobTest {
    @Test
    void aBeatIsWrittenAsMasterMidiPlanAndStemsThatSumToTheMix(@TempDir Path dir) throws Exception {
        BeatPlan plan = BeatMaker.compose("dark trap 140 bpm F minor 4 bars", 3);
        BeatOutput out = BeatJob.run(plan, dir, ProgressListener.NONE);
        for (String f : out.files()) assertTrue(Files.size(dir.resolve(f)) > 0, f);
        assertEquals(plan.parts().size() + 3, out.files().size());

        AudioBuffer master = AudioFiles.read(dir.resolve("beat.wav"));
        assertEquals(plan.totalFrames(), master.frames(), "exactly bars x bar duration");
        LoudnessMeter m = new LoudnessMeter(2, master.sampleRate());
        m.add(master);
        assertTrue(m.truePeakDbtp() <= BeatJob.CEILING_DBTP + 0.05, "true peak " + m.truePeakDbtp());
        assertTrue(m.integratedLufs().getAsDouble() <= BeatJob.TARGET_LUFS + 0.3, "loudness " + m.integratedLufs());
        assertTrue(m.integratedLufs().getAsDouble() >= BeatJob.TARGET_LUFS - 3, "loudness " + m.integratedLufs());

        AudioBuffer mix = BeatMaker.render(plan, ProgressListener.NONE).mix();
        double[][] sum = new double[2][mix.frames()];
        for (String part : out.parts()) {
            AudioBuffer s = AudioFiles.read(dir.resolve("stems").resolve(part + ".wav"));
            for (int c = 0; c < 2; c++) for (int i = 0; i < mix.frames(); i++) sum[c][i] += s.channel(c)[i];
        }
        double errPow = 0, mixPow = 0;
        for (int c = 0; c < 2; c++) for (int i = 0; i < mix.frames(); i++) {
            double e = sum[c][i] - mix.channel(c)[i];
            errPow += e * e;
            mixPow += mix.channel(c)[i] * (double) mix.channel(c)[i];
        }
        double errDb = 10 * Math.log10(errPow / mixPow);
        assertTrue(errDb < -60, "stems sum to the unmastered mix within " + errDb + " dB");

        assertEquals(140.0, MidiFiles.read(dir.resolve("beat.mid")).tempoBpm(), 1e-3);
        assertEquals(Json.write(plan), Files.readString(dir.resolve("beat.json")));
    }

    @Test
    void theSamePlanGivesByteIdenticalFiles(@TempDir Path dir) throws Exception {
        BeatPlan a = BeatMaker.compose("boom bap 90 bpm 2 bars", 9), b = BeatMaker.compose("boom bap 90 bpm 2 bars", 9);
        BeatOutput x = BeatJob.run(a, dir.resolve("a"), ProgressListener.NONE);
        BeatJob.run(b, dir.resolve("b"), ProgressListener.NONE);
        for (String f : x.files()) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)), f);
        }
    }
}
