package dev.groundwork.core.audio;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Seeded damage to valid files of every format: each read must either succeed or end in an
 * {@link AudioFileException} naming the file — never another exception, a hang or a huge allocation.
 * A longer local run: {@code -Dfuzz.trials=2000 -Dfuzz.seed=7}.
 */
class HostileInputFuzzTest {
    @TempDir Path dir;

    private static byte[] source(String kind, Path dir) throws IOException {
        switch (kind) {
            case "wav", "aiff" -> {
                if (kind.equals("wav")) {
                    Path f = dir.resolve("src.wav");
                    AudioFiles.write(f, TestSignals.sines(2, 2_000, 44_100, 0.5, 0, 1), OutputFormat.wav(OutputFormat.Encoding.FLOAT32));
                    return Files.readAllBytes(f);
                }
                return AiffFilesTest.aifc("NONE", 2, 1_000, 16, new byte[4_000]);
            }
            default -> {
                byte[] all = Files.readAllBytes(TestSignals.fixture(kind));
                return all;
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wav", "aiff", "sine-stereo16-44k.flac", "sine-mono-44k.mp3", "sine-mono-44k.ogg",
            "sine-stereo-48k-3s.ogg"})
    void damagedFilesEndInAClearErrorOrDecode(String kind) throws IOException {
        byte[] good = source(kind, dir);
        SplittableRandom rnd = new SplittableRandom(kind.hashCode() + Long.getLong("fuzz.seed", 0L));
        for (int trial = 0; trial < Integer.getInteger("fuzz.trials", 60); trial++) {
            byte[] bad = Arrays.copyOf(good, good.length);
            int mode = trial % 3;
            if (mode == 0) {
                // Damage in the first 200 bytes, where the headers are.
                for (int k = 0; k < 1 + rnd.nextInt(6); k++) bad[rnd.nextInt(Math.min(200, bad.length))] = (byte) rnd.nextInt(256);
            } else if (mode == 1) {
                for (int k = 0; k < 1 + rnd.nextInt(20); k++) bad[rnd.nextInt(bad.length)] = (byte) rnd.nextInt(256);
            } else {
                bad = Arrays.copyOf(bad, rnd.nextInt(bad.length));
            }
            Path f = Files.write(dir.resolve("t" + trial + "-" + kind.replace('.', '_')), bad);
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                try {
                    AudioBuffer b = AudioFiles.read(f, w -> { });
                    assertTrue(b.frames() < 10_000_000);
                } catch (AudioFileException e) {
                    assertTrue(e.getMessage().startsWith(f.getFileName() + ": "), e.getMessage());
                    assertFalse(e.getMessage().contains("\n"), e.getMessage());
                }
            }, () -> "trial " + Path.of(f.toString()).getFileName());
        }
    }
}
