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

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: mix-accuracy SONG_DIR...");
            System.exit(2);
        }
        List<Map<String, Object>> songs = new ArrayList<>();
        double[] sum = new double[4];
        int[] count = new int[4];
        Map<String, double[]> groups = new LinkedHashMap<>(); // song-name prefix -> sums and counts
        StringBuilder md = new StringBuilder();
        md.append("| song | stems | automix MAE (LU) | equal-loudness MAE (LU) | raw-sum MAE (LU) | automix source | automix faders only MAE (LU) |\n");
        md.append("|---|---:|---:|---:|---:|---|---:|\n");
        for (String arg : args) {
            Path dir = Path.of(arg);
            Map<String, Object> song = grade(dir);
            songs.add(song);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> stems = (List<Map<String, Object>>) song.get("stems");
            String[] keys = {"automix_error_lu", "equal_loudness_error_lu", "raw_sum_error_lu", "automix_faders_only_error_lu"};
            double[] songSum = new double[4];
            int[] songCount = new int[4];
            for (Map<String, Object> stem : stems) {
                for (int k = 0; k < 4; k++) {
                    Object v = stem.get(keys[k]);
                    if (v instanceof Double d) { songSum[k] += Math.abs(d); songCount[k]++; sum[k] += Math.abs(d); count[k]++; }
                }
            }
            double[] g = groups.computeIfAbsent(dir.getFileName().toString().split("-")[0], k -> new double[6]);
            for (int k = 0; k < 3; k++) { g[k] += songSum[k]; g[k + 3] += songCount[k]; }
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s |%n", dir.getFileName(), stems.size(),
                    mean(songSum[0], songCount[0]), mean(songSum[1], songCount[1]), mean(songSum[2], songCount[2]),
                    song.get("automix_source"), mean(songSum[3], songCount[3])));
        }
        Map<String, Object> byGroup = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : groups.entrySet()) {
            double[] g = e.getValue();
            md.append(String.format(Locale.ROOT, "| *all %s songs* | %d | *%s* | *%s* | *%s* | | |%n", e.getKey(), (int) g[4],
                    mean(g[0], (int) g[3]), mean(g[1], (int) g[4]), mean(g[2], (int) g[5])));
            Map<String, Object> gj = new LinkedHashMap<>();
            gj.put("automix_mae_lu", g[3] > 0 ? g[0] / g[3] : null);
            gj.put("equal_loudness_mae_lu", g[4] > 0 ? g[1] / g[4] : null);
            gj.put("raw_sum_mae_lu", g[5] > 0 ? g[2] / g[5] : null);
            gj.put("stems_graded", (int) g[4]);
            byGroup.put(e.getKey(), gj);
        }
        md.append(String.format(Locale.ROOT, "| **all songs** | %d | **%s** | **%s** | **%s** | | %s |%n", count[1],
                mean(sum[0], count[0]), mean(sum[1], count[1]), mean(sum[2], count[2]), mean(sum[3], count[3])));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("automix_mae_lu", count[0] > 0 ? sum[0] / count[0] : null);
        out.put("equal_loudness_mae_lu", count[1] > 0 ? sum[1] / count[1] : null);
        out.put("raw_sum_mae_lu", count[2] > 0 ? sum[2] / count[2] : null);
        out.put("automix_faders_only_mae_lu", count[3] > 0 ? sum[3] / count[3] : null);
        out.put("stems_graded", count[1]);
        out.put("by_source", byGroup);
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

        double[] knownRel = relativeLoudness(known, null);
        double[] rawRel = relativeLoudness(scrambled, null);
        double[] scrambledLufs = new double[known.size()];
        for (int i = 0; i < known.size(); i++) scrambledLufs[i] = lufs(scrambled.get(i));
        double[] equalGains = new double[known.size()];
        for (int i = 0; i < known.size(); i++) equalGains[i] = Double.isFinite(scrambledLufs[i]) ? -23 - scrambledLufs[i] : 0;
        double[] equalRel = relativeLoudness(scrambled, equalGains);

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
        if (Files.isRegularFile(plan)) {
            double[] gains = planGains(Json.MAPPER.readTree(plan.toFile()), known);
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
