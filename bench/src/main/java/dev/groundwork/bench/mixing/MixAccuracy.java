package dev.groundwork.bench.mixing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.audio.AudioFiles;
import dev.groundwork.core.json.Json;
import dev.groundwork.core.meter.LoudnessMeter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Grades automix against a known good mix. For every stem, its loudness relative to the whole mix
 * (LU) is compared with the same quantity in the known mix; the absolute differences are averaged.
 * Three contestants: automix (its processed stems from {@code --stems}, or the fader gains of its
 * plan applied to the scrambled stems), equal-loudness faders (every scrambled stem normalised to
 * the same integrated loudness) and the raw sum of the scrambled stems.
 *
 * <p>Usage: {@code mix-accuracy SONG_DIR...}, each holding {@code known/}, {@code scrambled/} and
 * optionally {@code automix-stems/} or {@code automix-plan.json}. Prints JSON; the Markdown table
 * goes to {@code SONG_DIR/../mix-accuracy.md}.
 */
public final class MixAccuracy {
    /** Stems quieter than this in the known mix are left out (a silent stem has no level to get right). */
    static final double AUDIBLE_LUFS = -70;

    private MixAccuracy() { }

    /**
     * Relative levels under this (LU below the whole mix) are not heard as a level: both the known and the graded
     * level are raised to it before they are compared (the "floored" score), so a part the composer buried at
     * -35 LU and an automix that buries it at -45 LU count as agreeing. The plain score grades every stem.
     */
    static final double AUDIBLE_FLOOR_LU = -30;

    /** The song sets of the corpus, by the prefix of their folder names, and the families they are made with. */
    static String family(String source) {
        return switch (source) {
            case "blupi", "openmsx" -> "general-midi";
            case "pingus", "tecnoballz" -> "tracker-modules";
            case "lmms" -> "lmms-producer-mixes";
            case "extra" -> "added-multitracks"; // bench/mix.sh's BENCH_MIX_SONGS
            default -> "groundwork-beats";
        };
    }

    /** Sums of absolute errors per contestant (automix, equal loudness, raw sum, faders only; plain and floored). */
    static final class Tally {
        static final String[] KEYS = {"automix_error_lu", "equal_loudness_error_lu", "raw_sum_error_lu", "automix_faders_only_error_lu"};
        final double[] sum = new double[4], floored = new double[4];
        final int[] count = new int[4];

        void add(Map<String, Object> stem) {
            double known = (Double) stem.get("known_relative_lu");
            for (int k = 0; k < 4; k++) {
                if (!(stem.get(KEYS[k]) instanceof Double d)) continue;
                sum[k] += Math.abs(d);
                floored[k] += Math.abs(Math.max(known + d, AUDIBLE_FLOOR_LU) - Math.max(known, AUDIBLE_FLOOR_LU));
                count[k]++;
            }
        }

        Double mae(int k) { return count[k] > 0 ? sum[k] / count[k] : null; }

        Double flooredMae(int k) { return count[k] > 0 ? floored[k] / count[k] : null; }

        String cell(int k) { return mean(sum[k], count[k]); }

