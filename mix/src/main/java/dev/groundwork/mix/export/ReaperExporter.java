package dev.groundwork.mix.export;

import dev.groundwork.mix.plan.CompressionPlan;
import dev.groundwork.mix.plan.EqBand;
import dev.groundwork.mix.plan.MixPlan;
import dev.groundwork.mix.plan.SpacePlan;
import dev.groundwork.mix.plan.StemPlan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a plan as a Reaper project (.rpp, plain text): one track per stem with the plan's fader (VOLPAN
 * linear volume, pan -1..+1) and an item referencing the original stem file; drum stems inside a
 * "Drum bus" folder; "Reverb" and "Delay" return tracks that receive each stem's post-fader send
 * (AUXRECV, mode 0, linear send volume); master volume = the mix-bus trim. ReaEQ and ReaComp keep their
 * settings in binary plug-in state whose layout Reaper does not document, so the EQ bands, compressor,
 * ducking, glue and effect settings are written as notes (on each stem's item, and in the project
 * notes for the buses), in the units a producer types into those plug-ins.
 * <p>
 * Syntax checked against the community reference of Reaper's state chunks (ReaTeam "State Chunk Definitions",
 * which continues the Cockos wiki page) and against .RPP files saved by Reaper 6.8 and 7.x in public repositories:
 * <ul>
 * <li>header {@code <REAPER_PROJECT 0.1 "version" timestamp}; project {@code <NOTES 0 2} block first, each line
 *     prefixed with {@code |}; {@code TEMPO bpm num denom}; {@code SAMPLERATE rate 0 0};
 *     {@code MASTER_VOLUME volume pan -1 -1 1} (linear volume, as Reaper writes it);</li>
 * <li>TRACK fields in Reaper's own order: {@code NAME}, {@code VOLPAN volume pan -1 -1 1} (linear volume, pan
 *     -1..+1, then pan law -1 = project default), {@code ISBUS state indent} (0 0 plain or child, 1 1 folder parent,
 *     2 -1 last track of the folder), {@code NCHAN}, the receives, {@code MAINSEND 1 0} (to master/parent), items last;</li>
 * <li>{@code AUXRECV} is on the receiving track: source track index (0-based, master not counted), mode
 *     (0 post-fader/post-pan, 1 pre-FX, 3 pre-fader post-FX), volume (linear), pan, mute, mono sum, invert polarity,
 *     source channels (0 = 1/2), destination channels (0 = 1/2), pan law (-1 = default), MIDI channels (0 = all;
 *     irrelevant for audio), automation mode (-1 = track's);</li>
 * <li>ITEM: {@code POSITION}, {@code LENGTH} (seconds), {@code LOOP 0} (so a length rounded up never restarts the
 *     source), the item's {@code <NOTES} block (item-level, so before the take's fields), then the take:
 *     {@code NAME} and {@code <SOURCE WAVE|FLAC} with {@code FILE "path"}. Reaper reads AIFF through its WAVE source
 *     (not confirmed in a saved file; the only other tag it would need is FLAC, which is).</li>
 * </ul>
 */
public final class ReaperExporter {
    private ReaperExporter() { }

    /** One track as it will be written, in final order (AUXRECV refers to tracks by this index). */
    private record Track(String name, double gainDb, double pan, StemPlan stem, int folder) { }

    /** The project with absolute stem paths (for a project whose folder is not known yet). */
    public static String text(MixPlan plan, Map<String, Path> stemFiles) {
        return text(plan, stemFiles, null);
    }

