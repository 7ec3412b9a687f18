package dev.groundwork.master;

import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.audio.AudioFiles;
import dev.groundwork.core.audio.OutputFormat;
import dev.groundwork.core.json.Json;
import dev.groundwork.core.progress.ProgressListener;
import dev.groundwork.master.analysis.BandDynamics;
import dev.groundwork.master.plan.MasteringPlan;
import dev.groundwork.master.plan.MultibandStage;
import dev.groundwork.master.render.AudioOutput;
import dev.groundwork.master.render.AudioSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class MultibandStageTest {

    /** Steady pads and hats, with a bass line that comes and goes: only the low band jumps. */
    static AudioBuffer boomingBass(double seconds, double rate) {
        AudioBuffer a = Music.pads(seconds, rate, 2);
        Random rnd = new Random(4);
        double hat = 0;
        for (int i = 0; i < a.frames(); i++) {
            double t = i / rate, inBar = t % 2;
            double bass = inBar < 0.5 ? 0.6 * Math.sin(2 * Math.PI * 55 * t) * Math.min(1, (0.5 - inBar) * 40) : 0;
            hat = rnd.nextGaussian() - 0.85 * hat;
            for (int c = 0; c < 2; c++) a.channel(c)[i] = (float) (0.6 * a.channel(c)[i] + bass + 0.02 * hat);
        }
        return a;
    }

    @Test
    void aJumpingBandIsCompressedMoreThanSteadyOnesAndTheReasonsSaySo() {
        AudioBuffer in = Music.atLoudness(boomingBass(20, 44100), -18);
        MasterResult r = MasteringTest.master(in, MasterSettings.defaults().withMultiband(true).withIntensity(80).withBits("32f"), new AudioOutput.Memory());
        MultibandStage m = r.plan().stages().dynamics().multiband();
        assertNotNull(m);
        assertTrue(m.enabled(), m.reason());
        BandDynamics low = m.bands().get(0), mid = m.bands().get(1);
        assertTrue(low.crestDb() > mid.crestDb() + 2, "the bass jumps, the pads do not: " + m.bands());
        assertTrue(m.settings().low().ratio() > m.settings().mid().ratio(), m.reason());
        assertTrue(m.reason().contains("mid steady"), m.reason());
        var gr = r.gainReduction().multibandMaxDb();
        assertEquals(3, gr.size());
        assertTrue(gr.get(0) > 0.5 && gr.get(1) < 0.05, "the bass band works, the steady mid band does not: " + gr);
        assertEquals(-14, r.plan().stages().loudness().expectedLufs(), 0.1);
    }

    @Test
    void sparseMaterialGetsNoMultibandSoNothingPumps() {
        // a lone plucked note every eight seconds over a faint bed
        int rate = 44100, n = rate * 40;
        AudioBuffer in = AudioBuffer.allocate(2, n, rate);
        for (int i = 0; i < n; i++) {
            double t = (double) i / rate, tb = t % 8;
            float v = (float) (0.5 * Math.exp(-tb * 6) * Math.sin(2 * Math.PI * 196 * t) + 0.003 * Math.sin(2 * Math.PI * 330 * t));
            in.channel(0)[i] = v;
            in.channel(1)[i] = v;
        }
        MasterResult r = MasteringTest.master(in, MasterSettings.defaults().withMultiband(true).withBits("32f"), new AudioOutput.Memory());
        MultibandStage m = r.plan().stages().dynamics().multiband();
        assertFalse(m.enabled(), m.reason() + " | " + r.plan().stages().dynamics().reason() + " | sparseness " + r.plan().input().sparseness());
        assertTrue(m.reason().contains("sparse"), m.reason());
    }

    @Test
    void withoutTheOptionOrACharacterThatUsesItThereIsNoMultibandStage() {
        AudioBuffer in = Music.atLoudness(Music.song(8, 44100, 2, 1), -18);
        assertNull(MasteringTest.master(in, MasterSettings.defaults().withBits("32f"), new AudioOutput.Memory()).plan().stages().dynamics().multiband());
        MultibandStage loud = MasteringTest.master(in, MasterSettings.defaults().withCharacter(Character.LOUD).withBits("32f"), new AudioOutput.Memory())
                .plan().stages().dynamics().multiband();
        assertTrue(loud.enabled() && loud.reason().startsWith("loud character"), loud.reason());
    }

    @Test
    void aMultibandPlanSurvivesPlanAndFromPlanByteForByte(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("in.wav");
        AudioFiles.write(input, Music.atLoudness(boomingBass(12, 48000), -20), OutputFormat.wav(OutputFormat.Encoding.PCM24));
        Path first = dir.resolve("first.wav"), second = dir.resolve("second.wav"), planFile = dir.resolve("plan.json");
        MasterResult r = Mastering.master(AudioSource.of(input), MasterSettings.defaults().withMultiband(true).withIntensity(70),
                AudioOutput.toFile(first), ProgressListener.NONE);
        assertTrue(r.plan().stages().dynamics().multibandEnabled());
        Json.write(planFile, r.plan());
        MasteringPlan reread = Json.read(planFile, MasteringPlan.class);
        assertEquals(r.plan().stages().dynamics(), reread.stages().dynamics());
        Mastering.render(AudioSource.of(input), reread, AudioOutput.toFile(second), ProgressListener.NONE);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }
}
