package dev.groundwork.session.beat;

import dev.groundwork.beat.BeatMaker;
import dev.groundwork.beat.plan.BeatPlan;
import dev.groundwork.beat.render.RenderedBeat;
import dev.groundwork.beat.sound.LoadedKit;
import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.audio.AudioFiles;
import dev.groundwork.core.audio.AudioStreamWriter;
import dev.groundwork.core.audio.OutputFormat;
import dev.groundwork.core.json.Json;
import dev.groundwork.master.MasterResult;
import dev.groundwork.master.MasterSettings;
import dev.groundwork.master.Mastering;
import dev.groundwork.master.Target;
import dev.groundwork.master.plan.LoudnessStage;
import dev.groundwork.master.render.AudioOutput;
import dev.groundwork.master.render.AudioSource;
import dev.groundwork.core.progress.ProgressListener;
import dev.groundwork.core.io.IoErrors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A beat from plan to files: render the parts, write the stems and the unmastered mix's MIDI and
 * plan, master the mix to -14 LUFS / -1 dBTP, write beat.wav. The beat module composes and
 * renders; mastering comes from the master module, which only the session may combine with it.
 */
public final class BeatJob {
    public static final double TARGET_LUFS = -14.0;
    public static final double CEILING_DBTP = -1.0;
    private static final OutputFormat WAV24 = OutputFormat.wav(OutputFormat.Encoding.PCM24);
    /** The files a beat folder gets beside its stems folder (a test keeps this in step with what is written). */
    public static final List<String> FILES = List.of("beat.json", "beat.mid", "beat.wav");
    /** The folder of the stems, one PART.wav each. */
    public static final String STEMS = "stems";

    private BeatJob() { }

    /** The parts of the beat a folder already holds (its beat.json), so their stems can be cleared after a new one. */
    public static List<String> partsOfEarlierBeat(Path dir) {
        Path plan = dir.resolve("beat.json");
        if (!Files.isRegularFile(plan)) return List.of();
        try {
            return Json.read(plan, BeatPlan.class).parts().stream().map(dev.groundwork.beat.plan.Part::name).toList();
        } catch (RuntimeException e) {
            return List.of(); // not a beat we wrote: touch nothing
        }
    }

