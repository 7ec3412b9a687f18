package dev.groundwork.mix;

import dev.groundwork.core.progress.ProgressListener;
import dev.groundwork.mix.analysis.StemProfile;
import dev.groundwork.mix.stems.MemoryStem;
import dev.groundwork.mix.stems.StemSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Onsets per second and the time between them, on parts whose hits are known, at two input gains 20 dB apart. */
class OnsetMeasureTest {
    private static final double SECONDS = 16;   // SyntheticStems is at 120 BPM

    private static StemProfile profile(String name, dev.groundwork.core.audio.AudioBuffer audio) {
        List<StemSource> one = List.of(new MemoryStem(name, audio), new MemoryStem("other.wav", SyntheticStems.pad(SECONDS, 1)));
        return AutoMix.analyze(one, ProgressListener.NONE).profiles().stream().filter(p -> p.summary().name().equals(name)).findFirst().orElseThrow();
    }

    /** Checks the number of onsets (the rate is per second of active audio) and the median time between them. */
    private static void check(String name, dev.groundwork.core.audio.AudioBuffer audio, int hits, double gapSeconds, StringBuilder log) {
        for (double db : new double[]{0, -20}) {
            StemProfile p = profile(name, SyntheticStems.scaled(audio, db));
            var a = p.summary();
            double count = a.transientsPerSecond() * Math.max(0.1, a.activeFraction() * a.durationSeconds()), gap = p.medianOnsetGapSeconds();
            log.append(String.format(Locale.ROOT, "%s %+.0f dB: %.1f onsets (true %d), gap %.3f s (true %.3f); ", name, db, count, hits, gap, gapSeconds));
            assertEquals(hits, count, 1.5, log.toString());
            assertEquals(gapSeconds, gap, 0.03 * gapSeconds, log.toString());
        }
    }

    @Test
    void kickSnareHatsAndBassNotesAreCountedAtTheirKnownRates() {
        StringBuilder log = new StringBuilder();
        // 16 s at 120 BPM: a kick on every beat, a snare on 2 and 4, sixteenth hats. (A legato bass restruck on every
        // beat, dipping for 5 ms, is one onset at its start: neither this nor the analyzer's former detector counts restrikes.)
        check("kick.wav", SyntheticStems.kick(SECONDS, 1), 32, 0.5, log);
        check("snare.wav", SyntheticStems.snare(SECONDS, 1, 7), 16, 1.0, log);
        check("hats.wav", SyntheticStems.hats(SECONDS, 1, 8), 128, 0.125, log);
        double held = profile("pad.wav", SyntheticStems.pad(SECONDS, 1)).summary().transientsPerSecond();
        log.append(String.format(Locale.ROOT, "pad: %.2f/s", held));
        // A held chord has one onset, where it starts (its detuned partials beat in the mono sum, which must not count).
        assertTrue(held < 0.1, log.toString());
    }
}