        Map<String, Object> json() {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("automix_mae_lu", mae(0));
            j.put("equal_loudness_mae_lu", mae(1));
            j.put("raw_sum_mae_lu", mae(2));
            j.put("automix_faders_only_mae_lu", mae(3));
            j.put("automix_floored_mae_lu", flooredMae(0));
            j.put("equal_loudness_floored_mae_lu", flooredMae(1));
            j.put("stems_graded", count[1]);
            return j;
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: mix-accuracy SONG_DIR...");
            System.exit(2);
        }
        List<Map<String, Object>> songs = new ArrayList<>();
        Tally all = new Tally(), outsideBeats = new Tally();
        Map<String, Tally> bySource = new TreeMap<>(), byFamily = new TreeMap<>(), byRole = new TreeMap<>();
        StringBuilder md = new StringBuilder();
        md.append("| song | stems | automix MAE (LU) | equal-loudness MAE (LU) | raw-sum MAE (LU) | automix source | automix faders only MAE (LU) |\n");
        md.append("|---|---:|---:|---:|---:|---|---:|\n");
        // Songs are graded in parallel (each holds its own sum), then tallied in the order given.
        List<Map<String, Object>> graded = java.util.Arrays.stream(args).parallel().map(arg -> {
            try {
                return grade(Path.of(arg));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
        for (int a = 0; a < args.length; a++) {
            Path dir = Path.of(args[a]);
            Map<String, Object> song = graded.get(a);
            songs.add(song);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> stems = (List<Map<String, Object>>) song.get("stems");
            String source = dir.getFileName().toString().split("-")[0];
            Tally own = new Tally();
            for (Map<String, Object> stem : stems) {
                own.add(stem);
                all.add(stem);
                if (!family(source).equals("groundwork-beats")) outsideBeats.add(stem);
                bySource.computeIfAbsent(source, k -> new Tally()).add(stem);
                byFamily.computeIfAbsent(family(source), k -> new Tally()).add(stem);
                byRole.computeIfAbsent((String) stem.get("role"), k -> new Tally()).add(stem);
            }
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s |%n", dir.getFileName(), stems.size(),
                    own.cell(0), own.cell(1), own.cell(2), song.get("automix_source"), own.cell(3)));
        }
        for (Map.Entry<String, Tally> e : bySource.entrySet()) {
            Tally g = e.getValue();
            md.append(String.format(Locale.ROOT, "| *all %s songs* | %d | *%s* | *%s* | *%s* | | %s |%n", e.getKey(), g.count[1],
                    g.cell(0), g.cell(1), g.cell(2), g.cell(3)));
        }
        md.append(String.format(Locale.ROOT, "| **all songs but the groundwork beats** | %d | **%s** | **%s** | **%s** | | %s |%n", outsideBeats.count[1],
                outsideBeats.cell(0), outsideBeats.cell(1), outsideBeats.cell(2), outsideBeats.cell(3)));
        md.append(String.format(Locale.ROOT, "| all songs | %d | %s | %s | %s | | %s |%n", all.count[1],
                all.cell(0), all.cell(1), all.cell(2), all.cell(3)));
        md.append(String.format(Locale.ROOT, "%nBy role (as automix classified the stem; all songs):%n%n| role | stems | automix MAE (LU) | equal-loudness MAE (LU) |%n|---|---:|---:|---:|%n"));
        for (Map.Entry<String, Tally> e : byRole.entrySet()) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s |%n", e.getKey(), e.getValue().count[1], e.getValue().cell(0), e.getValue().cell(1)));
        }
        Map<String, Object> out = new LinkedHashMap<>(all.json());
        out.put("audible_floor_lu", AUDIBLE_FLOOR_LU);
        out.put("without_groundwork_beats", outsideBeats.json());
        Map<String, Object> sources = new LinkedHashMap<>(), families = new LinkedHashMap<>(), roles = new LinkedHashMap<>();
        bySource.forEach((k, v) -> sources.put(k, v.json()));
        byFamily.forEach((k, v) -> families.put(k, v.json()));
        byRole.forEach((k, v) -> roles.put(k, v.json()));
        out.put("by_source", sources);
        out.put("by_family", families);
        out.put("by_role", roles);
        out.put("songs", songs);
        System.out.println(Json.write(out));
        Path mdFile = Path.of(args[0]).toAbsolutePath().getParent().resolve("mix-accuracy.md");
        Files.writeString(mdFile, md.toString());
    }

    private static String mean(double s, int n) {
        return n == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", s / n);
    }

