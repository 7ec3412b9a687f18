package dev.groundwork.mix.export;

import dev.groundwork.mix.plan.CompressionPlan;
import dev.groundwork.mix.plan.DuckingPlan;
import dev.groundwork.mix.plan.EqBand;
import dev.groundwork.mix.plan.MixPlan;
import dev.groundwork.mix.plan.SpacePlan;
import dev.groundwork.mix.plan.StemPlan;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a plan as a DAWproject (the open exchange format of Bitwig, Studio One and Cubase): a zip with
 * project.xml and metadata.xml that references the original stems where they are ({@code external="true"}; the
 * path relative to the .dawproject when both are under one folder, else absolute), or carries copies under audio/
 * when asked to embed them.
 * Each stem is a track whose channel carries the plan's fader (linear volume), pan (0..1, 0.5 centre), EQ
 * and compressor as the format's built-in Equalizer and Compressor devices, and post-fader sends to a
 * reverb and a delay effect channel; drum stems route to a drum-bus submix with its glue compressor.
 * <p>
 * Devices in a DAW sit before the channel fader, while the plan's compressor works after it, so the
 * exported threshold is the plan's minus the fader gain (same gain reduction on the same signal).
 * What the format cannot say is kept visible instead of dropped: the sidechain ducking is a disabled
 * Compressor named after its key stem (the schema has no sidechain input), the reverb and delay are
 * generic built-in devices with named parameters (the schema has no reverb or delay device), and knee
 * and detector window are in the compressor's comment.
 * <p>
 * Checked against the DAWproject 1.0 schema (Project.xsd, validated in the tests) and the format's reference
 * (README, FileReference and device classes of the reference implementation): {@code File path} is relative to the
 * .dawproject when {@code external="true"}, absolute when it starts with a slash or drive letter, and inside the
 * archive otherwise; channel roles regular / submix / effect / master; sends {@code type="post"} with a linear
 * {@code Volume} and an {@code Enable} flag; Volume linear (0..2), Pan normalized (0..1); Compressor Threshold and
 * Input/OutputGain in decibel, Attack and Release in seconds, Ratio linear (4 = 4:1), OutputGain = make-up;
 * Equalizer bands with {@code type} and {@code order}, Freq in hertz, Gain in decibel, Q linear; every parameter
 * has its own xs:ID; {@code standalone="yes"}. Time, as in the project.xml Bitwig Studio writes (the README's
 * example): the arrangement lanes in beats, each clip in beats holding its file through {@code Warps}
 * (timeUnit beats, contentTimeUnit seconds, points 0 → 0 and the clip's length in beats → the file's length in
 * seconds), 1:1 at the Transport tempo (bpm), which is the plan's tempo, so the grid and tempo-synced effects
 * match the delay time.
 */
public final class DawProjectExporter {
    /** How the stems travel with the project. */
    public enum Audio {
        /** The project points at the original files (relative to the .dawproject under a shared folder, else absolute: {@link StemPaths}). */
        REFERENCE,
        /** Copies of the stems go into the archive under audio/ (one self-contained file to hand on). */
        EMBED
    }

    private DawProjectExporter() { }

    /** Builds project.xml with the stems embedded under audio/ (exposed for schema tests). */
    public static byte[] projectXml(MixPlan plan, Map<String, Integer> channelsByFile) {
        Map<String, String> paths = new java.util.HashMap<>();
        for (StemPlan p : plan.stems()) paths.put(p.file(), "audio/" + p.file());
        return projectXml(plan, channelsByFile, paths, false);
    }

