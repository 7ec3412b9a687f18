package dev.groundwork.session.beat;

import dev.groundwork.beat.BeatMaker;
import dev.groundwork.beat.plan.BeatPlan;
import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.audio.AudioFiles;
import dev.groundwork.core.json.Json;
import dev.groundwork.core.meter.LoudnessMeter;
import dev.groundwork.core.midi.MidiFiles;
import dev.groundwork.core.progress.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class BeatJobTest {
    @Test
    void aBeatIsWrittenAsMasterMidiPlanAndStemsThatSumToTheMix(@TempDir Path dir) throws Exception {
        BeatPlan plan = BeatMaker.compose("dark trap 140 bpm F minor 4 bars", 3);
        BeatOutput out = BeatJob.run(plan, dir, ProgressListener.NONE);
        for (String f : out.files()) assertTrue(Files.size(dir.resolve(f)) > 0, f);
        // the names the CLI checks before any work are the names written, no more, no fewer
        assertEquals(BeatJob.FILES, out.files().stream().filter(f -> !f.startsWith(BeatJob.STEMS + "/")).sorted().toList());
        assertEquals(plan.parts().size() + 3, out.files().size());

        AudioBuffer master = AudioFiles.read(dir.resolve("beat.wav"));
        assertEquals(plan.totalFrames(), master.frames(), "exactly bars x bar duration");
        LoudnessMeter m = new LoudnessMeter(2, master.sampleRate());
        m.add(master);
        assertTrue(m.truePeakDbtp() <= BeatJob.CEILING_DBTP + 0.05, "true peak " + m.truePeakDbtp());
        assertEquals(BeatJob.TARGET_LUFS, m.integratedLufs().getAsDouble(), 0.2, "mastered loudness");
        assertEquals(out.integratedLufs(), m.integratedLufs().getAsDouble(), 0.05, "reported loudness is what the file measures");

        AudioBuffer mix = BeatMaker.render(plan, ProgressListener.NONE).mix();
        double[][] sum = new double[2][mix.frames()];
        for (String part : out.parts()) {
            AudioBuffer s = AudioFiles.read(dir.resolve("stems").resolve(part + ".wav"));
            for (int c = 0; c < 2; c++) for (int i = 0; i < mix.frames(); i++) sum[c][i] += s.channel(c)[i];
        }
        double errPow = 0, mixPow = 0;
        for (int c = 0; c < 2; c++) for (int i = 0; i < mix.frames(); i++) {
            double e = sum[c][i] - mix.channel(c)[i];
            errPow += e * e;
            mixPow += mix.channel(c)[i] * (double) mix.channel(c)[i];
        }
        double errDb = 10 * Math.log10(errPow / mixPow);
        assertTrue(errDb < -60, "stems sum to the unmastered mix within " + errDb + " dB");

        assertEquals(140.0, MidiFiles.read(dir.resolve("beat.mid")).tempoBpm(), 1e-3);
        assertEquals(Json.write(plan), Files.readString(dir.resolve("beat.json")));
    }

    @Test
    void aMasteredLoopStillRepeatsSeamlessly(@TempDir Path dir) {
        BeatPlan plan = BeatMaker.compose("house 124 bpm A minor 2 bars loop", 5);
        BeatJob.run(plan, dir, ProgressListener.NONE);
        AudioBuffer loop = AudioFiles.read(dir.resolve("beat.wav"));
        // The join (last sample -> first sample) must look like any other step of the audio, not a jump.
        float[] x = loop.channel(0);
        double maxStep = 0;
        for (int i = 1; i < x.length; i++) maxStep = Math.max(maxStep, Math.abs(x[i] - x[i - 1]));
        double join = Math.abs(x[0] - x[x.length - 1]);
        assertTrue(join <= maxStep, "join step " + join + " vs largest step " + maxStep);
        LoudnessMeter m = new LoudnessMeter(2, loop.sampleRate());
        m.add(loop);
        assertTrue(m.truePeakDbtp() <= BeatJob.CEILING_DBTP + 0.05);
    }

    @Test
    void theLoopWindowPassesOnExactlyTheMiddleFramesWhateverTheBlockSize() {
        for (int blockFrames : new int[]{1, 7, 10, 64}) {
            java.util.List<Float> got = new java.util.ArrayList<>();
            boolean[] committed = {false};
            var sink = new dev.groundwork.core.audio.AudioStreamWriter() {
                @Override public void write(AudioBuffer b) { for (int i = 0; i < b.frames(); i++) got.add(b.channel(1)[i]); }
                @Override public void commit() { committed[0] = true; }
                @Override public void close() { }
            };
            BeatJob.Window w = new BeatJob.Window(sink, 10, 20);
            AudioBuffer block = AudioBuffer.allocate(2, blockFrames, 44_100);
            for (int at = 0; at < 30 + 10; at += blockFrames) {
                int n = Math.min(blockFrames, 40 - at);
                for (int i = 0; i < n; i++) block.channel(1)[i] = at + i;
                w.write(block.setFrames(n));
            }
            w.commit();
            java.util.List<Float> expected = new java.util.ArrayList<>();
            for (int i = 10; i < 30; i++) expected.add((float) i);
            assertEquals(expected, got, blockFrames + "-frame blocks");
            assertTrue(committed[0]);
        }
    }

    @Test
    void theSamePlanGivesByteIdenticalFiles(@TempDir Path dir) throws Exception {
        BeatPlan a = BeatMaker.compose("boom bap 90 bpm 2 bars", 9), b = BeatMaker.compose("boom bap 90 bpm 2 bars", 9);
        BeatOutput x = BeatJob.run(a, dir.resolve("a"), ProgressListener.NONE);
        BeatJob.run(b, dir.resolve("b"), ProgressListener.NONE);
        for (String f : x.files()) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)), f);
        }
    }

    /** Before: a trap beat rendered where an afrobeats beat was left stems/perc.wav and stems/melody.wav, which 'mix DIR/stems' then mixed in. */
    @Test
    void aBeatRenderedOverAnotherLeavesNoStemOfTheOldOne(@TempDir Path dir) throws Exception {
        BeatPlan first = BeatMaker.compose("afrobeats 105 bpm, 4 bars", 1);
        BeatJob.run(first, dir, ProgressListener.NONE);
        assertTrue(first.parts().stream().anyMatch(p -> p.name().equals("perc")), "the first beat has percussion");
        Files.writeString(dir.resolve("stems/my-vocal.wav"), "the producer's own file");

        BeatPlan second = BeatMaker.compose("trap 140 bpm no melody, 4 bars", 1);
        BeatOutput out = BeatJob.run(second, dir, ProgressListener.NONE);
        java.util.Set<String> expected = new java.util.TreeSet<>();
        for (String part : out.parts()) expected.add(part + ".wav");
        expected.add("my-vocal.wav");
        java.util.Set<String> present = new java.util.TreeSet<>();
        try (var files = Files.list(dir.resolve("stems"))) {
            files.forEach(f -> present.add(f.getFileName().toString()));
        }
        assertEquals(expected, present, "the new beat's stems and the producer's file, nothing of the old beat");
    }
}