    static Map<String, Object> grade(Path dir) throws IOException {
        List<Path> known = StemScrambler.wavFiles(dir.resolve("known"));
        List<Path> scrambled = new ArrayList<>();
        for (Path k : known) scrambled.add(dir.resolve("scrambled").resolve(k.getFileName()));

        // The known mix and the two baselines depend on the known and scrambled stems only: kept in
        // baselines.json beside them and reused while it is newer than the scrambled set.
        Path cache = dir.resolve("baselines.json");
        double[] knownRel, rawRel, equalRel;
        Path scrambledRecord = dir.resolve("scrambled.json");
        if (Files.isRegularFile(cache) && Files.isRegularFile(scrambledRecord)
                && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(scrambledRecord)) > 0) {
            JsonNode c = Json.MAPPER.readTree(cache.toFile());
            knownRel = doubles(c.get("known"));
            rawRel = doubles(c.get("raw_sum"));
            equalRel = doubles(c.get("equal_loudness"));
        } else {
            knownRel = relativeLoudness(known, null);
            rawRel = relativeLoudness(scrambled, null);
            double[] scrambledLufs = new double[known.size()];
            for (int i = 0; i < known.size(); i++) scrambledLufs[i] = lufs(scrambled.get(i));
            double[] equalGains = new double[known.size()];
            for (int i = 0; i < known.size(); i++) equalGains[i] = Double.isFinite(scrambledLufs[i]) ? -23 - scrambledLufs[i] : 0;
            equalRel = relativeLoudness(scrambled, equalGains);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("known", finiteOrNull(knownRel));
            c.put("raw_sum", finiteOrNull(rawRel));
            c.put("equal_loudness", finiteOrNull(equalRel));
            Json.write(cache, c);
        }

        double[] autoRel = null;
        String source = "not run";
        Path autoStems = dir.resolve("automix-stems");
        Path plan = dir.resolve("automix-plan.json");
        if (Files.isDirectory(autoStems)) {
            List<Path> processed = new ArrayList<>();
            for (Path k : known) processed.add(findStem(autoStems, k.getFileName().toString()));
            if (processed.stream().allMatch(p -> p != null)) {
                autoRel = relativeLoudness(processed, null);
                source = "processed stems (--stems)";
            }
        }
        double[] faderRel = null; // the plan's fader gains alone, without EQ, compression or pan: a diagnostic
        JsonNode planJson = Files.isRegularFile(plan) ? Json.MAPPER.readTree(plan.toFile()) : null;
        if (planJson != null) {
            double[] gains = planGains(planJson, known);
            if (gains != null) faderRel = relativeLoudness(scrambled, gains);
        }
        if (autoRel == null && faderRel != null) {
            autoRel = faderRel;
            source = "plan fader gains (--plan)";
        }

