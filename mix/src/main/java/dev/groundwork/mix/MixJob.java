package dev.groundwork.mix;

import dev.groundwork.core.audio.AudioFiles;
import dev.groundwork.core.audio.OutputFormat;
import dev.groundwork.core.json.Json;
import dev.groundwork.core.progress.ProgressListener;
import dev.groundwork.mix.export.DawProjectExporter;
import dev.groundwork.mix.export.ReaperExporter;
import dev.groundwork.mix.plan.MixPlan;
import dev.groundwork.mix.render.MixReport;
import dev.groundwork.mix.render.MixRenderer;
import dev.groundwork.mix.stems.FileStem;
import dev.groundwork.mix.stems.StemFolder;
import dev.groundwork.mix.stems.StemSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One mix job as the CLI, the studio and produce run it: open and check the stems, propose (or read) the
 * plans, render each candidate, write plans, processed stems and DAW exports. Everything is checked
 * before the first byte is written; every file goes through a temporary file moved into place.
 */
public final class MixJob {
    /**
     * @param output      the mix file (first candidate); others get "-style" before the extension; null = plan only
     * @param planFile    where to write the plan (others "-style"); null = none
     * @param fromPlan    render this plan instead of proposing one
     * @param stemsOut    folder for processed stems (first candidate); null = none
     * @param exports     "dawproject" and/or "rpp", written next to the output (or the plan)
     * @param embedAudio  copy the stems into the .dawproject instead of referencing them where they are
     */
    public record Request(Path stemsDir, Path output, OutputFormat format, Path planFile, Path fromPlan, Path stemsOut,
                          int candidates, List<String> exports, MixSettings settings, boolean embedAudio) {
        /** A request whose DAWproject export references the stems. */
        public Request(Path stemsDir, Path output, OutputFormat format, Path planFile, Path fromPlan, Path stemsOut,
                       int candidates, List<String> exports, MixSettings settings) {
            this(stemsDir, output, format, planFile, fromPlan, stemsOut, candidates, exports, settings, false);
        }
    }

    /**
     * A request that cannot be carried out as asked (where the files go, which exports): the caller's mistake, which a
     * command line reports as a usage error, unlike what the stems themselves turn out to hold.
     */
    public static final class RequestException extends IllegalArgumentException {
        public RequestException(String message) { super(message); }
    }

    /** One rendered (or planned) candidate with the files written for it. */
    public record Outcome(MixPlan plan, MixReport report, Path audio, Path planFile, List<Path> exports) { }

    private MixJob() { }

