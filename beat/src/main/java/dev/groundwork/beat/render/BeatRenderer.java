package dev.groundwork.beat.render;

import dev.groundwork.beat.perform.PerformedNote;
import dev.groundwork.beat.perform.Performer;
import dev.groundwork.beat.plan.BeatPlan;
import dev.groundwork.beat.plan.Part;
import dev.groundwork.beat.plan.Role;
import dev.groundwork.beat.plan.Section;
import dev.groundwork.beat.compose.Seeds;
import dev.groundwork.beat.plan.Feel;
import dev.groundwork.beat.sound.LofiTape;
import dev.groundwork.beat.sound.DrumKit;
import dev.groundwork.beat.sound.LoadedKit;
import dev.groundwork.beat.sound.SampleKits;
import dev.groundwork.beat.sound.SoundFontRenderer;
import dev.groundwork.beat.sound.SynthDrums;
import dev.groundwork.beat.sound.SynthVoices;
import dev.groundwork.beat.sound.ToneVoice;
import dev.groundwork.beat.style.Genre;
import dev.groundwork.core.progress.ProgressListener;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a plan to dry part audio, offline and deterministically. The length is exactly
 * bars x bar duration; in loop mode every tail that rings past the end is wrapped onto the
 * start, so the file repeats seamlessly, sample-exact.
 */
public final class BeatRenderer {
    /** Room for release tails past the last bar before they are cut (or wrapped in loop mode). */
    static final double TAIL_SECONDS = 3.0;

    private BeatRenderer() { }

    /** {@code loaded}: the plan's kit, already read (null, or another kit: the plan's kit is read from its path). */
    public static RenderedBeat render(BeatPlan plan, LoadedKit loaded, ProgressListener progress) {
        int sr = plan.sampleRateHz();
        int frames = Math.toIntExact(plan.totalFrames());
        // Tails are rendered only where they are wrapped (loop mode); otherwise every part is rendered straight
        // into the song's exact length (the filters are causal, so the kept samples are the same) and not copied.
        int tail = plan.loop() ? (int) (TAIL_SECONDS * sr) : 0;
        DrumKit userKit = plan.kit() == null ? null : loaded != null && loaded.isKitOf(plan) ? loaded.drums() : SampleKits.load(Path.of(plan.kit()), sr);
        javax.sound.midi.Soundbank bank = plan.soundfont() == null ? null : SoundFontRenderer.load(Path.of(plan.soundfont()));
        List<PartAudio> out = new ArrayList<>();
        int done = 0;
        for (Part part : plan.parts()) {
            progress.progress("render " + part.name(), done / (double) plan.parts().size());
            List<PerformedNote> notes = Performer.perform(plan, part);
            float[][] audio;
            if (plan.soundfont() != null && (part.role() != Role.DRUMS || userKit == null)) {
                audio = SoundFontRenderer.renderPart(bank, part, notes, sr, frames + tail);
            } else if (part.role() == Role.DRUMS) {
                DrumKit kit = userKit != null ? userKit : new SynthDrums(part.sound(), sr);
                audio = new float[][]{renderDrums(kit, notes, sr, frames + tail, plan.loop() ? frames : 0)};
            } else {
                ToneVoice voice = SynthVoices.forSound(part.sound(), sr, plan.feel());
                audio = new float[][]{renderTones(voice, notes, sr, frames + tail)};
            }
            for (int c = 0; c < audio.length; c++) {
                colour(plan, part, audio[c], sr);
                audio[c] = finish(audio[c], frames, plan.loop(), sr);
                tape(plan, part, audio[c], sr);
            }
            boolean builtIn = plan.soundfont() == null && (part.role() != Role.DRUMS || userKit == null);
            double calibration = builtIn ? Calibration.gainDb(part) : 0;
            out.add(new PartAudio(part.name(), audio, Math.pow(10, (part.gainDb() + calibration) / 20), part.pan()));
            done++;
        }
        progress.progress("render", 1);
        RenderedBeat untrimmed = new RenderedBeat(out, frames, sr, 1.0);   // finds each part's rests, once
        double peak = untrimmed.mixPeak();
        double trim = peak > 0 ? Math.pow(10, RenderedBeat.MIX_PEAK_DBFS / 20) / peak : 1.0;
        return untrimmed.withTrim(trim);
    }