    /**
     * Builds project.xml for a plan.
     *
     * @param audioPaths stem file name → the path written in its clip's File element
     * @param external   true when those paths point outside the archive
     */
    public static byte[] projectXml(MixPlan plan, Map<String, Integer> channelsByFile, Map<String, String> audioPaths, boolean external) {
        try {
            var f = DocumentBuilderFactory.newInstance();
            Document d = f.newDocumentBuilder().newDocument();
            d.setXmlStandalone(true);     // as the reference example: standalone="yes"
            Ids ids = new Ids();
            Element project = d.createElement("Project");
            project.setAttribute("version", "1.0");
            d.appendChild(project);
            Element app = child(d, project, "Application");
            app.setAttribute("name", "groundwork");
            app.setAttribute("version", "0.1");
            Element transport = child(d, project, "Transport");
            Element tempo = real(d, transport, "Tempo", "bpm", plan.space().projectTempoBpm(), ids);
            tempo.setAttribute("name", "Tempo");
            tempo.setAttribute("comment", plan.space().tempoReason() == null ? "" : plan.space().tempoReason());
            tempo.setAttribute("min", "20");
            tempo.setAttribute("max", "666");
            Element ts = child(d, transport, "TimeSignature");
            ts.setAttribute("numerator", "4");
            ts.setAttribute("denominator", "4");
            ts.setAttribute("id", ids.next());

            Element structure = child(d, project, "Structure");
            String masterId = "master_channel", reverbId = "reverb_channel", delayId = "delay_channel", drumId = "drum_bus_channel";
            // Stem tracks first, then buses and returns, master last.
            String[] trackIds = new String[plan.stems().size()];
            for (int i = 0; i < plan.stems().size(); i++) {
                StemPlan p = plan.stems().get(i);
                String name = p.file().replaceFirst("\\.[^.]+$", "");
                trackIds[i] = "track_" + (i + 1);
                Element track = track(d, structure, trackIds[i], name);
                Element ch = child(d, track, "Channel");
                ch.setAttribute("id", "channel_" + (i + 1));
                ch.setAttribute("name", name);
                ch.setAttribute("role", "regular");
                ch.setAttribute("audioChannels", String.valueOf(channelsByFile.getOrDefault(p.file(), 2)));
                ch.setAttribute("destination", p.drumBus() && plan.drumBus() != null ? drumId : masterId);
                ch.setAttribute("comment", p.role().id() + ": " + p.gainReason());
                Element devices = child(d, ch, "Devices");
                if (!p.eq().isEmpty()) equalizer(d, devices, p.eq(), "EQ", String.join(" | ", p.eq().stream().map(EqBand::reason).toList()), ids);
                if (p.compression() != null) compressor(d, devices, p.compression(), p.gainDb(), name + " compressor", ids);
                if (p.ducking() != null) ducker(d, devices, p.ducking(), plan, ids);
                mute(d, ch, ids);
                pan(d, ch, p.pan(), ids);
                Element sends = child(d, ch, "Sends");
                send(d, sends, reverbId, p.reverbSendDb(), "Reverb", ids);
                send(d, sends, delayId, p.delaySendDb(), "Delay", ids);
                volume(d, ch, p.gainDb(), ids);
            }
            if (plan.drumBus() != null) {
                Element ch = busTrack(d, structure, "drum_bus_track", drumId, "Drum bus", "submix", masterId);
                ch.setAttribute("comment", plan.drumBus().reason());
                Element devices = child(d, ch, "Devices");
                compressor(d, devices, plan.drumBus(), 0, "Drum bus glue", ids);
                mute(d, ch, ids);
                pan(d, ch, 0, ids);
                volume(d, ch, 0, ids);
            }
            SpacePlan sp = plan.space();
            String band = String.format(Locale.ROOT, "send band-limited %.0f Hz – %.0f Hz before the effect, as in the render", sp.sendHighPassHz(), sp.sendLowPassHz());
            Element rv = busTrack(d, structure, "reverb_track", reverbId, "Reverb", "effect", masterId);
            rv.setAttribute("comment", sp.reverbReason());
            Element rvDevices = child(d, rv, "Devices");
            sendBand(d, rvDevices, sp, band, ids);
            Element reverb = genericDevice(d, rvDevices, "Reverb", "groundwork reverb (8-line feedback delay network): map these onto your DAW's reverb", ids);
            Element rp = child(d, reverb, "Parameters");
            named(real(d, rp, "RealParameter", "seconds", sp.reverbDecaySeconds(), ids), "Decay");
            named(real(d, rp, "RealParameter", "seconds", sp.reverbPreDelayMs() / 1000, ids), "Pre-delay");
            named(real(d, rp, "RealParameter", "hertz", sp.reverbDampingHz(), ids), "Damping");
            named(real(d, rp, "RealParameter", "linear", sp.reverbSize(), ids), "Size");
            bool(d, reverb, "Enabled", true, ids);
            mute(d, rv, ids);
            pan(d, rv, 0, ids);
            volume(d, rv, 0, ids);

            Element dl = busTrack(d, structure, "delay_track", delayId, "Delay", "effect", masterId);
            dl.setAttribute("comment", sp.delayReason());
            Element dlDevices = child(d, dl, "Devices");
            sendBand(d, dlDevices, sp, band, ids);
            Element delay = genericDevice(d, dlDevices, "Delay", "groundwork delay: map these onto your DAW's delay"
                    + (sp.tempoBpm() == null ? "" : String.format(Locale.ROOT, " (%.1f BPM: %s)", sp.tempoBpm(), sp.tempoReason())), ids);
            Element dp = child(d, delay, "Parameters");
            named(real(d, dp, "RealParameter", "seconds", sp.delayTimeMs() / 1000, ids), "Time");
            named(real(d, dp, "RealParameter", "percent", 100 * sp.delayFeedback(), ids), "Feedback");
            named(real(d, dp, "RealParameter", "hertz", sp.delayLowPassHz(), ids), "Feedback low-pass");
            Element pp = child(d, dp, "BoolParameter");
            pp.setAttribute("id", ids.next());
            pp.setAttribute("name", "Ping-pong");
            pp.setAttribute("value", String.valueOf(sp.delayPingPong()));
            bool(d, delay, "Enabled", true, ids);
            mute(d, dl, ids);
            pan(d, dl, 0, ids);
            volume(d, dl, 0, ids);
            Element master = busTrack(d, structure, "master_track", masterId, "Master", "master", null);
            master.setAttribute("comment", plan.mixBus().reason());
            mute(d, master, ids);
            pan(d, master, 0, ids);
            volume(d, master, plan.mixBus().trimDb(), ids);

            Element arrangement = child(d, project, "Arrangement");
            arrangement.setAttribute("id", "arrangement");
            Element lanes = child(d, arrangement, "Lanes");
            lanes.setAttribute("timeUnit", "beats");
            lanes.setAttribute("id", ids.next());
            // As Bitwig writes audio clips (the format's reference example): the clip in beats, the file inside a
            // Warps from seconds to beats. The warp is 1:1 at the written tempo, so nothing is stretched.
            double beatsPerSecond = Double.parseDouble(tempo.getAttribute("value")) / 60;
            for (int i = 0; i < plan.stems().size(); i++) {
                StemPlan p = plan.stems().get(i);
                Element tl = child(d, lanes, "Lanes");
                tl.setAttribute("track", trackIds[i]);
                tl.setAttribute("id", ids.next());
                Element clips = child(d, tl, "Clips");
                clips.setAttribute("id", ids.next());
                Element clip = child(d, clips, "Clip");
                double seconds = p.measured().durationSeconds();
                String beats = precise(seconds * beatsPerSecond);
                clip.setAttribute("time", "0.0");
                clip.setAttribute("duration", beats);
                clip.setAttribute("playStart", "0.0");
                clip.setAttribute("name", p.file());
                Element warps = child(d, clip, "Warps");
                warps.setAttribute("id", ids.next());
                warps.setAttribute("timeUnit", "beats");
                warps.setAttribute("contentTimeUnit", "seconds");
                Element audio = child(d, warps, "Audio");
                audio.setAttribute("id", ids.next());
                audio.setAttribute("channels", String.valueOf(p.measured().channels()));
                audio.setAttribute("sampleRate", String.valueOf((int) Math.round(p.measured().sampleRateHz())));
                audio.setAttribute("duration", precise(seconds));
                Element file = child(d, audio, "File");
                String path = audioPaths.get(p.file());
                if (path == null) throw new IllegalArgumentException("no audio path for stem " + p.file());
                file.setAttribute("path", path);
                file.setAttribute("external", String.valueOf(external));
                warp(d, warps, "0.0", "0.0");
                warp(d, warps, beats, precise(seconds));
            }
            return serialise(d);
        } catch (javax.xml.parsers.ParserConfigurationException | javax.xml.transform.TransformerException e) {
            throw new IllegalStateException("cannot build project.xml: " + e.getMessage(), e);
        }
    }

