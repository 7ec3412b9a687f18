package dev.groundwork.mix;

import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.json.Json;
import dev.groundwork.core.progress.ProgressListener;
import dev.groundwork.mix.plan.MixBusPlan;
import dev.groundwork.mix.plan.MixPlan;
import dev.groundwork.mix.plan.MixPlanner;
import dev.groundwork.mix.plan.StemPlan;
import dev.groundwork.mix.render.MixRenderer;
import dev.groundwork.mix.stems.StemSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mix bus's activity gate is a plan decision: an edited value read back from the plan moves the trim and the render. */
class MixBusGateTest {
    private static double rms(AudioBuffer a) {
        double e = 0;
        for (int c = 0; c < a.channels(); c++) for (float v : a.channel(c)) e += v * (double) v;
        return Math.sqrt(e / (a.channels() * (double) a.frames()));
    }

    @Test
    void anEditedGateReDerivesTheTrimAndTheRenderFollowsIt(@TempDir Path dir) throws Exception {
        List<StemSource> band = SyntheticStems.band(10);
        MixPlan plan = AutoMix.propose(AutoMix.analyze(band, ProgressListener.NONE), MixSettings.defaults());
        assertEquals(20, plan.mixBus().activityGateLu());
        // Read back unedited: the same plan object, so the same bytes.
        Path file = dir.resolve("mix.json");
        Json.write(file, plan);
        MixPlan same = Json.read(file, MixPlan.class);
        assertSame(same, MixPlanner.followMixBus(same));

        // Gate edited to 10 LU: the quiet tails no longer count as playing, each stem weighs its share at 10 LU.
        Files.writeString(file, Files.readString(file).replace("\"activity_gate_lu\" : 20.0", "\"activity_gate_lu\" : 10.0"));
        MixPlan edited = MixPlanner.followMixBus(Json.read(file, MixPlan.class));
        MixBusPlan bus = edited.mixBus();
        assertEquals(10, bus.activityGateLu());
        double power = 0;
        for (StemPlan p : plan.stems()) {
            if (p.silent()) continue;
            double share10 = p.measured().activeFractionAtGatesLu()[0];
            assertTrue(share10 <= p.measured().activeFraction(), p.file());
            power += share10 * Math.pow(10, (p.measured().activeLoudnessLufs() + p.gainDb()) / 10);
        }
        assertEquals(10 * Math.log10(power), bus.predictedLufs(), 0.01);
        assertEquals(bus.targetLufs() - bus.predictedLufs(), bus.trimDb(), 0.01);
        double moved = bus.trimDb() - plan.mixBus().trimDb();
        assertTrue(moved > 0.02, "fewer playing blocks predict a quieter mix, so the trim rises: " + moved);
        // The render applies it: the whole mix moves by the trim difference (no other change, ceiling far away).
        double ratioDb = 20 * Math.log10(rms(MixRenderer.renderToMemory(edited, band)) / rms(MixRenderer.renderToMemory(plan, band)));
        assertEquals(moved, ratioDb, 0.002);

        // A hand-edited trim wins over the re-derivation.
        MixPlan trimmed = plan.withMixBus(new MixBusPlan(-3, plan.mixBus().predictedLufs(), plan.mixBus().targetLufs(),
                plan.mixBus().peakCeilingDbfs(), 10.0, "edited"));
        assertEquals(-3, MixPlanner.followMixBus(trimmed).mixBus().trimDb());
    }
}
