package dev.groundwork.core.dsp;

import dev.groundwork.core.audio.AudioBuffer;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompressorTest {
    static final double FS = 48000;

    static AudioBuffer constant(float value, int frames) {
        AudioBuffer b = AudioBuffer.allocate(2, frames, FS);
        for (float[] ch : b.data()) Arrays.fill(ch, value);
        return b;
    }

    static Compressor prepared(Compressor.Settings s, int block) {
        Compressor c = new Compressor(s);
        c.prepare(new ProcessSpec(FS, block, 2));
        return c;
    }

    static double db(double x) { return 20 * Math.log10(x); }

    @Test
    void a_level_above_threshold_settles_on_the_static_curve() {
        // 0.5 = -6.02 dBFS, 11.98 dB over a -18 dB threshold, ratio 4 -> 3.0 dB over: -15.0 dBFS.
        Compressor c = prepared(new Compressor.Settings(-18, 4, 5, 50, 0, 0, 0), 48000);
        AudioBuffer b = constant(0.5f, 48000);
        c.process(b, b);
        assertEquals(-18 + (db(0.5) + 18) / 4, db(b.channel(0)[47999]), 0.01);
        assertEquals(db(0.5) - (-18 + (db(0.5) + 18) / 4), c.maxGainReductionDb(), 0.01);
    }

    @Test
    void audio_below_the_knee_passes_unchanged() {
        Compressor c = prepared(new Compressor.Settings(-18, 4, 5, 50, 6, 0, 0), 4800);
        AudioBuffer b = constant(0.05f, 4800);   // -26 dBFS, below -21 where the knee starts
        c.process(b, b);
        for (float v : b.channel(1)) assertEquals(0.05f, v, 0f);
        assertEquals(0, c.maxGainReductionDb(), 0);
    }

    @Test
    void attack_reaches_63_percent_of_the_reduction_after_one_time_constant() {
        Compressor c = prepared(new Compressor.Settings(-20, 100, 10, 100, 0, 0, 0), 48000);
        AudioBuffer b = constant(1f, 48000);
        c.process(b, b);
        double finalDb = db(b.channel(0)[47999]);
        double at10ms = db(b.channel(0)[480]);
        assertEquals(0.632, at10ms / finalDb, 0.01);
    }

    @Test
    void an_external_sidechain_ducks_the_input_and_releases_it_afterwards() {
        Compressor c = prepared(new Compressor.Settings(-30, 8, 1, 40, 0, 0, 0), 48000);
        AudioBuffer bass = constant(0.1f, 48000);
        AudioBuffer kick = constant(0f, 48000);
        Arrays.fill(kick.channel(0), 0, 4800, 0.9f);        // 100 ms kick
        c.process(bass, kick, bass);
        assertTrue(db(bass.channel(0)[4000] / 0.1) < -20, "ducked under the kick");
        assertEquals(0.1, bass.channel(0)[47999], 1e-4, "released long after the kick");
    }

    @Test
    void results_do_not_depend_on_block_size() {
        float[] ref = null;
        for (int block : new int[]{1, 7, 64, 4096}) {
            Compressor c = prepared(Compressor.Settings.DEFAULT, block);
            AudioBuffer all = AudioBuffer.allocate(2, 9000, FS);
            for (int i = 0; i < 9000; i++) all.channel(0)[i] = all.channel(1)[i] = (float) (0.8 * Math.sin(i * 0.01) * (i % 3000 < 1500 ? 1 : 0.1));
            for (int pos = 0; pos < 9000; pos += block) {
                int n = Math.min(block, 9000 - pos);
                AudioBuffer b = AudioBuffer.allocate(2, n, FS);
                for (int ch = 0; ch < 2; ch++) System.arraycopy(all.channel(ch), pos, b.channel(ch), 0, n);
                c.process(b, b);
                for (int ch = 0; ch < 2; ch++) System.arraycopy(b.channel(ch), 0, all.channel(ch), pos, n);
            }
            if (ref == null) ref = all.channel(0).clone();
            else for (int i = 0; i < 9000; i++) assertEquals(ref[i], all.channel(0)[i], 0f);
        }
    }

    @Test
    void settings_outside_their_range_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> new Compressor.Settings(-18, 0.5, 10, 100, 6, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Compressor.Settings(5, 2, 10, 100, 6, 0, 0));
    }

    @Test
    void skipping_silence_leaves_the_compressor_where_processing_it_would() {
        // RMS detector, still releasing from a loud burst when the silence starts
        Compressor.Settings set = new Compressor.Settings(-24, 4, 5, 120, 6, 3, 10);
        Compressor run = prepared(set, 4800), skip = prepared(set, 4800);
        for (Compressor c : new Compressor[] {run, skip}) {
            AudioBuffer loud = constant(0.8f, 4800);
            c.process(loud, loud);
        }
        assertTrue(!skip.canSkipSilence(), "the RMS detector is still above the knee right after the burst");
        int skipped = 0;
        for (int k = 0; k < 40; k++) {   // 4 s of silence, block by block
            AudioBuffer zeros = constant(0f, 4800);
            run.process(zeros, zeros);
            for (float v : zeros.channel(0)) assertEquals(0f, v, 0f);
            if (skip.canSkipSilence()) {
                skip.skipSilence(4800);
                skipped++;
            } else {
                AudioBuffer z = constant(0f, 4800);
                skip.process(z, z);
            }
        }
        assertTrue(skipped >= 35, "most of the silence is skipped: " + skipped);
        assertEquals(run.meanGainReductionDb(), skip.meanGainReductionDb(), 1e-9);
        // the next loud block comes out the same, the release state having decayed alike
        AudioBuffer a = constant(0.8f, 4800), b = constant(0.8f, 4800);
        run.process(a, a);
        skip.process(b, b);
        for (int i = 0; i < 4800; i += 37) assertEquals(a.channel(0)[i], b.channel(0)[i], 1e-6f * Math.abs(a.channel(0)[i]));
        assertThrows(IllegalStateException.class, () -> skip.skipSilence(10), "right after a loud block the detector is above the knee");
    }
}