    /**
     * The project written into {@code projectDir}: stems under a folder it shares with the project are named
     * relative to it (Reaper resolves relative FILE paths from the project's folder), others absolutely.
     */
    public static String text(MixPlan plan, Map<String, Path> stemFiles, Path projectDir) {
        List<Track> tracks = new ArrayList<>();
        List<StemPlan> drums = plan.drumBus() == null ? List.of() : plan.stems().stream().filter(StemPlan::drumBus).toList();
        for (StemPlan p : plan.stems()) if (!drums.contains(p)) tracks.add(new Track(trackName(p), p.gainDb(), p.pan(), p, 0));
        if (!drums.isEmpty()) {
            tracks.add(new Track("Drum bus", 0, 0, null, 1));
            for (int i = 0; i < drums.size(); i++) {
                StemPlan p = drums.get(i);
                tracks.add(new Track(trackName(p), p.gainDb(), p.pan(), p, i == drums.size() - 1 ? -1 : 0));
            }
        }
        SpacePlan sp = plan.space();
        StringBuilder b = new StringBuilder();
        b.append("<REAPER_PROJECT 0.1 \"6.0/groundwork\" 0\n");
        List<String> projectNotes = new ArrayList<>();
        projectNotes.add("Mixed by groundwork: every decision and its reason is in the mix plan.");
        projectNotes.add("Master: " + plan.mixBus().reason());
        if (plan.drumBus() != null) projectNotes.add("Drum bus (put ReaComp on it): " + compressor(plan.drumBus(), 0) + ". " + plan.drumBus().reason());
        projectNotes.add(String.format(Locale.ROOT, "Reverb return (put a reverb on it, after a ReaEQ: high-pass %.0f Hz, low-pass %.0f Hz): decay %.1f s, pre-delay %.0f ms, damping %.0f Hz. %s",
                sp.sendHighPassHz(), sp.sendLowPassHz(), sp.reverbDecaySeconds(), sp.reverbPreDelayMs(), sp.reverbDampingHz(), sp.reverbReason()));
        projectNotes.add(String.format(Locale.ROOT, "Delay return (ReaDelay after a ReaEQ: high-pass %.0f Hz, low-pass %.0f Hz): %.1f ms, feedback %.0f %%, low-pass %.0f Hz in the feedback%s. %s",
                sp.sendHighPassHz(), sp.sendLowPassHz(), sp.delayTimeMs(), 100 * sp.delayFeedback(), sp.delayLowPassHz(), sp.delayPingPong() ? ", ping-pong" : "",
                sp.delayReason()));
        notes(b, "  ", "NOTES 0 2", projectNotes);
        b.append(String.format(Locale.ROOT, "  TEMPO %s 4 4%n", num(sp.projectTempoBpm())));
        b.append(String.format(Locale.ROOT, "  SAMPLERATE %d 0 0%n", Math.round(plan.sampleRateHz())));
        b.append(String.format(Locale.ROOT, "  MASTER_VOLUME %s 0 -1 -1 1%n", num(linear(plan.mixBus().trimDb()))));
        for (Track t : tracks) {
            trackHead(b, t.name(), t.gainDb(), t.pan(), t.folder() == 1 ? 1 : t.folder() == -1 ? 2 : 0, t.folder());
            b.append("    MAINSEND 1 0\n");
            if (t.stem() != null) item(b, t.stem(), stemFiles, projectDir);
            b.append("  >\n");
        }
        returnTrack(b, "Reverb", tracks, StemPlan::reverbSendDb);
        returnTrack(b, "Delay", tracks, StemPlan::delaySendDb);
        b.append(">\n");
        return b.toString();
    }

    private static void item(StringBuilder b, StemPlan p, Map<String, Path> stemFiles, Path projectDir) {
        Path f = stemFiles.get(p.file());
        String path = f == null ? p.file() : projectDir == null ? f.toAbsolutePath().toString() : StemPaths.reference(projectDir, f);
        b.append("    <ITEM\n");
        b.append("      POSITION 0\n");
        b.append(String.format(Locale.ROOT, "      LENGTH %s%n", num(p.measured().durationSeconds())));
        b.append("      LOOP 0\n");
        List<String> n = new ArrayList<>();
        n.add(p.role().id() + ": " + p.gainReason());
        for (EqBand e : p.eq()) {
            n.add(switch (e.type()) {
                case HIGH_PASS, LOW_PASS -> String.format(Locale.ROOT, "ReaEQ %s %.0f Hz, Q %.2f (12 dB/oct): %s",
                        e.type() == EqBand.Type.HIGH_PASS ? "high pass" : "low pass", e.freqHz(), e.q(), e.reason());
                default -> String.format(Locale.ROOT, "ReaEQ %s %.0f Hz %+.1f dB, Q %.2f: %s",
                        e.type().id().replace('_', ' '), e.freqHz(), e.gainDb(), e.q(), e.reason());
            });
        }
        if (p.compression() != null) n.add("ReaComp after ReaEQ: " + compressor(p.compression(), p.gainDb()) + ". " + p.compression().reason());
        if (p.ducking() != null) {
            n.add(String.format(Locale.ROOT, "Ducking: ReaComp keyed from %s (send it to channels 3/4 of this track, detector input = auxiliary): "
                    + "threshold %.1f dB, ratio %.1f:1, attack %.0f ms, release %.0f ms. %s", String.join(" + ", p.ducking().keyStems()),
                    p.ducking().thresholdDb(), p.ducking().ratio(), p.ducking().attackMs(), p.ducking().releaseMs(), p.ducking().reason()));
        }
        n.add("Sends: " + p.sendReason());
        notes(b, "      ", "NOTES", n);
        b.append("      NAME ").append(quote(p.file())).append('\n');
        String type = p.file().toLowerCase(Locale.ROOT).endsWith(".flac") ? "FLAC" : "WAVE";
        b.append("      <SOURCE ").append(type).append('\n');
        b.append("        FILE ").append(quote(path)).append('\n');
        b.append("      >\n");
        b.append("    >\n");
    }

