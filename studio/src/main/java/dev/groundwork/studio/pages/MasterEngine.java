package dev.groundwork.studio.pages;

import dev.groundwork.core.json.Json;
import dev.groundwork.core.dsp.StereoWidth;
import dev.groundwork.core.progress.ProgressListener;
import dev.groundwork.core.analysis.AnalysisReport;
import dev.groundwork.master.Candidates;
import dev.groundwork.master.Character;
import dev.groundwork.master.Inspection;
import dev.groundwork.master.MasterResult;
import dev.groundwork.master.MasterSettings;
import dev.groundwork.master.Mastering;
import dev.groundwork.master.Target;
import dev.groundwork.master.analysis.TonalProfile;
import dev.groundwork.master.plan.MasteringPlan;
import dev.groundwork.master.plan.StereoStage;
import dev.groundwork.master.plan.Stages;
import dev.groundwork.master.plan.Warning;
import dev.groundwork.master.render.AudioOutput;
import dev.groundwork.master.render.AudioSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The one place the studio calls the mastering module (it never masters by itself). */
final class MasterEngine {
    private MasterEngine() { }

    static boolean available() { return true; }

    static List<String> targets() {
        return Arrays.stream(Target.Preset.values()).map(Target.Preset::id).toList();
    }

    /** A preset's target, or with a custom loudness and/or ceiling in place of the preset's (named like the CLI's: spotify+custom). */
    static Target target(String preset, Double lufs, Double ceilingDbtp) {
        Target base = Target.of(preset);
        if (lufs == null && ceilingDbtp == null) return base;
        return new Target(base.preset() + "+custom", lufs == null ? base.lufs() : lufs, ceilingDbtp == null ? base.ceilingDbtp() : ceilingDbtp);
    }

    /** One candidate per character (transparent, warm, punchy, …), all on the same target (a preset, or one with the producer's LUFS/ceiling). */
    static MasterViews.Run propose(Path source, String target, Double lufs, Double ceilingDbtp, Reference reference, Character first, int candidates,
                                   double maxLimitingLu, Path outDir, String relBase, ProgressListener progress) {
        Target delivery = target(target, lufs, ceilingDbtp);
        MasterSettings base = withReference(MasterSettings.defaults(), reference, progress).withMaxLimiting(maxLimitingLu);
        AudioSource src = AudioSource.of(source);
        Inspection inspection = Mastering.inspect(src, (s, f) -> progress.progress(s, 0.15 * f));
        // the chosen character first, then the others in the master module's order (--character with --candidates)
        List<Character> characters = Candidates.characters(first, candidates);
        List<MasterViews.Candidate> out = new ArrayList<>();
        List<AnalysisReport> reports = new ArrayList<>();
        for (int i = 0; i < characters.size(); i++) {
            Character c = characters.get(i);
            MasterSettings settings = base.withTarget(delivery).withCharacter(c);
            String id = c.id();
            Path wav = outDir.resolve("master-" + id + ".wav");
            double lo = 0.15 + 0.85 * i / characters.size(), span = 0.85 / characters.size();
            MasterResult r = Mastering.master(src, inspection, settings, AudioOutput.toFile(wav), (s, f) -> progress.progress(s + " " + id, lo + span * f));
            out.add(view(r, letter(i) + " · " + title(id), id, target, lufs, ceilingDbtp, reference, settings, wav, outDir, relBase));
            reports.add(r.output().report());
        }
        // the master module's rule for loudness-matched listening: every version, the original included, at this level
        double preview = Candidates.previewLoudness(reports, inspection.analysis().report(), delivery.ceilingDbtp());
        return new MasterViews.Run(source.getFileName().toString(), target, finite(preview), out);
    }

    /**
     * Re-masters with the producer's target, EQ amount and intensity; a width other than the character's
     * is then written into the plan's stereo stage and the plan rendered exactly as edited.
     */
    static MasterViews.Candidate adjust(Path source, Path planFile, String character, MasterViews.Adjustment a, Reference reference, Path outDir,
                                        String relBase, String id, String label, ProgressListener progress) {
        MasterSettings settings = settings(character, a, reference, progress);
        Path wav = outDir.resolve("master-" + id + ".wav");
        MasterResult r = master(source, settings, a.width(), wav, progress);
        return view(r, label, character, a.target(), a.lufs(), a.ceilingDbtp(), reference, settings, wav, outDir, relBase);
    }

    /**
     * A candidate mastered again, exactly as its settings say, at another sample rate and/or sample format for delivery
     * (--rate, --bits; rate 0 keeps the source's). Its plan is written beside it.
     */
    static MasterViews.Delivery deliver(Path source, String candidate, String character, MasterViews.Adjustment a, Reference reference, double rateHz,
                                        String bits, Path outDir, String relBase, ProgressListener progress) {
        MasterSettings settings = settings(character, a, reference, progress).withOutputRate(rateHz).withBits(bits);
        String base = "master-" + candidate + "-" + (rateHz == 0 ? "source-rate" : (long) rateHz + "hz") + "-" + bits + (bits.equals("32f") ? "" : "bit");
        Path wav = outDir.resolve(base + ".wav");
        MasterResult r = master(source, settings, a.width(), wav, progress);
        Json.write(outDir.resolve(base + ".plan.json"), r.plan());
        AnalysisReport out = r.output().report();
        return new MasterViews.Delivery(candidate, relBase + "/" + wav.getFileName(), relBase + "/" + base + ".plan.json",
                r.plan().stages().deliver().sampleRateHz(), bits, out.integratedLufs(), out.truePeakDbtp());
    }

