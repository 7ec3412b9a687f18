package dev.groundwork.beat.render;

import dev.groundwork.core.audio.AudioBuffer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Each part's rests are found once, per block, and serve the peak pass and the mix pass alike. */
class RestsTest {
    private static final int B = RenderedBeat.BLOCK, FRAMES = 3 * B + 100;

    private static List<PartAudio> parts() {
        float[] mono = new float[FRAMES];
        mono[B + 17] = 0.5f;            // plays in block 1 only
        mono[2 * B + 3] = -0.0f;        // a negative zero is silence too
        float[][] stereo = new float[2][FRAMES];
        stereo[1][FRAMES - 1] = -0.25f; // the last frame of the short last block, right channel only
        return List.of(new PartAudio("lead", new float[][]{mono}, 0.8, -0.3), new PartAudio("pad", stereo, 1.2, 0.4));
    }

    @Test
    void aBlockRestsWhenEverySampleOfEveryChannelIsZero() {
        RenderedBeat r = new RenderedBeat(parts(), FRAMES, 44100, 1.0);
        boolean[] lead = new boolean[4], pad = new boolean[4];
        for (int i = 0; i < 4; i++) {
            lead[i] = r.rests().at(0, i * B);
            pad[i] = r.rests().at(1, i * B);
        }
        assertArrayEquals(new boolean[]{true, false, true, true}, lead);
        assertArrayEquals(new boolean[]{true, true, true, false}, pad);
    }

    @Test
    void anotherTrimReusesTheRestsAndMixesAsAFreshScanWould() {
        RenderedBeat untrimmed = new RenderedBeat(parts(), FRAMES, 44100, 1.0);
        double peak = untrimmed.mixPeak();
        RenderedBeat trimmed = untrimmed.withTrim(0.5 / peak);
        assertSame(untrimmed.rests(), trimmed.rests(), "not scanned again");
        AudioBuffer reused = trimmed.mix(), fresh = new RenderedBeat(parts(), FRAMES, 44100, 0.5 / peak).mix();
        for (int c = 0; c < 2; c++) assertArrayEquals(fresh.channel(c), reused.channel(c));
        // the peak pass saw the playing blocks: the lead's one sample, panned left of centre, sets it
        float left = (float) (0.8 * Math.cos((-0.3 + 1) * Math.PI / 4) * Math.sqrt(2));
        assertEquals(0.5f * left, (float) peak, 1e-6);
        assertEquals(0.5, Math.abs(reused.channel(0)[B + 17]), 1e-6, "the loudest sample sits at the trimmed peak");
    }
}
