package dev.groundwork.cli;

import dev.groundwork.beat.plan.BeatPlan;
import dev.groundwork.core.audio.OutputFormat;
import dev.groundwork.core.json.Json;
import dev.groundwork.mix.MixJob;
import dev.groundwork.mix.MixSettings;
import dev.groundwork.mix.roles.Role;
import dev.groundwork.session.produce.StemRoles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@Command(name = "mix", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Mix a folder of stems into a balanced stereo mix and an editable session.",
                "Every decision (role, gain, pan, EQ, compression, sends) is printed with the measurement behind it."},
        footerHeading = "%nExamples:%n",
        footer = {"  groundwork mix stems/ -o mix.wav",
                "  groundwork mix stems/ -o mix.wav --plan mix.json --export dawproject",
                "  groundwork mix stems/ -o again.wav --from-plan mix.json   (mix.json edited)",
                "  groundwork mix stems/ -o mix.wav --candidates 5 --master --target apple",
                "  groundwork mix stems/ -o mix.wav --more vocal --fix bass=-2dB"})
public final class MixCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STEMS_DIR", description = "Folder of 2 to 64 stems (WAV, AIFF, FLAC, MP3, Ogg Vorbis; mono or stereo).")
    Path stems;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.wav", description = "The mix (.wav or .flac). Leave out to only plan/export.")
    Path output;

    @Option(names = "--bits", paramLabel = "16|24|32f", defaultValue = "24", description = "Sample format of the mix (default: ${DEFAULT-VALUE}).")
    String bits;

    @Option(names = "--plan", paramLabel = "P.json", description = "Write the mix plan here.")
    Path plan;

    @Option(names = "--from-plan", paramLabel = "P.json", description = "Render this (edited) plan exactly instead of proposing one.")
    Path fromPlan;

    @Option(names = "--stems", paramLabel = "DIR", description = "Also write each processed stem (post fader and pan, 32-bit float) here.")
    Path stemsOut;

    @Option(names = "--candidates", defaultValue = "1", paramLabel = "N",
            description = "Render N candidates (1..5): balanced, vocal-forward, beat-forward, wide, dry.")
    int candidates;

    @Mixin
    MixIntentOptions intent;

    @Option(names = "--role", paramLabel = "FILE=ROLE", description = "Set a stem's role (" + "kick, snare, hats, percussion, drums, bass, 808, "
            + "lead_vocal, backing_vocals, guitar, keys, pad, synth_lead, strings_brass, fx).")
    List<String> roles = new ArrayList<>();

    @Option(names = "--lead", paramLabel = "FILE", description = "The stem to focus (default: the lead vocal, else a synth lead).")
    String lead;

    @Option(names = "--beat-plan", paramLabel = "beat.json", description = "The stems are this beat's parts as groundwork beat wrote them: "
            + "each stem's role, the melody as the lead and the delay's tempo come from the plan (--role, --lead and --tempo still win).")
    Path beatPlan;

    @Option(names = "--fix", paramLabel = "TARGET=±NdB", description = "Move a role or a file by N dB after the automix, e.g. bass=-3dB.")
    List<String> fixes = new ArrayList<>();

    @Option(names = "--bleed", paramLabel = "FILE", description = "A bleed or room track: held 12 dB under its role's level instead of raised to it (repeatable).")
    List<String> bleed = new ArrayList<>();

    @Option(names = "--masking", defaultValue = "0.5", paramLabel = "0..1", description = "Masking-cut strength 0..1: how deep the EQ cuts where stems compete in the same bands (default: ${DEFAULT-VALUE}).")
    double masking;

    @Option(names = "--tempo", paramLabel = "BPM", description = "Tempo for the delay time (default: estimated from the drums; 120 when unsure).")
    Double tempo;

    @Option(names = "--headroom", defaultValue = "-6", paramLabel = "dBFS", description = "Peak ceiling of the mix (default: ${DEFAULT-VALUE} dBFS).")
    double headroom;

    @Option(names = "--export", paramLabel = "FORMAT", split = ",", description = "dawproject and/or rpp, written next to the mix.")
    List<String> exports = new ArrayList<>();

    @Option(names = "--embed-audio", description = "Copy the stems into the .dawproject (default: it references them where they are).")
    boolean embedAudio;

    @Option(names = "--master", description = "Master the mix afterwards (OUT-master.wav and its plan OUT-master.json).")
    boolean master;

    @Mixin
    MasterTargetOption target;

    @Option(names = "--json", description = "Print the plans and results as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    private static final Pattern FIX = Pattern.compile("(.+)=([+-]?\\d+(?:\\.\\d+)?)\\s*(?:db)?", Pattern.CASE_INSENSITIVE);

    @Override
    public Integer call() {
        if (output == null && plan == null && exports.isEmpty()) {
            throw new UsageException("say where the mix goes (-o OUT.wav), or ask for --plan or --export");
        }
        if (fromPlan != null && candidates > 1) throw new UsageException("--from-plan renders one plan: drop --candidates");
        if (fromPlan != null) {
            PlanDecidedOptions.refuseWithFromPlan(spec, Set.of("--role", "--beat-plan", "--lead", "--fix", "--bleed", "--masking", "--masking-level", "--tempo",
                    "--headroom", "--style", "--balance", "--more", "--less"));
        }
        if (candidates < 1 || candidates > MixSettings.STYLES.size()) throw new UsageException("--candidates must be 1.." + MixSettings.STYLES.size());
        if (!bits.equals("16") && !bits.equals("24") && !bits.equals("32f")) throw new UsageException("--bits must be 16, 24 or 32f, not " + bits);
        // as master: files go only into folders that exist and can be written, checked before the stems are read
        new OverwriteGuard().output("-o", output).output("--plan", plan).folder(stemsOut);
        OutputFormat format;
        try {
            format = output == null ? null : OutputFormat.forPath(output, bits);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        MixSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (master && output == null) throw new UsageException("--master needs the mix file (-o OUT.wav)");
        dev.groundwork.master.MasterSettings masterSettings = target.settings();
        List<String> ex = exports.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
        for (String e : ex) if (!e.equals("dawproject") && !e.equals("rpp")) throw new UsageException("--export takes dawproject or rpp, not " + e);
        if (embedAudio && !ex.contains("dawproject")) throw new UsageException("--embed-audio goes with --export dawproject");
        var request = new MixJob.Request(stems, output, format, plan, fromPlan, stemsOut, candidates, ex, settings, embedAudio);
        List<MixJob.Outcome> outcomes;
        try (TerminalProgress progress = TerminalProgress.forTerminal(json)) {
            try {
                outcomes = MixJob.run(request, progress);
            } catch (MixJob.RequestException e) {
                throw new UsageException(e.getMessage());
            }
            if (master) {
                for (var o : outcomes) {
                    Path mastered = withSuffix(o.audio(), "-master", ".wav");
                    var result = dev.groundwork.master.Mastering.master(dev.groundwork.master.render.AudioSource.of(o.audio()), masterSettings,
                            dev.groundwork.master.render.AudioOutput.toFile(mastered), (s, f) -> progress.progress("mastering", f));
                    Json.write(withSuffix(o.audio(), "-master", ".json"), result.plan());
                    masteredFiles.add(String.format(Locale.ROOT, "wrote %s (master for %s: %.1f LUFS, true peak %.1f dBTP)", mastered,
                            result.plan().target().preset(),
                            result.output().report().integratedLufs() == null ? Double.NEGATIVE_INFINITY : result.output().report().integratedLufs(),
                            result.output().report().truePeakDbtp()));
                }
            }
        }
        var out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (var o : outcomes) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("style", o.plan().style());
                m.put("audio_file", o.audio() == null ? null : o.audio().toString());
                m.put("plan_file", o.planFile() == null ? null : o.planFile().toString());
                m.put("export_files", o.exports().stream().map(Path::toString).toList());
                m.put("result", o.report());
                m.put("plan", o.plan());
                list.add(m);
            }
            out.println(Json.write(Map.of("mixes", list)));
        } else {
            for (var o : outcomes) {
                out.print(MixJob.summary(o.plan(), o.report()));
                if (o.audio() != null) out.println("wrote " + o.audio());
                if (o.planFile() != null) out.println("wrote " + o.planFile() + " (plan)");
                for (Path e : o.exports()) out.println("wrote " + e + " (DAW session)");
                if (outcomes.size() > 1) out.println();
            }
            if (stemsOut != null && output != null) out.println("wrote the processed stems to " + stemsOut);
            masteredFiles.forEach(out::println);
        }
        out.flush();
        return 0;
    }

    private final List<String> masteredFiles = new ArrayList<>();

    private static Path withSuffix(Path p, String suffix, String ext) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return p.resolveSibling((dot > 0 ? n.substring(0, dot) : n) + suffix + ext);
    }

    private MixSettings settings() {
        Map<String, Role> roleMap = new LinkedHashMap<>();
        for (String r : roles) {
            int eq = r.lastIndexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("--role takes FILE=ROLE, not " + r);
            roleMap.put(r.substring(0, eq).trim(), Role.parse(r.substring(eq + 1)));
        }
        MixSettings s = intent.applyTo(new MixSettings(roleMap, lead, masking, MixSettings.DEFAULT_MASKING_LEVEL, Map.of(), Map.of(), "balanced", -20, headroom, tempo, null, "auto", java.util.Set.copyOf(bleed)));
        if (beatPlan != null) {
            BeatPlan beat = Json.read(beatPlan, BeatPlan.class);
            for (var part : beat.parts()) {
                if (!Files.isRegularFile(stems.resolve(part.name() + ".wav"))) {
                    throw new IllegalArgumentException("--beat-plan " + beatPlan.getFileName() + " has the part " + part.name() + ", but " + stems
                            + " has no " + part.name() + ".wav: give the stems folder that beat wrote for this plan");
                }
            }
            s = StemRoles.mixSettings(beat, s);
        }
        for (String f : fixes) {
            Matcher m = FIX.matcher(f.trim());
            if (!m.matches()) throw new IllegalArgumentException("--fix takes TARGET=±NdB (e.g. bass=-3dB), not " + f);
            s = s.withFix(m.group(1).trim(), Double.parseDouble(m.group(2)));
        }
        return s;
    }
}
