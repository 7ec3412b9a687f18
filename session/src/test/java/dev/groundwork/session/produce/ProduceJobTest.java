package dev.groundwork.session.produce;

import dev.groundwork.core.audio.AudioFiles;
import dev.groundwork.core.json.Json;
import dev.groundwork.core.progress.ProgressListener;
import dev.groundwork.master.MasterSettings;
import dev.groundwork.mix.MixSettings;
import dev.groundwork.mix.plan.MixPlan;
import dev.groundwork.mix.roles.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class ProduceJobTest {
    @Test
    void onePromptWritesBeatMixAndMasterWithEveryPlan(@TempDir Path dir) throws Exception {
        ProduceResult r = ProduceJob.run(new ProduceJob.Request("trap beat 140 bpm in F minor, 8 bars", dir, 3, MixSettings.defaults(),
                MasterSettings.defaults()), ProgressListener.NONE);
        for (String f : new String[]{"beat.json", "beat.mid", "mix.json", "mix.wav", "mix.dawproject", "master.json", "master.wav"}) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        // the names the CLI checks before any work are the names written, no more, no fewer
        try (var listing = Files.list(dir)) {
            assertEquals(new java.util.TreeSet<>(ProduceJob.FILES), listing.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals(dev.groundwork.session.beat.BeatJob.STEMS)).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
        }
        MixPlan plan = Json.read(dir.resolve("mix.json"), MixPlan.class);
        // Roles come from the beat plan, exactly.
        assertTrue(plan.stems().stream().allMatch(s -> s.roleConfidence() == 1.0 && s.roleReason().equals("set by the producer")));
        assertTrue(plan.stems().stream().anyMatch(s -> s.role() == Role.KICK));
        assertEquals(r.stems().size(), plan.stems().size());
        // The master meets the streaming target within the tolerance the master module promises.
        assertNotNull(r.masterIntegratedLufs());
        assertEquals(-14.0, r.masterIntegratedLufs(), 0.5);
        assertTrue(r.masterTruePeakDbtp() <= -1.0 + 0.05, "true peak " + r.masterTruePeakDbtp());
        assertEquals(AudioFiles.probe(dir.resolve("mix.wav")).frames(), AudioFiles.probe(dir.resolve("stems").resolve(r.stems().get(0) + ".wav")).frames());
    }

    @Test
    void partsMapToMixRoles() {
        assertEquals(Role.KICK, StemRoles.roleOf(part("kick", dev.groundwork.beat.plan.Role.DRUMS, "kick")));
        assertEquals(Role.HATS, StemRoles.roleOf(part("hats", dev.groundwork.beat.plan.Role.DRUMS, "hats")));
        assertEquals(Role.SUB_808, StemRoles.roleOf(part("bass", dev.groundwork.beat.plan.Role.BASS, "808")));
        assertEquals(Role.BASS, StemRoles.roleOf(part("bass", dev.groundwork.beat.plan.Role.BASS, "reese")));
        assertEquals(Role.PAD, StemRoles.roleOf(part("chords", dev.groundwork.beat.plan.Role.CHORDS, "pad")));
        assertEquals(Role.KEYS, StemRoles.roleOf(part("chords", dev.groundwork.beat.plan.Role.CHORDS, "rhodes")));
        assertEquals(Role.SYNTH_LEAD, StemRoles.roleOf(part("melody", dev.groundwork.beat.plan.Role.MELODY, "bell")));
    }

    static dev.groundwork.beat.plan.Part part(String name, dev.groundwork.beat.plan.Role role, String sound) {
        return new dev.groundwork.beat.plan.Part(name, role, sound, -1, 9, 1, 0, 0, "test", java.util.List.of());
    }

    /** Before: producing again into a project folder left the earlier beat's extra stems (perc, melody) beside the new ones. */
    @Test
    void producingAgainInTheSameFolderLeavesOnlyTheNewBeatsStems(@TempDir Path dir) throws Exception {
        ProduceJob.run(new ProduceJob.Request("afrobeats 105 bpm, 4 bars", dir, 1, MixSettings.defaults(), MasterSettings.defaults()), ProgressListener.NONE);
        assertTrue(Files.exists(dir.resolve("stems/perc.wav")));
        ProduceResult again = ProduceJob.run(new ProduceJob.Request("trap 140 bpm no melody, 4 bars", dir, 1, MixSettings.defaults(),
                MasterSettings.defaults()), ProgressListener.NONE);
        java.util.Set<String> present = new java.util.TreeSet<>(), expected = new java.util.TreeSet<>();
        for (String part : again.stems()) expected.add(part + ".wav");
        try (var files = Files.list(dir.resolve("stems"))) {
            files.forEach(f -> present.add(f.getFileName().toString()));
        }
        assertEquals(expected, present);
    }
}
