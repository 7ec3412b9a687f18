package dev.groundwork.studio.pages;

import dev.groundwork.core.audio.OutputFormat;
import dev.groundwork.core.json.Json;
import dev.groundwork.core.progress.ProgressListener;
import dev.groundwork.mix.AutoMix;
import dev.groundwork.mix.MixSettings;
import dev.groundwork.mix.export.DawProjectExporter;
import dev.groundwork.mix.plan.MixPlan;
import dev.groundwork.mix.plan.StemPlan;
import dev.groundwork.mix.render.MixRenderer;
import dev.groundwork.mix.render.MixReport;
import dev.groundwork.mix.roles.Role;
import dev.groundwork.mix.stems.FileStem;
import dev.groundwork.mix.stems.StemSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The one place the studio calls the mixing module (it never mixes by itself). */
final class MixEngine {
    static final int CANDIDATES = 2;
    private static final OutputFormat WAV24 = OutputFormat.wav(OutputFormat.Encoding.PCM24);

    private MixEngine() { }

    static boolean available() { return true; }

    static List<String> roles() {
        return Arrays.stream(Role.values()).map(Role::id).toList();
    }

    static MixViews.Proposal propose(List<Path> stems, Function<Path, String> relative, Path outDir, String relBase, ProgressListener progress) {
        List<StemSource> sources = sources(stems);
        AutoMix.Analysis analysis = AutoMix.analyze(sources, (s, f) -> progress.progress(s, 0.3 * f));
        List<MixPlan> plans = AutoMix.candidates(analysis, MixSettings.defaults(), CANDIDATES);
        List<MixViews.Candidate> out = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            MixPlan plan = plans.get(i);
            double lo = 0.3 + 0.7 * i / plans.size(), span = 0.7 / plans.size();
            out.add(renderCandidate(plan, sources, stems, relative, outDir, relBase, plan.style(), label(plan.style()),
                    (s, f) -> progress.progress(s + " " + plan.style(), lo + span * f)));
        }
        return new MixViews.Proposal(out.get(0).planPath(), out.get(0).stems(), out);
    }

    static MixViews.Candidate render(List<Path> stems, Function<Path, String> relative, Path plan, Map<String, MixViews.StemEdit> edits, Path outDir, String relBase, String id,
                                     ProgressListener progress) {
        List<StemSource> sources = sources(stems);
        MixPlan edited = applyEdits(Json.read(plan, MixPlan.class), sources, edits, progress);
        return renderCandidate(edited, sources, stems, relative, outDir, relBase, id, "Your mix (" + id + ")", progress);
    }

    static MixViews.Export export(List<Path> stems, Path plan, Map<String, MixViews.StemEdit> edits, String format, Path outDir, String relBase,
                                  ProgressListener progress) {
        List<StemSource> sources = sources(stems);
        MixPlan edited = applyEdits(Json.read(plan, MixPlan.class), sources, edits, progress);
        Json.write(outDir.resolve("mix-plan.json"), edited);
        if (format.equals("dawproject")) {
            Map<String, Path> files = new LinkedHashMap<>();
            Map<String, Integer> channels = new LinkedHashMap<>();
            for (StemSource s : sources) {
                files.put(s.name(), ((FileStem) s).path());
                channels.put(s.name(), s.info().channels());
            }
            progress.progress("writing DAWproject", 0.5);
            Path out = outDir.resolve("mix.dawproject");
            // The DAW gets the plan (faders, pans, EQ, sends as device settings) and the raw stems, not baked audio.
            DawProjectExporter.write(out, edited, files, channels, null, "groundwork mix");
            return new MixViews.Export("dawproject", relBase + "/mix.dawproject");
        }
        MixRenderer.renderToFile(edited, sources, outDir.resolve("mix.wav"), WAV24, null, progress);
        return new MixViews.Export("wav", relBase + "/mix.wav");
    }

    /** The producer's changes: a role change re-plans with that role; faders and pans then override the plan's values. */
    static MixPlan applyEdits(MixPlan plan, List<StemSource> sources, Map<String, MixViews.StemEdit> edits, ProgressListener progress) {
        Map<String, Role> roles = new LinkedHashMap<>();
        edits.forEach((stem, e) -> { if (e.role() != null) roles.put(stem, Role.parse(e.role())); });
        MixPlan base = plan;
        if (!roles.isEmpty()) {
            AutoMix.Analysis a = AutoMix.analyze(sources, (s, f) -> progress.progress(s, 0.2 * f));
            base = AutoMix.propose(a, MixSettings.defaults().withStyle(plan.style()).withRoles(roles));
        }
        List<StemPlan> stems = new ArrayList<>();
        for (StemPlan sp : base.stems()) {
            MixViews.StemEdit e = edits.get(sp.file());
            if (e != null && e.faderDb() != null) {
                sp = sp.withGain(e.faderDb(), String.format(Locale.ROOT, "set by the producer to %+.1f dB (proposed %+.1f dB: %s)", e.faderDb(), sp.gainDb(), sp.gainReason()));
            }
            if (e != null && e.pan() != null) {
                sp = sp.withPan(e.pan(), String.format(Locale.ROOT, "set by the producer to %+.2f (proposed %+.2f)", e.pan(), sp.pan()));
            }
            stems.add(sp);
        }
        return base.withStems(stems);
    }

    private static MixViews.Candidate renderCandidate(MixPlan plan, List<StemSource> sources, List<Path> stems, Function<Path, String> relative,
                                                      Path outDir, String relBase, String id, String label, ProgressListener progress) {
        Path wav = outDir.resolve("mix-" + id + ".wav");
        Path planFile = outDir.resolve("mix-" + id + ".plan.json");
        Json.write(planFile, plan);
        MixReport report = MixRenderer.renderToFile(plan, sources, wav, WAV24, null, progress);
        List<MixViews.Stem> views = new ArrayList<>();
        for (StemPlan sp : plan.stems()) {
            String stemPath = stems.stream().filter(s -> s.getFileName().toString().equals(sp.file())).findFirst()
                    .map(relative).orElse(sp.file());
            List<String> reasons = new ArrayList<>();
            for (String r : new String[]{sp.roleReason(), sp.gainReason(), sp.panReason(), sp.sendReason()}) if (r != null && !r.isBlank()) reasons.add(r);
            sp.eq().forEach(b -> reasons.add(String.format(Locale.ROOT, "EQ %s %.0f Hz %+.1f dB: %s", b.type().id(), b.freqHz(), b.gainDb(), b.reason())));
            views.add(new MixViews.Stem(sp.file(), stemPath, sp.role().id(), round1(sp.gainDb()), Math.round(sp.pan() * 100) / 100.0, reasons));
        }
        return new MixViews.Candidate(id, label, relBase + "/" + wav.getFileName(), relBase + "/" + planFile.getFileName(),
                report.integratedLufs(), report.truePeakDbtp(), views, plan.notes());
    }

    private static List<StemSource> sources(List<Path> stems) {
        return stems.stream().map(FileStem::probe).map(s -> (StemSource) s).toList();
    }

    private static String label(String style) {
        String s = style.replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static double round1(double v) { return Math.round(v * 10) / 10.0; }
}
