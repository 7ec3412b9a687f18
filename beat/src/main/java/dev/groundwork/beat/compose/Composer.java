package dev.groundwork.beat.compose;

import dev.groundwork.beat.plan.BeatPlan;
import dev.groundwork.beat.plan.Chord;
import dev.groundwork.beat.plan.Feel;
import dev.groundwork.beat.plan.Groove;
import dev.groundwork.beat.plan.Note;
import dev.groundwork.beat.plan.Part;
import dev.groundwork.beat.plan.Role;
import dev.groundwork.beat.plan.Section;
import dev.groundwork.beat.prompt.BeatRequest;
import dev.groundwork.beat.prompt.Mood;
import dev.groundwork.beat.style.Genre;
import dev.groundwork.beat.style.MetreDrums;
import dev.groundwork.beat.style.Sounds;
import dev.groundwork.beat.theory.Key;
import dev.groundwork.beat.theory.Mode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Turns a request and a seed into a {@link BeatPlan}: settles what the prompt left open (tempo,
 * key, form) from the seed, writes harmony, then every part from its own seed.
 */
public final class Composer {
    public static final int SAMPLE_RATE = 44100;

    private Composer() { }

    public static BeatPlan compose(BeatRequest req, long seed) {
        Genre g = req.genre();
        List<String> reading = new ArrayList<>(req.reading());
        SplittableRandom choices = Seeds.random(seed, "choices");

        double tempo;
        if (req.tempoBpm() != null) {
            tempo = req.tempoBpm();
        } else {
            double half = (g.bpmMax - g.bpmMin) / 2.0;
            double centre = g.bpmDefault + req.tempoBias() * half;
            tempo = Math.max(g.bpmMin, Math.min(g.bpmMax, Math.round(centre) + choices.nextInt(5) - 2));
            reading.add("tempo: " + fmt(tempo) + " BPM (chosen by the seed within " + g.label + "'s " + g.bpmMin + "-" + g.bpmMax
                    + (req.tempoBias() != 0 ? ", steered " + (req.tempoBias() < 0 ? "slower" : "faster") + " by the prompt" : "") + ")");
        }
        Mode mode = req.mode() != null ? req.mode() : g.defaultMode;
        int tonic;
        if (req.tonic() != null) {
            tonic = req.tonic();
        } else {
            tonic = choices.nextInt(12);
        }
        Key key = new Key(tonic, mode);
        if (req.tonic() == null) reading.add("key: " + key.name() + " (chosen by the seed; name a key to fix it)");

        if (g.halfTime) {
            reading.add("feel: half-time (" + (g.backbeatOnThree() ? "one snare a bar, on beat 3" : "two-step drums")
                    + "): a listener may count " + fmt(tempo / 2) + " BPM");
        }
        Feel feel = feel(req);
        if (Feel.VINYL_TAPE.equals(feel.medium()) && req.medium() == null) {
            reading.add("medium: vinyl and tape (hiss and crackle under the chords, tape wow, a dull top), as " + g.label
                    + " is made; set feel.medium to \"clean\" in beat.json and render it with --from-plan to take it off");
        }
        Integer targetBars = req.bars();
        if (targetBars == null && req.seconds() != null) {
            double exact = req.seconds() * tempo / 60.0 / req.metre().barBeats();
            targetBars = (int) Math.max(1, Math.round(exact));
            if (targetBars > 8 && !req.loop()) {
                // a time is a wish for about that long: whole four-bar phrases, so no section comes out 5, 9 or 21 bars
                // long (bars asked for in bars are kept exactly)
                targetBars = 4 * (int) Math.round(exact / 4);
                reading.add("length: " + targetBars + " bars, " + fmt(targetBars * 60.0 * req.metre().barBeats() / tempo) + " s at "
                        + fmt(tempo) + " BPM (" + fmt(req.seconds()) + " s asked; whole four-bar phrases)");
            } else {
                reading.add("length: " + targetBars + " bars (" + fmt(req.seconds()) + " s at " + fmt(tempo) + " BPM)");
            }
        }
        List<String> form = req.structure().isEmpty() ? Arranger.defaultForm(g) : req.structure();
        if (targetBars != null && req.structure().isEmpty() && !req.loop()) {
            if (targetBars <= 8) form = List.of("hook");
            else if (targetBars <= 16) form = List.of("verse", "hook");
        }

        List<String> parts = new ArrayList<>();
        for (String p : Arranger.ALL_PARTS) {
            if (req.exclude().contains(p)) continue;
            if (p.equals("perc") && MetreDrums.of(g, req.metre()).percs().isEmpty() && !req.include().contains("perc")) continue;
            parts.add(p);
        }
        if (parts.isEmpty()) {
            parts.add("chords");
            reading.add("everything was left out; keeping the chords so there is a beat to hear");
        }
        List<Section> sections = Arranger.arrange(form, g, targetBars, parts, req.include(), feel.density(), req.loop());
        if (feel.melodic() && parts.contains("melody")) sections = withMelodyInVerses(sections);
        int bars = sections.stream().mapToInt(Section::bars).sum();
        reading.add("form: " + String.join(", ", sections.stream().map(s -> s.name() + " " + s.bars()).toList()) + " (" + bars + " bars)");

        boolean sevenths = g.jazzy() || req.moods().contains(Mood.JAZZY);
        List<Chord> chords = HarmonyWriter.write(g, req.metre(), key, sevenths, sections, bars, req.loop(), feel.hypnotic(), Seeds.random(seed, "harmony"));

        if (chords.stream().anyMatch(c -> c.beat() > 0)) {
            reading.add("harmony: a turnaround in the last bar of each four-bar phrase (two chords, the second the dominant"
                    + " on the half bar), as " + g.label + " does");
        }
        double swing = req.swing() != null ? req.swing() : g.swing;
        Groove groove = groove(g, swing, Seeds.derive(seed, "groove"));

        Map<String, String> sounds = new TreeMap<>();
        String kit = Sounds.drumKitFor(g);
        for (String p : parts) {
            sounds.put(p, switch (p) {
                case "bass" -> req.sounds().getOrDefault("bass", g.bassSound);
                case "chords" -> req.sounds().getOrDefault("chords", g.chordSound);
                case "melody" -> req.sounds().getOrDefault("melody", g.leadSound);
                default -> kit;
            });
        }
        BeatPlan skeleton = new BeatPlan(BeatPlan.FORMAT, req.prompt(), reading, req.ignored(), g.label, tempo, key, req.metre().label(), bars,
                req.loop(), seed, SAMPLE_RATE, null, null, feel, groove, sections, chords, List.of());
        List<Part> written = new ArrayList<>();
        for (String p : parts) {
            Part part = emptyPart(p, sounds.get(p), Seeds.derive(seed, "part:" + p), req.heavy808(), feel.melodic());
            skeleton = skeleton.withParts(written);
            written.add(part.withNotes(keepActive(skeleton, p, writeNotes(skeleton, part))));
        }
        return skeleton.withParts(written);
    }

