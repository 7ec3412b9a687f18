package dev.groundwork.session.beat;

import dev.groundwork.beat.BeatMaker;
import dev.groundwork.beat.plan.BeatPlan;
import dev.groundwork.beat.render.RenderedBeat;
import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.audio.AudioFiles;
import dev.groundwork.core.audio.OutputFormat;
import dev.groundwork.core.json.Json;
import dev.groundwork.core.meter.LoudnessMeter;
import dev.groundwork.core.progress.ProgressListener;

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

    private BeatJob() { }

    public static BeatOutput run(BeatPlan plan, Path dir, ProgressListener progress) {
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(dir.resolve("stems"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        List<String> files = new ArrayList<>();
        Json.write(dir.resolve("beat.json"), plan);
        files.add("beat.json");
        BeatMaker.midi(plan).write(dir.resolve("beat.mid"));
        files.add("beat.mid");

        RenderedBeat beat = BeatMaker.render(plan, (stage, f) -> progress.progress(stage, f * 0.6));
        int i = 0;
        for (String part : beat.partNames()) {
            progress.progress("write stems", 0.6 + 0.15 * i++ / beat.partNames().size());
            AudioFiles.write(dir.resolve("stems").resolve(part + ".wav"), beat.stem(part), WAV24);
            files.add("stems/" + part + ".wav");
        }
        progress.progress("master", 0.8);
        AudioBuffer mix = beat.mix();
        Mastered m = master(mix, plan.loop());
        AudioFiles.write(dir.resolve("beat.wav"), m.audio, WAV24);
        files.add("beat.wav");
        progress.progress("done", 1);
        double secs = (System.nanoTime() - t0) / 1e9;
        return new BeatOutput(dir.toString(), plan.genre(), plan.tempoBpm(), plan.key().name(), plan.bars(),
                plan.totalFrames() / (double) plan.sampleRateHz(), plan.seed(), beat.partNames(), files,
                20 * Math.log10(beat.trim()), m.gainDb, m.lufs.isPresent() ? m.lufs.getAsDouble() : null, m.truePeak, m.method, secs);
    }

    record Mastered(AudioBuffer audio, double gainDb, OptionalDouble lufs, double truePeak, String method) { }

    /**
     * TODO(master): replace with the master module's mastering chain once branch `master` exposes its API.
     * Until then: one static gain to the loudness target, lowered if it would push the true peak over the
     * ceiling (so the ceiling always holds; the loudness may then fall short of -14 LUFS).
     */
    static Mastered master(AudioBuffer mix, boolean loop) {
        LoudnessMeter meter = new LoudnessMeter(mix.channels(), mix.sampleRate());
        meter.add(mix);
        OptionalDouble lufs = meter.integratedLufs();
        if (lufs.isEmpty()) return new Mastered(mix, 0, lufs, meter.truePeakDbtp(), "silence: left as is");
        double gain = TARGET_LUFS - lufs.getAsDouble();
        double tp = meter.truePeakDbtp();
        String method = "static gain to " + TARGET_LUFS + " LUFS";
        if (tp + gain > CEILING_DBTP) {
            gain = CEILING_DBTP - 0.05 - tp;
            method = "static gain held by the " + CEILING_DBTP + " dBTP ceiling (interim, no limiter)";
        }
        AudioBuffer out = mix.copy();
        out.applyGain(Math.pow(10, gain / 20));
        LoudnessMeter check = new LoudnessMeter(out.channels(), out.sampleRate());
        check.add(out);
        return new Mastered(out, gain, check.integratedLufs(), check.truePeakDbtp(), method);
    }
}
