package dev.groundwork.studio.pages;

import dev.groundwork.core.progress.ProgressListener;
import dev.groundwork.studio.TestAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BeatEngineTest {
    private static final String PROMPT = "house 124 bpm, 2 bars";

    /**
     * Before: a generation with a kit read the kit's files three times a variation (the request's check, recording it in the
     * plan, rendering it). Now the request's check is the one read: with the files gone once it has passed, every variation
     * still records and plays the kit, note for note as it sounds when read from disk.
     */
    @Test
    void aGenerationReadsItsKitOnceAtTheRequestsCheck(@TempDir Path dir) throws Exception {
        Path kit = writeKit(dir.resolve("mykit"));
        BeatEngine.Sources checked = BeatEngine.sources(kit.toString(), "");
        try (var files = Files.list(kit)) {
            for (Path f : files.toList()) Files.delete(f);
        }
        Files.delete(kit);

        BeatViews.Generation fromCheck = BeatEngine.generate(PROMPT, BeatEngine.compose(PROMPT, 2, 7), checked, dir.resolve("gen-1"), "gen-1",
                ProgressListener.NONE);
        assertEquals(2, fromCheck.variations().size());
        for (BeatViews.Variation v : fromCheck.variations()) assertEquals(kit.toString(), v.kit(), v.id());

        writeKit(kit);
        BeatEngine.generate(PROMPT, BeatEngine.compose(PROMPT, 2, 7), BeatEngine.sources(kit.toString(), ""),
                dir.resolve("gen-2"), "gen-2", ProgressListener.NONE);
        for (String v : List.of("v1", "v2")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("gen-2").resolve(v).resolve("stems/kick.wav")),
                    Files.readAllBytes(dir.resolve("gen-1").resolve(v).resolve("stems/kick.wav")), v + " kick");
        }
    }

    /** One-shots nothing like the built-in drums: high sines. */
    private static Path writeKit(Path kit) throws Exception {
        Files.createDirectories(kit);
        Files.write(kit.resolve("kick.wav"), TestAudio.sineWav(2000, 0.8, 0, 0.25, 1));
        Files.write(kit.resolve("snare.wav"), TestAudio.sineWav(3000, 0.8, 0, 0.2, 2));
        Files.write(kit.resolve("hat.wav"), TestAudio.sineWav(5000, 0.5, 0, 0.1, 3));
        return kit;
    }
}