    /** The settings a candidate's adjustment stands for: its target, character, EQ amount, intensity, multiband, reference, limiting. */
    private static MasterSettings settings(String character, MasterViews.Adjustment a, Reference reference, ProgressListener progress) {
        return withReference(MasterSettings.defaults(), reference, progress).withTarget(a.delivery()).withCharacter(Character.parse(character))
                .withEqAmount(a.eqAmount()).withIntensity(a.intensity()).withMultiband(a.multiband()).withMaxLimiting(a.maxLimitingLu());
    }

    /**
     * Masters with these settings; a width other than the character's is then written into the plan's stereo stage and the
     * plan rendered exactly as edited.
     */
    private static MasterResult master(Path source, MasterSettings settings, double width, Path wav, ProgressListener progress) {
        AudioSource src = AudioSource.of(source);
        MasterResult r = Mastering.master(src, settings, AudioOutput.toFile(wav), (s, f) -> progress.progress(s, 0.6 * f));
        StereoStage st = r.plan().stages().stereo();
        if (Math.abs(st.stereo().width() - width) > 1e-9) {
            StereoStage edited = new StereoStage(new StereoWidth.Settings(width, st.stereo().monoBassHz()), st.measuredCorrelation(),
                    String.format(Locale.ROOT, "width set by the producer to %.2f (proposed %.2f: %s)", width, st.stereo().width(), st.reason()));
            Stages s = r.plan().stages();
            MasteringPlan plan = r.plan().withStages(new Stages(s.inspect(), s.clean(), s.tonalBalance(), s.dynamics(), edited, s.loudness(), s.deliver()));
            r = Mastering.render(src, plan, AudioOutput.toFile(wav), (x, f) -> progress.progress("render width", 0.6 + 0.4 * f));
        }
        return r;
    }

    /** A reference track (--reference): the file, and its path in the project as the candidate's settings show it. */
    record Reference(Path file, String path) { }

    /** The reference's tonal balance as the EQ's target, measured like the CLI's --reference (its loudest sections). */
    private static MasterSettings withReference(MasterSettings s, Reference reference, ProgressListener progress) {
        if (reference == null) return s;
        TonalProfile p = Mastering.inspect(AudioSource.of(reference.file()), (st, f) -> progress.progress("reference", 0.1 * f)).measured().tonal();
        if (p == null) throw dev.groundwork.studio.ApiError.badRequest("the reference " + reference.file().getFileName() + " is too short to measure a tonal balance");
        return s.withReference(p, reference.file().getFileName().toString());
    }

    private static MasterViews.Candidate view(MasterResult r, String label, String character, String preset, Double lufs, Double ceilingDbtp,
                                              Reference reference, MasterSettings settings, Path wav, Path outDir, String relBase) {
        String base = wav.getFileName().toString().replaceFirst("\\.wav$", "");
        Json.write(outDir.resolve(base + ".plan.json"), r.plan());
        Stages s = r.plan().stages();
        List<String> reasons = new ArrayList<>();
        Character c = Character.parse(character);
        reasons.add(title(character) + ": " + c.description);
        for (String x : new String[]{s.loudness().reason(), s.tonalBalance().reason(), s.dynamics().reason(), multibandReason(s), s.stereo().reason(),
                s.clean().reason()}) {
            if (x != null && !x.isBlank()) reasons.add(x);
        }
        for (Warning w : r.plan().warnings()) reasons.add("⚠ " + w.message());
        AnalysisReport out = r.output().report();
        return new MasterViews.Candidate(base.substring("master-".length()), label, character, relBase + "/" + wav.getFileName(),
                relBase + "/" + base + ".plan.json", out.integratedLufs(), out.truePeakDbtp(), out.loudnessRangeLu(),
                new MasterViews.Adjustment(preset, settings.eqAmount(), settings.intensity(), s.stereo().stereo().width(),
                        settings.multiband() || c.multiband, c.multiband, lufs, ceilingDbtp, reference == null ? null : reference.path(),
                        settings.safeLimiterLu()), reasons);
    }

    /** The multiband stage in the studio's words: what it did or why it stayed off (the plan's key is dynamics.multiband). */
    static String multibandReason(Stages s) {
        var m = s.dynamics().multiband();
        if (m == null) return "Multiband dynamics: off (not asked for; switch it on under Adjust)";
        String why = m.reason().replaceFirst("^--multiband", "asked for");
        return (m.enabled() ? "Multiband dynamics: " : "Multiband dynamics asked for but left off: ") + why;
    }

    private static Double finite(double v) { return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : null; }

    private static String letter(int i) { return String.valueOf((char) ('A' + i)); }

    private static String title(String id) { return java.lang.Character.toUpperCase(id.charAt(0)) + id.substring(1); }
}
