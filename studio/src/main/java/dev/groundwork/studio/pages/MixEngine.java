package dev.groundwork.studio.pages;

import dev.groundwork.core.audio.OutputFormat;
import dev.groundwork.core.json.Json;
import dev.groundwork.core.progress.ProgressListener;
import dev.groundwork.mix.AutoMix;
import dev.groundwork.mix.MixJob;
import dev.groundwork.mix.MixSettings;
import dev.groundwork.mix.export.ReaperExporter;
import dev.groundwork.mix.plan.MixPlan;
import dev.groundwork.mix.plan.StemPlan;
import dev.groundwork.mix.roles.Role;
import dev.groundwork.mix.stems.StemFolder;
import dev.groundwork.mix.stems.StemSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The one place the studio calls the mixing module (it never mixes by itself): the mix module's
 * {@link MixJob} proposes, renders and exports, exactly as the CLI runs it. The stems of a mix are the
 * audio files of one folder of the project (an upload, or a beat's stems).
 */
final class MixEngine {
    /** Candidates proposed unless asked otherwise (balanced, vocal forward); up to one per style (--candidates 1..5). */
    static final int CANDIDATES = 2;
    private static final OutputFormat WAV24 = OutputFormat.wav(OutputFormat.Encoding.PCM24);

    private MixEngine() { }

    static boolean available() { return true; }

    static List<String> roles() {
        return Arrays.stream(Role.values()).map(Role::id).toList();
    }

    /**
     * @param balance      "auto", "song" or "beat" (the level conventions; see MixSettings)
     * @param maskingLevel 0..1, the masking-aware level move (MixSettings.maskingLevel; 0 = off)
     * @param asked        the EQ masking-cut strength and the focused lead (--masking, --lead)
     * @param candidates   1..5 styles in MixSettings.STYLES order (balanced, vocal forward, beat forward, wide, dry)
     */
    static MixViews.Proposal propose(Path stemsDir, Function<Path, String> relative, Path outDir, String relBase, String balance,
                                     double maskingLevel, MixViews.Asked asked, int candidates, ProgressListener progress) {
        MixSettings settings = withAsked(MixSettings.defaults().withBalance(balance).withMaskingLevel(maskingLevel), asked);
        List<MixJob.Outcome> outcomes = MixJob.run(new MixJob.Request(stemsDir, outDir.resolve("mix.wav"), WAV24, outDir.resolve("mix.plan.json"),
                null, null, candidates, List.of(), settings), progress);
        List<MixViews.Candidate> out = new ArrayList<>();
        for (MixJob.Outcome o : outcomes) out.add(view(o, o.plan().style(), label(o.plan().style()), stemsDir, relative));
        return new MixViews.Proposal(out.get(0).planPath(), out.get(0).stems(), out, asked.maskingStrength(), asked.lead(),
                asked.intents(), asked.fixes(), asked.headroomDbfs());
    }

    /** The settings with what the producer asked the proposal for: masking cuts, lead, --more/--less steps, --fix moves, --headroom. */
    static MixSettings withAsked(MixSettings s, MixViews.Asked asked) {
        s = s.withMaskingStrength(asked.maskingStrength());
        if (asked.lead() != null) s = s.withLead(asked.lead());
        for (var i : asked.intents().entrySet()) s = s.withIntent(i.getKey(), i.getValue());
        for (var f : asked.fixes().entrySet()) s = s.withFix(f.getKey(), f.getValue());
        return s.withPeakCeiling(asked.headroomDbfs());
    }

    static MixViews.Candidate render(Path stemsDir, Function<Path, String> relative, Path plan, Map<String, MixViews.StemEdit> edits,
                                     MixViews.Asked asked, Path outDir, String relBase, String id, ProgressListener progress) {
        Path edited = editedPlan(stemsDir, plan, edits, asked, outDir, "mix-" + id + ".plan.json", progress);
        MixJob.Outcome o = MixJob.run(new MixJob.Request(stemsDir, outDir.resolve("mix-" + id + ".wav"), WAV24, null, edited, null, 1,
                List.of(), MixSettings.defaults()), progress).get(0);
        return view(new MixJob.Outcome(o.plan(), o.report(), o.audio(), edited, o.exports()), id, "Your mix (" + id + ")", stemsDir, relative);
    }

    static MixViews.Export export(Path stemsDir, Function<Path, String> relative, Path plan, Map<String, MixViews.StemEdit> edits,
                                  MixViews.Asked asked, String format, Path outDir, ProgressListener progress) {
        Path edited = editedPlan(stemsDir, plan, edits, asked, outDir, "mix.json", progress);
        if (format.equals("rpp")) return new MixViews.Export(format, relative.apply(reaper(stemsDir, edited, outDir.resolve("mix.rpp"))));
        boolean daw = format.equals("dawproject");
        // DAWproject carries the plan (faders, pans, EQ, sends) and copies of the raw stems (a download must stand alone); WAV is the rendered mix
        MixJob.Outcome o = MixJob.run(new MixJob.Request(stemsDir, daw ? null : outDir.resolve("mix.wav"), WAV24, edited, edited, null, 1,
                daw ? List.of("dawproject") : List.of(), MixSettings.defaults(), true), progress).get(0);
        return new MixViews.Export(format, relative.apply(daw ? o.exports().get(0) : o.audio()));
    }

    /**
     * A Reaper project of the edited plan (--export rpp). Unlike the CLI's, which names the stems relative to the project's
     * folder, it names them by absolute path: a download leaves the workspace, and the stems stay where the studio keeps them.
     */
    private static Path reaper(Path stemsDir, Path planFile, Path out) {
        MixPlan plan = Json.read(planFile, MixPlan.class);
        Map<String, Path> files = new LinkedHashMap<>();
        for (StemPlan sp : plan.stems()) files.put(sp.file(), stemsDir.resolve(sp.file()).toAbsolutePath().normalize());
        ReaperExporter.write(out, plan, files, false);
        return out;
    }

    /**
     * Applies the producer's changes to a plan and writes it: a role change, or a stem named as bleed/room (or no longer),
     * re-plans with those roles and bleed stems (the plan's masking level and strength, the proposal's lead, intents, fixes and
     * headroom); faders and pans then override.
     */
    private static Path editedPlan(Path stemsDir, Path plan, Map<String, MixViews.StemEdit> edits, MixViews.Asked asked, Path outDir, String name,
                                   ProgressListener progress) {
        MixPlan p = applyEdits(Json.read(plan, MixPlan.class), stemsDir, edits, asked, progress);
        Path file = outDir.resolve(name);
        Json.write(file, p);
        return file;
    }

    static MixPlan applyEdits(MixPlan plan, Path stemsDir, Map<String, MixViews.StemEdit> edits, MixViews.Asked asked, ProgressListener progress) {
        Map<String, Role> roles = new LinkedHashMap<>();
        edits.forEach((stem, e) -> { if (e.role() != null) roles.put(stem, Role.parse(e.role())); });
        // bleed as edited, else as the plan has it; a bleed edit that differs from the plan needs a new plan
        java.util.Set<String> bleed = new java.util.TreeSet<>();
        boolean bleedChanged = false;
        for (StemPlan sp : plan.stems()) {
            MixViews.StemEdit e = edits.get(sp.file());
            boolean b = e != null && e.bleed() != null ? e.bleed() : sp.bleed();
            if (b) bleed.add(sp.file());
            bleedChanged |= b != sp.bleed();
        }
        MixPlan base = plan;
        if (!roles.isEmpty() || bleedChanged) {
            List<StemSource> sources = StemFolder.open(stemsDir);
            AutoMix.Analysis a = AutoMix.analyze(sources, (s, f) -> progress.progress(s, 0.2 * f));
            // the masking strength is the plan's (masking_strength), as the level is: an edit of it in the plan file holds here too
            MixSettings settings = withAsked(MixSettings.defaults().withStyle(plan.style()).withBalance(plan.balance())
                    .withMaskingLevel(plan.maskingLevel()).withRoles(roles), asked).withMaskingStrength(plan.maskingStrength());
            for (String b : bleed) settings = settings.withBleed(b);
            base = AutoMix.propose(a, settings);
        }
        List<StemPlan> stems = new ArrayList<>();
        for (StemPlan sp : base.stems()) {
            MixViews.StemEdit e = edits.get(sp.file());
            if (e != null && e.faderDb() != null) {
                // a fader: the compressor's threshold follows it, so moving it changes the level, not the compression
                sp = sp.withFader(e.faderDb(), String.format(Locale.ROOT, "set by the producer to %+.1f dB (proposed %+.1f dB: %s)", e.faderDb(), sp.gainDb(), sp.gainReason()));
            }
            if (e != null && e.pan() != null) {
                sp = sp.withPan(e.pan(), String.format(Locale.ROOT, "set by the producer to %+.2f (proposed %+.2f)", e.pan(), sp.pan()));
            }
            stems.add(sp);
        }
        return base.withStems(stems);
    }

    private static MixViews.Candidate view(MixJob.Outcome o, String id, String label, Path stemsDir, Function<Path, String> relative) {
        List<MixViews.Stem> views = new ArrayList<>();
        for (StemPlan sp : o.plan().stems()) {
            List<String> reasons = new ArrayList<>();
            for (String r : new String[]{sp.roleReason(), sp.gainReason(), sp.panReason(), sp.sendReason()}) if (r != null && !r.isBlank()) reasons.add(r);
            sp.eq().forEach(b -> reasons.add(String.format(Locale.ROOT, "EQ %s %.0f Hz %+.1f dB: %s", b.type().id(), b.freqHz(), b.gainDb(), b.reason())));
            views.add(new MixViews.Stem(sp.file(), relative.apply(stemsDir.resolve(sp.file())), sp.role().id(), round1(sp.gainDb()),
                    Math.round(sp.pan() * 100) / 100.0, sp.bleed(), reasons));
        }
        var space = o.plan().space();
        return new MixViews.Candidate(id, label, relative.apply(o.audio()), relative.apply(o.planFile()),
                o.report().integratedLufs(), o.report().samplePeakDbfs(), views, o.plan().notes(),
                new MixViews.DelayTempo(space.tempoBpm(), space.projectTempoBpm(), space.tempoReason(), space.delayTimeMs()));
    }

    private static String label(String style) {
        String s = style.replace('_', ' ');
        return java.lang.Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static double round1(double v) { return Math.round(v * 10) / 10.0; }
}
