package dev.groundwork.beat;

import dev.groundwork.beat.plan.BeatPlan;
import dev.groundwork.beat.plan.Section;
import dev.groundwork.beat.render.RenderedBeat;
import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.progress.ProgressListener;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/** Short beats rendered offline, checked on the audio itself. */
class RenderTest {

    static double peak(AudioBuffer b) {
        double m = 0;
        for (float[] ch : b.data()) for (float v : ch) m = Math.max(m, Math.abs(v));
        return m;
    }

    static double rms(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += x[i] * (double) x[i];
        return Math.sqrt(s / Math.max(1, to - from));
    }

    @Test
    void lengthIsExactlyBarsTimesBarDuration() {
        String[] prompts = {"trap 140 bpm 8 bars", "house 123 bpm 8 bars", "lo-fi 77 bpm 4 bars", "boom bap 87 bpm 3/4 5 bars", "afrobeats 103 bpm 12/8 3 bars"};
        int[] quartersPerBar = {4, 4, 4, 3, 6};
        for (int i = 0; i < prompts.length; i++) {
            String prompt = prompts[i];
            BeatPlan plan = BeatMaker.compose(prompt, 1);
            RenderedBeat r = BeatMaker.render(plan, ProgressListener.NONE);
            long expected = Math.round(plan.bars() * quartersPerBar[i] * 60.0 / plan.tempoBpm() * plan.sampleRateHz());
            assertEquals(expected, r.frames(), prompt);
            assertEquals(expected, r.mix().frames());
        }
    }

    @Test
    void theMixHasHeadroomAndNeverClips() {
        RenderedBeat r = BeatMaker.render(BeatMaker.compose("aggressive drill heavy 808 8 bars", 3), ProgressListener.NONE);
        AudioBuffer mix = r.mix();
        assertEquals(Math.pow(10, -6 / 20.0), peak(mix), 1e-4, "mix trimmed to -6 dBFS peak");
        for (String p : r.partNames()) {
            double pk = peak(r.stem(p));
            assertTrue(pk > 1e-3 && pk < 1.0, p + " stem peak " + pk);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"boom bap 90 bpm 4 bars", "lo-fi 80 bpm 6/8 4 bars", "r&b 70 bpm 12/8 2 bars"})
    void stemsAddUpToTheMix(String prompt) {
        RenderedBeat r = BeatMaker.render(BeatMaker.compose(prompt, 2), ProgressListener.NONE);
        AudioBuffer mix = r.mix();
        float[][] sum = new float[2][r.frames()];
        for (String p : r.partNames()) {
            AudioBuffer s = r.stem(p);
            for (int c = 0; c < 2; c++) for (int i = 0; i < r.frames(); i++) sum[c][i] += s.channel(c)[i];
        }
        double err = 0;
        for (int c = 0; c < 2; c++) for (int i = 0; i < r.frames(); i++) err = Math.max(err, Math.abs(sum[c][i] - mix.channel(c)[i]));
        assertTrue(err < 1e-6, "max difference " + err);
    }

    @Test
    void streamedStemsAreTheStemsAndTheirSumIsTheMix() {
        RenderedBeat r = BeatMaker.render(BeatMaker.compose("boom bap 90 bpm 9 bars", 4), ProgressListener.NONE);
        java.util.Map<String, float[][]> streamed = new java.util.LinkedHashMap<>();
        java.util.List<String> events = new java.util.ArrayList<>();
        AudioBuffer mix = r.mix(part -> {
            float[][] got = new float[2][r.frames()];
            streamed.put(part, got);
            int[] at = {0};
            return new RenderedBeat.StemSink() {
                @Override public void block(AudioBuffer b) {
                    for (int c = 0; c < 2; c++) System.arraycopy(b.channel(c), 0, got[c], at[0], b.frames());
                    at[0] += b.frames();
                }
                @Override public void finish() { events.add("finish " + part + " at " + at[0]); }
                @Override public void close() { events.add("close " + part); }
            };
        });
        assertEquals(r.partNames(), java.util.List.copyOf(streamed.keySet()));
        for (String p : r.partNames()) {
            for (int c = 0; c < 2; c++) {
                float[] whole = r.stem(p).channel(c), got = streamed.get(p)[c];
                for (int i = 0; i < whole.length; i++) {
                    if (whole[i] != got[i]) fail(p + " streamed differs from its stem at " + i + ": " + got[i] + " vs " + whole[i]); // -0 == 0
                }
            }
            assertTrue(events.contains("finish " + p + " at " + r.frames()) && events.contains("close " + p), events.toString());
        }
        AudioBuffer plain = r.mix();
        for (int c = 0; c < 2; c++) assertArrayEquals(plain.channel(c), mix.channel(c));
    }