    /** "melodic": the melody also plays in every section with the drums (verses, builds, bridges), not only hooks, intro and breaks. */
    static List<Section> withMelodyInVerses(List<Section> sections) {
        List<Section> out = new ArrayList<>();
        for (Section s : sections) {
            if (s.energy() >= 0.5 && !s.parts().contains("melody")) {
                List<String> ps = new ArrayList<>(s.parts());
                ps.add("melody");
                s = s.withParts(Arranger.ordered(ps));
            }
            out.add(s);
        }
        return out;
    }

    static String fmt(double v) { return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v); }

    static Feel feel(BeatRequest req) {
        double density = 0.5, brightness = 0.5;
        double drive = req.genre().bassSound.equals("808") ? 0.25 : 0.1;
        int register = 0;
        List<String> moods = new ArrayList<>();
        for (Mood m : req.moods()) {
            moods.add(m.name().toLowerCase(Locale.ROOT));
            density += m.density;
            brightness += m.brightness;
            drive += m.drive;
            register += m.register;
        }
        if (req.heavy808()) drive += 0.5;
        String medium = req.medium() != null ? req.medium() : req.genre() == Genre.LOFI ? Feel.VINYL_TAPE : Feel.CLEAN;
        return new Feel(moods, density, register, brightness, drive, medium, req.slides() ? Feel.SLIDES : null);
    }

    static Groove groove(Genre g, double swing, long seed) {
        Map<String, Double> offsets = new TreeMap<>();
        double human;
        switch (g) {
            case BOOM_BAP -> { offsets.put("snare", 12.0); offsets.put("hats", 6.0); human = 5; }
            case LOFI -> { offsets.put("snare", 8.0); offsets.put("hats", 4.0); human = 2.5; }
            case HOUSE, TECHNO -> { offsets.put("hats", -3.0); human = 1; }
            case AFROBEATS -> { offsets.put("perc", -4.0); offsets.put("snare", 4.0); human = 3; }
            case DRILL -> { offsets.put("snare", 5.0); human = 1.5; }
            case RNB -> { offsets.put("snare", 8.0); human = 3; }
            case REGGAETON -> human = 2;
            default -> human = 1.5;
        }
        // Half-time genres lean harder on the quarter-note hats, so the pulse is felt under a syncopated kick.
        // Slow swung genres (lo-fi, R&B) too: a ghosted off-beat hat keeps the 8th stream from being heard as the beat.
        boolean strongAccent = g.halfTime || g == Genre.LOFI || g == Genre.RNB;
        return new Groove(swing, offsets, strongAccent ? 0.3 : 0.15, human, 6, seed);
    }

    /** A part with its sound, MIDI program/channel, balance and pan, but no notes yet. */
    public static Part emptyPart(String name, String sound, long seed, boolean heavy808, boolean melodic) {
        Role role = switch (name) {
            case "kick", "snare", "hats", "perc" -> Role.DRUMS;
            case "bass" -> Role.BASS;
            case "chords" -> Role.CHORDS;
            default -> Role.MELODY;
        };
        int program = role == Role.DRUMS ? -1 : Sounds.get(sound).gmProgram();
        int channel = switch (name) {
            case "bass" -> 0;
            case "chords" -> 1;
            case "melody" -> 2;
            default -> 9;
        };
        double gain, pan;
        String reason;
        // Offsets against the other parts, each sound first levelled to the same loudness (render.Calibration).
        switch (name) {
            case "kick" -> { gain = 0; pan = 0; reason = "kick is the level reference; low end stays centre"; }
            case "snare" -> { gain = -1; pan = 0; reason = "backbeat level with the kick, centre"; }
            // 12 dB, not 8: louder hats let a tempo detector (and a listener) take a dotted-quarter or half-bar pulse
            // from the 8th-note stream at 150-170 BPM; the kick and snare must carry the beat
            case "hats" -> { gain = -12; pan = 0.15; reason = "hats 12 dB under the kick (hats well below the kick, so kick and snare carry the beat), slightly right"; }
            case "perc" -> { gain = -10; pan = -0.3; reason = "percussion under the hats, left to balance them"; }
            case "bass" -> {
                boolean eight08 = sound.equals("808");
                gain = eight08 ? (heavy808 ? 3.0 : 1.0) : -1.0;
                pan = 0;
                reason = heavy808 ? "heavy 808 asked for: 3 dB over the kick, centre"
                        : eight08 ? "808 carries the low end, 1 dB over the kick, centre" : "bass just under the kick, centre";
            }
            case "chords" -> { gain = -6; pan = -0.1; reason = "chords 6 dB behind the drums, a touch left"; }
            default -> {
                gain = melodic ? -2 : -4;
                pan = 0.1;
                reason = melodic ? "melodic asked for: melody 2 dB under the kick, 4 dB over the chords, a touch right"
                        : "melody over the chords, 4 dB under the kick, a touch right";
            }
        }
        return new Part(name, role, sound, program, channel, seed, gain, pan, reason, List.of());
    }

    /** Writes a part's notes for every bar from its own seed; the plan gives the locked context. */
    public static List<Note> writeNotes(BeatPlan plan, Part part) {
        Genre g = Genre.fromLabel(plan.genre());
        List<Note> kicks = plan.hasPart("kick") ? plan.part("kick").notes() : List.of();
        ComposeContext ctx = new ComposeContext(g, plan.metre(), plan.key(), plan.feel(), plan.bars(), plan.sections(), plan.chords(), kicks);
        SplittableRandom rnd = new SplittableRandom(part.seed());
        return switch (part.name()) {
            case "kick" -> DrumWriter.kick(ctx, rnd);
            case "snare" -> DrumWriter.snare(ctx, rnd, part.sound().equals("clap") ? DrumWriter.CLAP : g.drums.snareNote());
            case "hats" -> DrumWriter.hats(ctx, rnd);
            case "perc" -> DrumWriter.perc(ctx, rnd, g.drums.percNote() == 0 ? 63 : g.drums.percNote());
            case "bass" -> BassWriter.write(ctx, part.sound(), rnd);
            case "chords" -> ChordWriter.write(ctx, part.sound(), rnd);
            default -> MelodyWriter.write(ctx, part.sound(), rnd);
        };
    }

    /** Keeps the notes that start in sections where the part plays. */
    public static List<Note> keepActive(BeatPlan plan, String part, List<Note> notes) {
        List<Note> out = new ArrayList<>();
        double barBeats = plan.barBeats();
        for (Note n : notes) {
            int bar = (int) Math.floor(n.startBeats() / barBeats + 1e-9);
            if (bar >= plan.bars()) continue;
            if (!plan.sectionAtBar(bar).parts().contains(part)) continue;
            // Notes never ring past the end of the section they start in when the next section drops the part.
            Section s = plan.sectionAtBar(bar);
            double sectionEnd = s.endBar() * barBeats;
            if (n.endBeats() > sectionEnd && (s.endBar() >= plan.bars() || !plan.sectionAtBar(s.endBar()).parts().contains(part))) {
                double len = sectionEnd - n.startBeats();
                if (len <= 1e-6) continue;
                n = new Note(n.startBeats(), len, n.pitch(), n.velocity(), n.chromatic(), n.glideFrom());
            }
            out.add(n);
        }
        return out;
    }
}