    public static List<Outcome> run(Request r, ProgressListener progress) {
        List<StemSource> stems = StemFolder.open(r.stemsDir());
        for (String e : r.exports()) {
            if (!e.equals("dawproject") && !e.equals("rpp")) throw new RequestException("unknown export '" + e + "'; use dawproject or rpp");
        }
        if (r.output() != null) {
            Path outDir = r.output().toAbsolutePath().getParent();
            if (dev.groundwork.core.io.SamePath.of(outDir, r.stemsDir())) {
                throw new RequestException("write the mix outside the stem folder (it would become a stem next time)");
            }
            for (StemSource s : stems) AudioFiles.requireDistinct(((FileStem) s).path(), r.output());
            try {
                OutputFormat.forPath(r.output(), "24");   // checks the extension before any work
            } catch (IllegalArgumentException e) {
                throw new RequestException(e.getMessage());
            }
        }
        if (r.planFile() != null) {
            for (StemSource s : stems) {
                if (dev.groundwork.core.io.SamePath.of(r.planFile(), ((FileStem) s).path())) throw new RequestException("--plan " + r.planFile() + " would overwrite the stem " + s.name());
            }
        }
        if (r.stemsOut() != null && dev.groundwork.core.io.SamePath.of(r.stemsOut(), r.stemsDir())) {
            throw new RequestException("--stems must name another folder than the stems themselves (they would be overwritten)");
        }
        if (r.fromPlan() == null) {
            String unknown = dev.groundwork.mix.plan.MixPlanner.unknownStemName(r.settings(), stems.stream().map(StemSource::name).toList());
            if (unknown != null) throw new RequestException(unknown);
        }
        List<MixPlan> plans;
        if (r.fromPlan() != null) {
            MixPlan p = Json.read(r.fromPlan(), MixPlan.class);
            if (p.formatVersion() != MixPlan.FORMAT_VERSION) throw new IllegalArgumentException(r.fromPlan().getFileName() + ": plan format " + p.formatVersion() + " is not supported");
            plans = List.of(dev.groundwork.mix.plan.MixPlanner.followEdits(p));
        } else {
            AutoMix.Analysis a = AutoMix.analyze(stems, (s, f) -> progress.progress(s, f));
            plans = r.candidates() > 1 ? AutoMix.candidates(a, r.settings(), r.candidates()) : List.of(AutoMix.propose(a, r.settings()));
        }
        // as master refuses silence: a mix of nothing would be written and reported as a mix
        if (plans.get(0).stems().stream().allMatch(dev.groundwork.mix.plan.StemPlan::silent)) {
            throw new IllegalArgumentException("every stem in " + r.stemsDir().getFileName() + " is silent: there is nothing to mix");
        }
        Map<String, Path> files = new LinkedHashMap<>();
        Map<String, Integer> channels = new LinkedHashMap<>();
        for (StemSource s : stems) {
            files.put(s.name(), ((FileStem) s).path());
            channels.put(s.name(), s.info().channels());
        }
        List<Outcome> out = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            MixPlan p = plans.get(i);
            String suffix = i == 0 ? "" : "-" + p.style().replace('_', '-');
            Path planPath = r.planFile() == null ? null : withSuffix(r.planFile(), suffix);
            if (planPath != null) Json.write(planPath, p);
            MixReport report = null;
            Path audio = null;
            if (r.output() != null) {
                audio = withSuffix(r.output(), suffix);
                int n = plans.size(), k = i;
                report = MixRenderer.renderToFile(p, stems, audio, r.format(), i == 0 ? r.stemsOut() : null,
                        (s, f) -> progress.progress(n > 1 ? s + " " + (k + 1) + "/" + n : s, f));
            }
            List<Path> exports = new ArrayList<>();
            Path base = audio != null ? audio : planPath != null ? planPath : r.stemsDir().toAbsolutePath().resolveSibling(r.stemsDir().getFileName() + "-mix" + suffix);
            for (String e : r.exports()) {
                Path target = replaceExtension(base, e.equals("dawproject") ? ".dawproject" : ".rpp");
                if (e.equals("dawproject")) {
                    DawProjectExporter.write(target, p, files, channels, r.stemsDir().getFileName().toString(),
                            r.embedAudio() ? DawProjectExporter.Audio.EMBED : DawProjectExporter.Audio.REFERENCE);
                } else {
                    ReaperExporter.write(target, p, files);
                }
                exports.add(target);
            }
            out.add(new Outcome(p, report, audio, planPath, exports));
        }
        return out;
    }

    static Path withSuffix(Path p, String suffix) {
        if (suffix.isEmpty()) return p;
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        String name = dot > 0 ? n.substring(0, dot) + suffix + n.substring(dot) : n + suffix;
        return p.resolveSibling(name);
    }

    static Path replaceExtension(Path p, String ext) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return p.resolveSibling((dot > 0 ? n.substring(0, dot) : n) + ext);
    }

    /** A human summary: per stem role, gain, pan, main EQ and compression with reasons; then buses, notes and the result. */
    public static String summary(MixPlan p, MixReport r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Mix plan (%s, %s balance), %d stems at %.0f Hz, lead: %s%n", p.style().replace('_', ' '), p.balance(), p.stems().size(),
                p.sampleRateHz(), p.lead() == null ? "none" : p.lead()));
        b.append(String.format(Locale.ROOT, "  %-22s %-15s %7s %6s  %-28s %s%n", "stem", "role", "gain", "pan", "main EQ", "compression"));
        for (var s : p.stems()) {
            String eq = s.eq().stream().filter(e -> e.type() != dev.groundwork.mix.plan.EqBand.Type.HIGH_PASS).findFirst()
                    .map(e -> String.format(Locale.ROOT, "%+.1f dB @ %.0f Hz", e.gainDb(), e.freqHz()))
                    .orElse(s.eq().isEmpty() ? "-" : String.format(Locale.ROOT, "HP %.0f Hz", s.eq().get(0).freqHz()));
            String comp = s.compression() == null ? "-" : String.format(Locale.ROOT, "%.1f:1, ~%.1f dB", s.compression().ratio(), s.compression().expectedReductionDb());
            if (s.ducking() != null) comp += String.format(Locale.ROOT, " + duck %.0f dB", s.ducking().depthDb());
            String pan = Math.abs(s.pan()) < 0.005 ? "C" : String.format(Locale.ROOT, "%s%.0f", s.pan() < 0 ? "L" : "R", Math.abs(s.pan()) * 100);
            b.append(String.format(Locale.ROOT, "  %-22s %-15s %+6.1f %6s  %-28s %s%n", clip(s.file(), 22),
                    clip(s.role().id() + String.format(Locale.ROOT, " %.0f%%", 100 * s.roleConfidence()), 15), s.gainDb(), pan, clip(eq, 28), comp));
            b.append("      gain: ").append(s.gainReason()).append('\n');
            b.append("      role: ").append(s.roleReason()).append('\n');
            if (!s.silent()) {
                b.append("      pan: ").append(s.panReason());
                s.eq().stream().filter(e -> e.type() != dev.groundwork.mix.plan.EqBand.Type.HIGH_PASS).forEach(e -> b.append("; eq: ").append(e.reason()));
                if (s.compression() != null) b.append("; comp: ").append(s.compression().reason());
                if (s.ducking() != null) b.append("; duck: ").append(s.ducking().reason());
                b.append("; sends: ").append(s.sendReason()).append('\n');
            }
        }
        if (p.drumBus() != null) b.append("  drum bus: ").append(p.drumBus().reason()).append('\n');
        b.append("  reverb: ").append(p.space().reverbReason()).append('\n');
        b.append("  delay: ").append(p.space().delayReason()).append('\n');
        b.append("  mix bus: ").append(p.mixBus().reason()).append('\n');
        b.append("  sample rate: ").append(p.sampleRateReason()).append('\n');
        for (String n : p.notes()) b.append("  note: ").append(n).append('\n');
        if (r != null) {
            b.append(String.format(Locale.ROOT, "result: %.1f s, %s LUFS integrated, sample peak %.1f dBFS%s, rendered in %.1f s%n",
                    r.durationSeconds(), r.integratedLufs() == null ? "-inf" : String.format(Locale.ROOT, "%.1f", r.integratedLufs()),
                    r.samplePeakDbfs(),
                    r.ceilingTrimDb() < 0 ? String.format(Locale.ROOT, ", turned down %.1f dB to respect the %.1f dBFS ceiling", -r.ceilingTrimDb(),
                            p.mixBus().peakCeilingDbfs()) : "", r.renderSeconds()));
        }
        return b.toString();
    }

    private static String clip(String s, int n) { return s.length() <= n ? s : s.substring(0, n - 1) + "…"; }
}