    /** Before: the rests, a cache found from the parts, were a record component: rescanned, they made the beat unequal. */
    @Test
    void beatsOfTheSamePartsAreEqualWhereverTheirRestsWereFound() {
        RenderedBeat r = BeatMaker.render(BeatMaker.compose("boom bap 90 bpm 2 bars", 4), ProgressListener.NONE);
        RenderedBeat rescanned = new RenderedBeat(r.parts(), r.frames(), r.sampleRate(), r.trim());
        assertNotSame(r.rests(), rescanned.rests());
        assertEquals(r, rescanned);
        assertEquals(r.hashCode(), rescanned.hashCode());
        assertEquals(r, rescanned.withTrim(0.5).withTrim(r.trim()));
        assertNotEquals(r, r.withTrim(r.trim() * 0.5));
        assertNotEquals(r, new RenderedBeat(r.parts().subList(1, r.parts().size()), r.frames(), r.sampleRate(), r.trim()));
    }

    @Test
    void aFailingStemSinkClosesEveryOpenedSink() {
        RenderedBeat r = BeatMaker.render(BeatMaker.compose("boom bap 90 bpm 2 bars", 4), ProgressListener.NONE);
        java.util.List<String> closed = new java.util.ArrayList<>();
        String last = r.partNames().get(r.partNames().size() - 1);
        RuntimeException e = assertThrows(IllegalStateException.class, () -> r.mix(part -> new RenderedBeat.StemSink() {
            @Override public void block(AudioBuffer b) { if (part.equals(last)) throw new IllegalStateException("disk full"); }
            @Override public void finish() { fail("nothing is finished after a failure"); }
            @Override public void close() { closed.add(part); }
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals(r.partNames(), closed);
    }

    @Test
    void aDroppedPartIsSilentInItsSection() {
        BeatPlan plan = BeatMaker.drop(BeatMaker.compose("trap 140 bpm, verse, hook, 16 bars", 6), "hats", "hook");
        RenderedBeat r = BeatMaker.render(plan, ProgressListener.NONE);
        Section hook = plan.sections().get(BeatMaker.select(plan, "hook").get(0));
        Section verse = plan.sections().get(0);
        double fpb = plan.secondsPerBeat() * plan.sampleRateHz();
        float[] hats = r.stem("hats").channel(0);
        // Skip the first 150 ms of the hook: a hat struck at the end of the verse may still ring.
        int from = (int) (hook.startBar() * 4 * fpb + 0.15 * plan.sampleRateHz()), to = (int) (hook.endBar() * 4 * fpb) - 1;
        assertEquals(0.0, rms(hats, from, to), 1e-9, "no hats in the hook");
        assertTrue(rms(hats, (int) (verse.startBar() * 4 * fpb), (int) (verse.endBar() * 4 * fpb)) > 1e-3, "hats in the verse");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"afrobeats 105 bpm 4 bars", "afrobeats 105 bpm 12/8 2 bars", "lo-fi 6/8 4 bars"})
    void theSameSeedRendersTheSameSamples(String prompt) {
        BeatPlan a = BeatMaker.compose(prompt, 12), b = BeatMaker.compose(prompt, 12);
        AudioBuffer x = BeatMaker.render(a, ProgressListener.NONE).mix(), y = BeatMaker.render(b, ProgressListener.NONE).mix();
        for (int c = 0; c < 2; c++) assertArrayEquals(x.channel(c), y.channel(c));
        assertArrayEquals(BeatMaker.midi(a).toBytes(), BeatMaker.midi(b).toBytes());
    }

    @Test
    void aLoopRepeatsSeamlesslySampleExact() {
        // boom bap, not lo-fi: lo-fi's vinyl bed is noise, so two passes of it are not one longer pass (its seam is tested apart)
        BeatPlan plan = BeatMaker.compose("boom bap 80 bpm 2 bars loop", 3);
        assertTrue(plan.loop());
        // Without per-note jitter, two passes of the loop are the same performance twice.
        var g = plan.groove();
        plan = plan.withGroove(new dev.groundwork.beat.plan.Groove(g.swing(), g.offsetsMs(), g.accent(), 0, 0, g.seed()));
        RenderedBeat r = BeatMaker.render(plan, ProgressListener.NONE);
        RenderedBeat r2 = BeatMaker.render(twice(plan), ProgressListener.NONE);
        float[] one = r.mix().channel(0), two = r2.mix().channel(0);
        double scale = r.trim() / r2.trim();
        int n = one.length;
        assertEquals(2 * n, two.length);
        double maxErr = 0, maxVal = 0;
        // The loop played back to back must equal a continuous performance of the same notes, in both passes.
        for (int i = 0; i < 2 * n; i++) {
            maxErr = Math.max(maxErr, Math.abs(one[i % n] - two[i] * scale));
            maxVal = Math.max(maxVal, Math.abs(one[i % n]));
        }
        assertTrue(maxVal > 0.1);
        assertTrue(maxErr < 1e-5, "loop differs from a continuous pass by " + maxErr);
    }

    /** The loop's notes played twice, as one loop of twice the length. */
    static BeatPlan twice(BeatPlan plan) {
        var parts = plan.parts().stream().map(p -> {
            var notes = new java.util.ArrayList<>(p.notes());
            for (var n : p.notes()) notes.add(new dev.groundwork.beat.plan.Note(n.startBeats() + plan.totalBeats(), n.lengthBeats(),
                    n.pitch(), n.velocity(), n.chromatic(), n.glideFrom()));
            return p.withNotes(notes);
        }).toList();
        var s = plan.sections().get(0);
        var chords = new java.util.ArrayList<>(plan.chords());
        for (var c : plan.chords()) chords.add(new dev.groundwork.beat.plan.Chord(c.bar() + plan.bars(), c.beat(), c.symbol(), c.degree(), c.root(), c.pitchClasses(), c.chromatic()));
        return new BeatPlan(plan.formatVersion(), plan.prompt(), plan.reading(), plan.ignored(), plan.genre(), plan.tempoBpm(), plan.key(),
                plan.timeSignature(), plan.bars() * 2, true, plan.seed(), plan.sampleRateHz(), null, null, plan.feel(), plan.groove(),
                java.util.List.of(new Section(s.name(), 0, s.bars() * 2, s.energy(), 0, s.parts())), chords, parts);
    }

    @Test
    void theEightOhEightIsTunedToTheKey() {
        BeatPlan plan = BeatMaker.compose("trap 140 bpm A minor 4 bars", 1);
        var first = plan.part("bass").notes().get(0);
        assertEquals(33, first.pitch(), "A1 is the root in the 808 register");
        assertNull(first.glideFrom());
        RenderedBeat r = BeatMaker.render(plan, ProgressListener.NONE);
        float[] x = r.stem("bass").channel(0);
        int sr = plan.sampleRateHz();
        int start = (int) Math.round(first.startBeats() * plan.secondsPerBeat() * sr) + sr / 20;
        int len = Math.min(sr / 4, (int) (first.lengthBeats() * plan.secondsPerBeat() * sr) - sr / 10);
        // Count zero crossings over the steady part of the note: 2 per period.
        int crossings = 0;
        for (int i = start + 1; i < start + len; i++) if ((x[i - 1] < 0) != (x[i] < 0)) crossings++;
        double f = crossings / 2.0 / (len / (double) sr);
        assertEquals(55.0, f, 55.0 * 0.03, "808 fundamental");
    }
}
