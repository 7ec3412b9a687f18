package dev.groundwork.mix.export;

import dev.groundwork.mix.plan.MixPlan;
import dev.groundwork.mix.plan.StemPlan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a plan as a Reaper project (.rpp, plain text): one track per stem with the plan's fader
 * (VOLPAN linear volume, pan -1..+1) and an item referencing the original stem file. EQ, dynamics and
 * sends stay in the mix plan (Reaper's own plug-ins have no portable settings format).
 */
public final class ReaperExporter {
    private ReaperExporter() { }

    public static String text(MixPlan plan, Map<String, Path> stemFiles, Double tempoBpm) {
        StringBuilder b = new StringBuilder();
        b.append("<REAPER_PROJECT 0.1 \"6.0/groundwork\" 0\n");
        b.append(String.format(Locale.ROOT, "  TEMPO %s 4 4%n", num(tempoBpm == null ? 120 : tempoBpm)));
        b.append(String.format(Locale.ROOT, "  SAMPLERATE %d 0 0%n", Math.round(plan.sampleRateHz())));
        b.append(String.format(Locale.ROOT, "  MASTER_VOLUME %s 0 -1 -1 1%n", num(Math.pow(10, plan.mixBus().trimDb() / 20))));
        for (StemPlan p : plan.stems()) {
            String name = p.file().replaceFirst("\\.[^.]+$", "");
            Path f = stemFiles.get(p.file());
            String path = f == null ? p.file() : f.toAbsolutePath().toString();
            b.append("  <TRACK\n");
            b.append("    NAME ").append(quote(name + " (" + p.role().id() + ")")).append('\n');
            b.append(String.format(Locale.ROOT, "    VOLPAN %s %s -1 -1 1%n", num(Math.pow(10, p.gainDb() / 20)), num(p.pan())));
            b.append(String.format(Locale.ROOT, "    NCHAN 2%n"));
            b.append("    <ITEM\n");
            b.append("      POSITION 0\n");
            b.append(String.format(Locale.ROOT, "      LENGTH %s%n", num(p.measured().durationSeconds())));
            b.append("      NAME ").append(quote(p.file())).append('\n');
            String type = p.file().toLowerCase(Locale.ROOT).endsWith(".flac") ? "FLAC" : "WAVE";
            b.append("      <SOURCE ").append(type).append('\n');
            b.append("        FILE ").append(quote(path)).append('\n');
            b.append("      >\n");
            b.append("    >\n");
            b.append("  >\n");
        }
        b.append(">\n");
        return b.toString();
    }

    public static void write(Path out, MixPlan plan, Map<String, Path> stemFiles, Double tempoBpm) {
        try {
            Path dir = out.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + out.getFileName(), ".tmp");
            try {
                Files.writeString(tmp, text(plan, stemFiles, tempoBpm), StandardCharsets.UTF_8);
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static String quote(String s) {
        // Reaper quotes with ", or ' / ` when the text itself holds a double quote.
        if (!s.contains("\"")) return "\"" + s + "\"";
        if (!s.contains("'")) return "'" + s + "'";
        return "`" + s.replace("`", "'") + "`";
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6f", v).replaceFirst("0+$", "").replaceFirst("\\.$", "");
    }
}