    /** A return track receiving each stem's post-fader send (AUXRECV source-index mode volume pan mute mono phase ...). */
    private static void returnTrack(StringBuilder b, String name, List<Track> tracks, java.util.function.Function<StemPlan, Double> sendDb) {
        trackHead(b, name, 0, 0, 0, 0);
        for (int i = 0; i < tracks.size(); i++) {
            StemPlan p = tracks.get(i).stem();
            Double db = p == null ? null : sendDb.apply(p);
            if (db != null) b.append(String.format(Locale.ROOT, "    AUXRECV %d 0 %s 0 0 0 0 0 0 -1 0 -1%n", i, num(linear(db))));
        }
        b.append("    MAINSEND 1 0\n");
        b.append("  >\n");
    }

    /** A track's opening lines in the order Reaper writes them: name, fader, folder state, channel count. */
    private static void trackHead(StringBuilder b, String name, double gainDb, double pan, int folderState, int indent) {
        b.append("  <TRACK\n");
        b.append("    NAME ").append(quote(name)).append('\n');
        b.append(String.format(Locale.ROOT, "    VOLPAN %s %s -1 -1 1%n", num(linear(gainDb)), num(pan)));
        b.append(String.format(Locale.ROOT, "    ISBUS %d %d%n", folderState, indent));
        b.append("    NCHAN 2\n");
    }

    /** Compressor settings for an insert before the fader: the plan's threshold is after the fader, so the fader gain comes off. */
    private static String compressor(CompressionPlan c, double faderDb) {
        return String.format(Locale.ROOT, "threshold %.1f dB, ratio %.1f:1, attack %.0f ms, release %.0f ms, knee %.1f dB, %s, make-up %+.1f dB",
                c.thresholdDb() - faderDb, c.ratio(), c.attackMs(), c.releaseMs(), c.kneeDb(), DawProjectExporter.detector(c), c.makeupDb());
    }

    private static void notes(StringBuilder b, String indent, String tag, List<String> lines) {
        b.append(indent).append('<').append(tag).append('\n');
        for (String l : lines) b.append(indent).append("  |").append(l.replace('\n', ' ')).append('\n');
        b.append(indent).append(">\n");
    }

    private static String trackName(StemPlan p) { return p.file().replaceFirst("\\.[^.]+$", "") + " (" + p.role().id() + ")"; }

    private static double linear(double db) { return Math.pow(10, db / 20); }

    /** Writes the project; stems under a folder it shares with {@code out} are named relative to it (see {@link #text(MixPlan, Map, Path)}). */
    public static void write(Path out, MixPlan plan, Map<String, Path> stemFiles) {
        write(out, plan, stemFiles, true);
    }

    /**
     * As {@link #write(Path, MixPlan, Map)}; {@code relative} false names every stem by absolute path (a project that is
     * downloaded away from the stems, as the studio's is).
     */
    public static void write(Path out, MixPlan plan, Map<String, Path> stemFiles, boolean relative) {
        try {
            Path dir = relative ? out.toAbsolutePath().getParent() : null;
            Path tmp = dev.groundwork.core.io.SiblingTempFile.create(out);
            try {
                Files.writeString(tmp, text(plan, stemFiles, dir), StandardCharsets.UTF_8);
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