        List<Map<String, Object>> stems = new ArrayList<>();
        for (int i = 0; i < known.size(); i++) {
            if (!(knownRel[i] > AUDIBLE_LUFS - 23)) continue; // -inf or absurdly quiet stem
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("stem", known.get(i).getFileName().toString());
            s.put("role", planJson == null ? "unknown" : planRole(planJson, known.get(i).getFileName().toString()));
            s.put("known_relative_lu", knownRel[i]);
            s.put("automix_relative_lu", autoRel == null ? null : autoRel[i]);
            s.put("automix_error_lu", autoRel == null ? null : autoRel[i] - knownRel[i]);
            s.put("automix_faders_only_error_lu", faderRel == null ? null : faderRel[i] - knownRel[i]);
            s.put("equal_loudness_error_lu", equalRel[i] - knownRel[i]);
            s.put("raw_sum_error_lu", rawRel[i] - knownRel[i]);
            stems.add(s);
        }
        Map<String, Object> song = new LinkedHashMap<>();
        song.put("song", dir.getFileName().toString());
        song.put("automix_source", source);
        song.put("stems", stems);
        return song;
    }

    private static List<Double> finiteOrNull(double[] v) {
        List<Double> out = new ArrayList<>();
        for (double x : v) out.add(Double.isFinite(x) ? x : null);
        return out;
    }

    private static double[] doubles(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) v[i] = array.get(i).isNumber() ? array.get(i).asDouble() : Double.NEGATIVE_INFINITY;
        return v;
    }

    /** A processed stem whose file name contains the original's base name (tools add suffixes). */
    private static Path findStem(Path dir, String name) throws IOException {
        String base = name.replaceFirst("\\.[^.]+$", "");
        Path exact = dir.resolve(name);
        if (Files.isRegularFile(exact)) return exact;
        for (Path p : StemScrambler.wavFiles(dir)) if (p.getFileName().toString().contains(base)) return p;
        return null;
    }

    /**
     * Fader gains from a mix plan: any object that names the stem (a text field ending in its file
     * name or base name) and carries a numeric {@code gain_db}. Null when a stem has none.
     */
    static double[] planGains(JsonNode plan, List<Path> stems) {
        double[] gains = new double[stems.size()];
        for (int i = 0; i < stems.size(); i++) {
            String name = stems.get(i).getFileName().toString();
            OptionalDouble g = findGain(plan, name, name.replaceFirst("\\.[^.]+$", ""));
            if (g.isEmpty()) return null;
            gains[i] = g.getAsDouble();
        }
        return gains;
    }

    /** The role the plan gives a stem ("unknown" when it names none). */
    static String planRole(JsonNode plan, String file) {
        for (JsonNode stem : plan.path("stems")) {
            if (file.equals(stem.path("file").asText())) return stem.path("role").asText("unknown");
        }
        return "unknown";
    }

    private static OptionalDouble findGain(JsonNode node, String name, String base) {
        if (node.isObject()) {
            boolean names = false;
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                JsonNode v = it.next();
                if (v.isTextual() && (v.asText().endsWith(name) || v.asText().equals(base))) names = true;
            }
            if (names && node.has("gain_db") && node.get("gain_db").isNumber()) return OptionalDouble.of(node.get("gain_db").asDouble());
        }
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            OptionalDouble g = findGain(it.next(), name, base);
            if (g.isPresent()) return g;
        }
        return OptionalDouble.empty();
    }

    static double lufs(Path file) {
        AudioBuffer a = stereo(AudioFiles.read(file));
        LoudnessMeter m = new LoudnessMeter(a.channels(), a.sampleRate());
        m.add(a);
        return m.integratedLufs().orElse(Double.NEGATIVE_INFINITY);
    }

    /** A stem as it sits in a stereo mix: mono goes to both sides (so it is measured 3 dB louder). */
    static AudioBuffer stereo(AudioBuffer a) {
        if (a.channels() == 2) return a;
        if (a.channels() != 1) throw new IllegalArgumentException("stems must be mono or stereo, not " + a.channels() + " channels");
        return new AudioBuffer(new float[][] {a.channel(0), a.channel(0)}, a.sampleRate()).setFrames(a.frames());
    }

    /**
     * Each stem's loudness (after an optional gain in dB) minus the loudness of the sum of all the
     * stems after their gains. Stems are summed in stereo (mono stems go to both sides) and aligned
     * at the start; they are read one at a time so memory holds the sum and one stem.
     */
    static double[] relativeLoudness(List<Path> stems, double[] gainsDb) {
        float[][] mix = null;
        double rate = 0;
        double[] own = new double[stems.size()];
        for (int i = 0; i < stems.size(); i++) {
            AudioBuffer a = stereo(AudioFiles.read(stems.get(i)));
            double g = gainsDb == null ? 1 : Math.pow(10, gainsDb[i] / 20);
            a.applyGain(g);
            LoudnessMeter m = new LoudnessMeter(a.channels(), a.sampleRate());
            m.add(a);
            own[i] = m.integratedLufs().orElse(Double.NEGATIVE_INFINITY);
            if (mix == null) { mix = new float[2][a.frames()]; rate = a.sampleRate(); }
            if (a.sampleRate() != rate) throw new IllegalArgumentException("stems differ in sample rate: " + stems.get(i));
            if (a.frames() > mix[0].length) {
                mix[0] = java.util.Arrays.copyOf(mix[0], a.frames());
                mix[1] = java.util.Arrays.copyOf(mix[1], a.frames());
            }
            for (int c = 0; c < 2; c++) {
                float[] src = a.channel(c);
                float[] dst = mix[c];
                for (int n = 0; n < a.frames(); n++) dst[n] += src[n];
            }
        }
        AudioBuffer sum = new AudioBuffer(mix, rate);
        LoudnessMeter m = new LoudnessMeter(2, rate);
        m.add(sum);
        double total = m.integratedLufs().orElse(Double.NEGATIVE_INFINITY);
        for (int i = 0; i < own.length; i++) own[i] -= total;
        return own;
    }
}
