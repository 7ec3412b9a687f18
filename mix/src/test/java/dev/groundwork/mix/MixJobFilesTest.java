package dev.groundwork.mix;

import dev.groundwork.core.audio.AudioFiles;
import dev.groundwork.core.audio.OutputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mix job never writes over the stems it reads. (Writing --plan over the --from-plan file is allowed: the studio
 * renders a plan and keeps it under the same name.)
 */
class MixJobFilesTest {
    /** Before: "mix stems -o mix.wav --plan stems/kick.wav" replaced the kick stem with the plan's JSON. */
    @Test
    void thePlanMayNotBeWrittenOverAStem(@TempDir Path dir) throws Exception {
        Path stems = Files.createDirectories(dir.resolve("stems"));
        OutputFormat wav = OutputFormat.wav(OutputFormat.Encoding.PCM24);
        AudioFiles.write(stems.resolve("kick.wav"), SyntheticStems.kick(2, 0.5), wav);
        AudioFiles.write(stems.resolve("bass.wav"), SyntheticStems.bass(2, 0.3), wav);
        byte[] kick = Files.readAllBytes(stems.resolve("kick.wav"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MixJob.run(new MixJob.Request(stems,
                dir.resolve("mix.wav"), wav, stems.resolve("kick.wav"), null, null, 1, List.of(), MixSettings.defaults()), (s, f) -> { }));
        assertTrue(e.getMessage().contains("would overwrite the stem kick.wav"), e.getMessage());
        assertArrayEquals(kick, Files.readAllBytes(stems.resolve("kick.wav")));
        assertFalse(Files.exists(dir.resolve("mix.wav")));
    }
}