    /** {@code loopFrames} > 0: the first hits of the loop also choke the last ones, as they will when it repeats. */
    static float[] renderDrums(DrumKit kit, List<PerformedNote> notes, int sr, int length, int loopFrames) {
        float[] buf = new float[length];
        List<PerformedNote> sorted = new ArrayList<>(notes);
        sorted.sort(java.util.Comparator.comparingDouble(PerformedNote::startSeconds));
        int fade = Math.max(1, sr / 400); // 2.5 ms choke fade
        for (int i = 0; i < sorted.size(); i++) {
            PerformedNote n = sorted.get(i);
            float[] hit = kit.sample(n.pitch(), n.velocity());
            if (hit == null) continue;
            float velocityGain = kit.velocityGain(n.pitch(), n.velocity());
            int start = (int) Math.round(n.startSeconds() * sr);
            int end = start + hit.length;
            int group = kit.muteGroup(n.pitch());
            if (group >= 0) {
                int count = sorted.size();
                for (int j = i + 1; j < i + 1 + (loopFrames > 0 ? count : count - i - 1); j++) {
                    PerformedNote m = sorted.get(j % count);
                    if (kit.muteGroup(m.pitch()) != group) continue;
                    end = Math.min(end, (int) Math.round(m.startSeconds() * sr) + (j >= count ? loopFrames : 0));
                    break;
                }
            }
            addHit(buf, hit, velocityGain, start, end, Math.min(end, length), end < start + hit.length ? fade : 0);
        }
        return buf;
    }

    /**
     * Adds {@code hit} from frame {@code start} up to {@code stop}; a choked hit ({@code fade} > 0) fades out over the
     * last {@code fade} frames before {@code end}. Kept apart from the note loop, so the one hot loop compiles once
     * whatever mix of choked and free hits the parts bring.
     */
    private static void addHit(float[] buf, float[] hit, float velocityGain, int start, int end, int stop, int fade) {
        for (int k = start; k < stop; k++) {
            float g = end - k < fade ? (end - k) / (float) fade : 1f;
            float h = hit[k - start] * velocityGain;
            buf[k] += h * g;
        }
    }

    static float[] renderTones(ToneVoice voice, List<PerformedNote> notes, int sr, int length) {
        float[] buf = new float[length];
        for (PerformedNote n : notes) {
            int start = (int) Math.round(n.startSeconds() * sr);
            int len = Math.max(1, (int) Math.round(n.lengthSeconds() * sr));
            voice.render(buf, start, len, n.pitch(), n.velocity(), n.glideFrom());
        }
        return buf;
    }

    /**
     * Genre colour that belongs to the sound, not the mix, applied before the cut so loop tails wrap through it.
     * Lo-fi: every part comes off the same worn record (dull top; the drums' transients softened with it), and
     * the chords (the "sample") carry the vinyl bed of hiss and crackle wherever they play.
     */
    static void colour(BeatPlan plan, Part part, float[] x, int sr) {
        if (!worn(plan)) return;
        if (part.role() == Role.DRUMS) {
            LofiTape.dull(x, sr, 6000);
            return;
        }
        if (part.name().equals("chords")) {
            double spb = plan.secondsPerBeat();
            long seed = Seeds.derive(plan.seed(), "vinyl");
            for (Section s : plan.sections()) {
                if (!s.parts().contains(part.name())) continue;
                int from = (int) Math.round(s.startBar() * plan.barBeats() * spb * sr);
                int to = (int) Math.round(s.endBar() * plan.barBeats() * spb * sr);
                LofiTape.addBed(x, from, to, sr, Seeds.derive(seed, "section:" + s.startBar()));
            }
        }
        if (part.role() != Role.BASS) LofiTape.dull(x, sr, 4200);
    }

    /** Whether the plan asks for the worn-record medium (plans from before it was recorded: lo-fi's default). */
    static boolean worn(BeatPlan plan) {
        String m = plan.feel() == null ? null : plan.feel().medium();
        return m == null ? Genre.fromLabel(plan.genre()) == Genre.LOFI : m.equals(Feel.VINYL_TAPE);
    }

    /** Lo-fi tape wow on the pitched parts, after the cut (time-varying, so it is made periodic over a loop). */
    static void tape(BeatPlan plan, Part part, float[] x, int sr) {
        if (!worn(plan) || part.role() == Role.DRUMS) return;
        LofiTape.wow(x, sr, Seeds.derive(plan.seed(), "wow"), plan.loop());
    }

    /** Cuts to the exact length: loop mode wraps the tail onto the start, otherwise the last 10 ms fade out. */
    static float[] finish(float[] x, int frames, boolean loop, int sr) {
        float[] out = x.length == frames ? x : java.util.Arrays.copyOf(x, frames);
        if (loop) {
            for (int i = frames; i < x.length; i++) out[i % frames] += x[i];
        } else {
            int fade = Math.min(frames, sr / 100);
            for (int i = 0; i < fade; i++) out[frames - 1 - i] *= i / (float) fade;
        }
        return out;
    }
}
