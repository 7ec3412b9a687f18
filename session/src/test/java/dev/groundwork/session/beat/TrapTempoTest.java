package dev.groundwork.session.beat;

import dev.groundwork.beat.BeatMaker;
import dev.groundwork.beat.plan.BeatPlan;
import dev.groundwork.core.progress.ProgressListener;
import dev.groundwork.mix.AutoMix;
import dev.groundwork.mix.MixSettings;
import dev.groundwork.mix.plan.MixPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The automix reads a half-time trap beat at the tempo it was made at, so its delay and DAW grid follow the beat. */
class TrapTempoTest {
    @Test
    void aTrapBeatAt140IsMixedWithA140BpmDelayNotA70BpmOne(@TempDir Path dir) throws Exception {
        // What `groundwork beat "trap 140 bpm F minor 8 bars" --seed 1` writes.
        BeatPlan beat = BeatMaker.compose("trap 140 bpm F minor 8 bars", 1);
        BeatJob.run(beat, dir, ProgressListener.NONE);
        List<Path> stems;
        try (Stream<Path> s = Files.list(dir.resolve("stems"))) {
            stems = s.sorted().toList();
        }
        MixPlan plan = AutoMix.propose(stems, MixSettings.defaults());
        Double bpm = plan.space().tempoBpm();
        assertNotNull(bpm, plan.space().tempoReason());
        assertEquals(140, bpm, 1.4, plan.space().tempoReason());
        // The onsets alone may favour the half-time reading (snare on beat 3); if the octave was moved, the plan says so.
        assertTrue(!plan.space().tempoReason().contains("read as") || plan.space().tempoReason().contains("read as 70."), plan.space().tempoReason());
        // A dotted eighth at 140 BPM (321 ms), where the 70 BPM reading gave a dotted quarter at 140 (643 ms).
        assertEquals(60_000 / bpm * 0.75, plan.space().delayTimeMs(), 0.1);
        assertEquals(321, plan.space().delayTimeMs(), 3);
    }
}