    /**
     * Deletes stems/PART.wav of the earlier beat's parts the new beat does not have: otherwise 'mix DIR/stems' mixes the
     * old melody into the new beat. Only files the earlier beat.json names; anything else in stems/ is left alone.
     */
    public static void removeStaleStems(Path dir, List<String> earlierParts, List<String> newParts) {
        for (String part : earlierParts) {
            if (newParts.contains(part)) continue;
            try {
                Files.deleteIfExists(dir.resolve("stems").resolve(part + ".wav"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the earlier beat's stem " + part + ".wav: " + IoErrors.reason(e), e);
            }
        }
    }

    public static BeatOutput run(BeatPlan plan, Path dir, ProgressListener progress) { return run(plan, null, dir, progress); }

    /** The same, rendered with the plan's drum kit already loaded ({@link BeatMaker#render(BeatPlan, LoadedKit, ProgressListener)}). */
    public static BeatOutput run(BeatPlan plan, LoadedKit kit, Path dir, ProgressListener progress) {
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(dir.resolve("stems"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + IoErrors.reason(e), e);
        }
        List<String> earlierParts = partsOfEarlierBeat(dir);
        List<String> files = new ArrayList<>();
        Json.write(dir.resolve("beat.json"), plan);
        files.add("beat.json");
        BeatMaker.midi(plan).write(dir.resolve("beat.mid"));
        files.add("beat.mid");

        RenderedBeat beat = BeatMaker.render(plan, kit, (stage, f) -> progress.progress(stage, f * 0.6));
        AudioBuffer mix = writeStems(beat, dir, files, (stage, f) -> progress.progress(stage, 0.6 + 0.2 * f));
        progress.progress("master", 0.8);
        Mastered m = master(mix, plan.loop(), dir.resolve("beat.wav"), (stage, f) -> progress.progress("master: " + stage, 0.8 + 0.15 * f));
        files.add("beat.wav");
        removeStaleStems(dir, earlierParts, beat.partNames());
        progress.progress("done", 1);
        double secs = (System.nanoTime() - t0) / 1e9;
        return new BeatOutput(dir.toString(), plan.genre(), plan.tempoBpm(),
                dev.groundwork.beat.style.Genre.fromLabel(plan.genre()).halfTime, plan.key().name(), plan.timeSignature(), plan.bars(),
                plan.totalFrames() / (double) plan.sampleRateHz(), plan.seed(), beat.partNames(), files,
                20 * Math.log10(beat.trim()), m.gainDb, m.lufs.isPresent() ? m.lufs.getAsDouble() : null, m.truePeak, m.method, secs);
    }

    /**
     * Writes each part's stem to DIR/stems/PART.wav (stereo, 24-bit, at the beat's balance and trim, so the stems add up
     * to the unmastered mix) and returns that mix. The one way stems of a beat are written: produce writes its stems here
     * too, so 'beat --from-plan' of produce's beat.json writes the same bytes. Each stem is streamed to its file and
     * summed into the mix from the same blocks. The files written are added to {@code files} (as stems/PART.wav).
     */
    public static AudioBuffer writeStems(RenderedBeat beat, Path dir, List<String> files, ProgressListener progress) {
        double stemFrames = Math.max(1.0, (double) beat.frames() * beat.partNames().size());
        long[] written = {0};
        return beat.mix(part -> {
            files.add("stems/" + part + ".wav");
            AudioStreamWriter w = AudioFiles.openWriter(dir.resolve("stems").resolve(part + ".wav"), WAV24, beat.sampleRate(), 2);
            return new RenderedBeat.StemSink() {
                @Override public void block(AudioBuffer block) {
                    w.write(block);
                    written[0] += block.frames();
                    progress.progress("write stems", written[0] / stemFrames);
                }
                @Override public void finish() { w.commit(); }
                @Override public void close() { w.close(); }
            };
        });
    }

    record Mastered(double gainDb, OptionalDouble lufs, double truePeak, String method) { }

    /**
     * Masters with the master module to -14 LUFS / -1 dBTP into {@code out} (24-bit WAV, written from the master's
     * blocks as they come, so the mastered song is never held in memory). A loop is mastered as three copies in
     * a row and the middle one kept: the compressor and limiter are then in the state the loop itself leaves
     * them in, so the mastered loop still repeats seamlessly.
     */
    static Mastered master(AudioBuffer mix, boolean loop, Path out, ProgressListener progress) {
        AudioBuffer input = loop ? repeat(mix, 3) : mix;
        MasterSettings settings = MasterSettings.defaults().withTarget(Target.custom(TARGET_LUFS, CEILING_DBTP)).withBits("32f");
        AudioSource source = AudioSource.of(input, "beat mix");
        // the master renders 32-bit float and beat.wav quantises it to 24 bits without dither
        AudioOutput wav = (rate, channels, bits) -> {
            AudioStreamWriter w = AudioFiles.openWriter(out, WAV24, rate, channels);
            return loop ? new Window(w, mix.frames(), mix.frames()) : w;
        };
        // only the master's loudness and peak are used: no band spectra
        MasterResult r = Mastering.master(source, Mastering.inspect(source, false, progress), settings, wav, progress);
        var report = r.output().report();
        LoudnessStage loud = r.plan().stages().loudness();
        double lufs = report.integratedLufs() == null ? Double.NaN : report.integratedLufs();
        return new Mastered(loud.gainDb(), Double.isNaN(lufs) ? OptionalDouble.empty() : OptionalDouble.of(lufs),
                report.truePeakDbtp(), "master module: " + loud.reason());
    }

    /** Passes on only frames [skip, skip + keep) of what is written to it. */
    static final class Window implements AudioStreamWriter {
        private final AudioStreamWriter out;
        private final long skip, end;
        private long at;
        private AudioBuffer part;

        Window(AudioStreamWriter out, long skip, long keep) {
            this.out = out;
            this.skip = skip;
            this.end = skip + keep;
        }

        @Override public void write(AudioBuffer block) {
            long from = Math.max(at, skip), to = Math.min(at + block.frames(), end);
            if (from == at && to == at + block.frames()) {
                out.write(block);
            } else if (from < to) {
                int n = (int) (to - from), offset = (int) (from - at);
                if (part == null || part.capacity() < n) part = AudioBuffer.allocate(block.channels(), block.frames(), block.sampleRate());
                for (int c = 0; c < block.channels(); c++) System.arraycopy(block.channel(c), offset, part.channel(c), 0, n);
                out.write(part.setFrames(n));
            }
            at += block.frames();
        }

        @Override public void commit() { out.commit(); }

        @Override public void close() { out.close(); }
    }

    static AudioBuffer repeat(AudioBuffer x, int times) {
        float[][] out = new float[x.channels()][x.frames() * times];
        for (int c = 0; c < out.length; c++) {
            for (int k = 0; k < times; k++) System.arraycopy(x.channel(c), 0, out[c], k * x.frames(), x.frames());
        }
        return new AudioBuffer(out, x.sampleRate());
    }
}