    public static byte[] metadataXml(String title) {
        String t = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<MetaData>\n  <Title>" + t +
                "</Title>\n  <Comment>Mixed by groundwork; every decision is in the channel comments and in the mix plan.</Comment>\n</MetaData>\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Every entry carries the same fixed time, not the clock's: the same plan exports to the same bytes (as the mix
     * itself renders), so an export can be compared or kept under version control. Local time, as zip stores it, so
     * the bytes do not depend on the time zone either.
     */
    public static final java.time.LocalDateTime ENTRY_TIME = java.time.LocalDateTime.of(2000, 1, 1, 0, 0);

    private static ZipEntry entry(String name) {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(ENTRY_TIME);
        return e;
    }

    /**
     * Writes the .dawproject zip through a temporary file moved into place. With {@link Audio#REFERENCE} the
     * archive holds only the two XML files and points at the stems where they are; with {@link Audio#EMBED}
     * each stem is copied into audio/.
     */
    public static void write(Path out, MixPlan plan, Map<String, Path> stemFiles, Map<String, Integer> channelsByFile, String title, Audio audio) {
        Path dir = out.toAbsolutePath().getParent();
        Map<String, String> paths = new java.util.HashMap<>();
        for (StemPlan p : plan.stems()) {
            Path src = stemFiles.get(p.file());
            if (src == null) throw new IllegalArgumentException("no file for stem " + p.file());
            paths.put(p.file(), audio == Audio.EMBED ? "audio/" + p.file() : StemPaths.reference(dir, src));
        }
        Path tmp = null;
        try {
            tmp = dev.groundwork.core.io.SiblingTempFile.create(out);
            try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream z = new ZipOutputStream(os)) {
                z.putNextEntry(entry("project.xml"));
                z.write(projectXml(plan, channelsByFile, paths, audio == Audio.REFERENCE));
                z.closeEntry();
                z.putNextEntry(entry("metadata.xml"));
                z.write(metadataXml(title));
                z.closeEntry();
                if (audio == Audio.EMBED) {
                    z.setLevel(1);     // audio barely compresses; do not spend time trying
                    for (StemPlan p : plan.stems()) {
                        z.putNextEntry(entry("audio/" + p.file()));
                        Files.copy(stemFiles.get(p.file()), z);
                        z.closeEntry();
                    }
                }
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out.getFileName() + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // Already moved or never created.
                }
            }
        }
    }

    private static Element track(Document d, Element parent, String id, String name) {
        Element t = child(d, parent, "Track");
        t.setAttribute("id", id);
        t.setAttribute("name", name);
        t.setAttribute("contentType", "audio");
        t.setAttribute("loaded", "true");
        return t;
    }

    private static Element busTrack(Document d, Element structure, String trackId, String channelId, String name, String role, String destination) {
        Element t = track(d, structure, trackId, name);
        Element ch = child(d, t, "Channel");
        ch.setAttribute("id", channelId);
        ch.setAttribute("name", name);
        ch.setAttribute("role", role);
        ch.setAttribute("audioChannels", "2");
        if (destination != null) ch.setAttribute("destination", destination);
        return ch;
    }

    private static void equalizer(Document d, Element devices, List<EqBand> bands, String name, String comment, Ids ids) {
        Element eq = child(d, devices, "Equalizer");
        eq.setAttribute("deviceName", name);
        eq.setAttribute("deviceRole", "audioFX");
        eq.setAttribute("id", ids.next());
        eq.setAttribute("comment", comment);
        bool(d, eq, "Enabled", true, ids);
        for (EqBand b : bands) {
            Element band = child(d, eq, "Band");
            band.setAttribute("type", switch (b.type()) {
                case HIGH_PASS -> "highPass";
                case LOW_PASS -> "lowPass";
                case LOW_SHELF -> "lowShelf";
                case HIGH_SHELF -> "highShelf";
                case BELL -> "bell";
            });
            boolean pass = b.type() == EqBand.Type.HIGH_PASS || b.type() == EqBand.Type.LOW_PASS;
            if (pass) band.setAttribute("order", "2");     // one biquad: 12 dB per octave
            real(d, band, "Freq", "hertz", b.freqHz(), ids);
            if (!pass) real(d, band, "Gain", "decibel", b.gainDb(), ids);
            real(d, band, "Q", "linear", b.q(), ids);
            bool(d, band, "Enabled", true, ids);
        }
    }

    /** The band-limiting the render applies to the send bus, as an EQ in front of the return's effect. */
    private static void sendBand(Document d, Element devices, SpacePlan sp, String comment, Ids ids) {
        equalizer(d, devices, List.of(new EqBand(EqBand.Type.HIGH_PASS, sp.sendHighPassHz(), 0, 0.707, "send high-pass"),
                new EqBand(EqBand.Type.LOW_PASS, sp.sendLowPassHz(), 0, 0.707, "send low-pass")), "Send band", comment, ids);
    }

    /**
     * A compressor as a DAW insert: before the fader, so the threshold is the plan's (after the fader) minus the fader gain.
     * Knee and detector window have no place in the schema and go into the comment.
     */
    private static void compressor(Document d, Element devices, CompressionPlan c, double faderDb, String name, Ids ids) {
        Element comp = child(d, devices, "Compressor");
        comp.setAttribute("deviceName", name);
        comp.setAttribute("deviceRole", "audioFX");
        comp.setAttribute("id", ids.next());
        comp.setAttribute("comment", c.reason() + String.format(Locale.ROOT, " | knee %.1f dB, %s%s", c.kneeDb(), detector(c),
                faderDb == 0 ? "" : String.format(Locale.ROOT, "; threshold %.1f dBFS after the fader = %.1f dBFS before it", c.thresholdDb(), c.thresholdDb() - faderDb)));
        bool(d, comp, "Enabled", true, ids);
        compressorParameters(d, comp, c.attackMs(), c.makeupDb(), c.ratio(), c.releaseMs(), c.thresholdDb() - faderDb, ids);
    }

    /**
     * Ducking needs a sidechain key, which the schema cannot name: a Compressor with the ducking settings, named after its
     * key stems and disabled, so the session sounds right until the producer routes the key and switches it on.
     */
    private static void ducker(Document d, Element devices, DuckingPlan k, MixPlan plan, Ids ids) {
        List<String> keys = k.keyStems().stream().map(f -> f.replaceFirst("\\.[^.]+$", "")).toList();
        Element comp = child(d, devices, "Compressor");
        comp.setAttribute("deviceName", "Ducking (sidechain: " + String.join(", ", keys) + ")");
        comp.setAttribute("deviceRole", "audioFX");
        comp.setAttribute("id", ids.next());
        comp.setAttribute("comment", k.reason() + String.format(Locale.ROOT,
                " | DAWproject has no sidechain input: route %s (post-fader) to this compressor's sidechain and enable it;"
                        + " threshold %.1f dBFS is on the key, about %.1f dB of ducking per hit", String.join(" + ", keys), k.thresholdDb(), k.depthDb()));
        bool(d, comp, "Enabled", false, ids);
        compressorParameters(d, comp, k.attackMs(), k.makeupDb() == null ? 0 : k.makeupDb(), k.ratio(), k.releaseMs(), k.thresholdDb(), ids);
    }

    /** The detector as a producer names it: RMS over a window, or peak. */
    static String detector(CompressionPlan c) {
        return c.rmsMs() > 0 ? String.format(Locale.ROOT, "RMS detector %.0f ms", c.rmsMs()) : "peak detector";
    }

    private static void compressorParameters(Document d, Element comp, double attackMs, double makeupDb, double ratio, double releaseMs,
                                             double thresholdDb, Ids ids) {
        real(d, comp, "Attack", "seconds", attackMs / 1000, ids);
        bool(d, comp, "AutoMakeup", false, ids);
        real(d, comp, "InputGain", "decibel", 0, ids);
        real(d, comp, "OutputGain", "decibel", makeupDb, ids);
        real(d, comp, "Ratio", "linear", ratio, ids);
        real(d, comp, "Release", "seconds", releaseMs / 1000, ids);
        real(d, comp, "Threshold", "decibel", thresholdDb, ids);
    }

    private static Element genericDevice(Document d, Element devices, String name, String comment, Ids ids) {
        Element dev = child(d, devices, "BuiltinDevice");
        dev.setAttribute("deviceName", name);
        dev.setAttribute("deviceRole", "audioFX");
        dev.setAttribute("id", ids.next());
        dev.setAttribute("comment", comment);
        return dev;
    }

    private static void named(Element parameter, String name) { parameter.setAttribute("name", name); }

    private static void send(Document d, Element sends, String dest, Double db, String name, Ids ids) {
        Element s = child(d, sends, "Send");
        s.setAttribute("id", ids.next());
        s.setAttribute("name", name);
        s.setAttribute("destination", dest);
        s.setAttribute("type", "post");
        bool(d, s, "Enable", db != null, ids);
        Element v = real(d, s, "Volume", "linear", db == null ? 0 : Math.pow(10, db / 20), ids);
        v.setAttribute("min", "0");
        v.setAttribute("max", "2");
    }

    private static void mute(Document d, Element ch, Ids ids) { bool(d, ch, "Mute", false, ids); }

    private static void pan(Document d, Element ch, double pan, Ids ids) {
        Element p = real(d, ch, "Pan", "normalized", (pan + 1) / 2, ids);
        p.setAttribute("min", "0");
        p.setAttribute("max", "1");
    }

    private static void volume(Document d, Element ch, double db, Ids ids) {
        Element v = real(d, ch, "Volume", "linear", Math.pow(10, db / 20), ids);
        v.setAttribute("min", "0");
        v.setAttribute("max", "2");
    }

    private static Element real(Document d, Element parent, String name, String unit, double value, Ids ids) {
        Element e = child(d, parent, name);
        e.setAttribute("id", ids.next());
        e.setAttribute("unit", unit);
        e.setAttribute("value", num(value));
        return e;
    }

    private static void bool(Document d, Element parent, String name, boolean value, Ids ids) {
        Element e = child(d, parent, name);
        e.setAttribute("id", ids.next());
        e.setAttribute("value", String.valueOf(value));
    }

    private static Element child(Document d, Element parent, String name) {
        Element e = d.createElement(name);
        parent.appendChild(e);
        return e;
    }

    private static void warp(Document d, Element warps, String beats, String seconds) {
        Element w = child(d, warps, "Warp");
        w.setAttribute("time", beats);
        w.setAttribute("contentTime", seconds);
    }

    /** Clip lengths and warp points: enough digits that the warp stays 1:1 to well below a sample. */
    private static String precise(double v) { return num(v, 10); }

    private static String num(double v) { return num(v, 6); }

    /** v with at most {@code digits} decimals, trailing zeros dropped (at least one decimal kept). */
    private static String num(double v, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", v).replaceFirst("0+$", "").replaceFirst("\\.$", ".0");
    }

    private static byte[] serialise(Document d) throws javax.xml.transform.TransformerException {
        var t = TransformerFactory.newInstance().newTransformer();
        t.setOutputProperty(OutputKeys.INDENT, "yes");
        t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        t.setOutputProperty(OutputKeys.STANDALONE, "yes");
        t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        t.transform(new DOMSource(d), new StreamResult(bytes));
        return bytes.toByteArray();
    }

    /** Unique xs:ID values in document order (deterministic, so the same plan gives the same file). */
    private static final class Ids {
        private int n;

        String next() { return "id" + (++n); }
    }
}
