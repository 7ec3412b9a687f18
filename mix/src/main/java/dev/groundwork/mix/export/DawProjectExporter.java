package dev.groundwork.mix.export;

import dev.groundwork.mix.plan.CompressionPlan;
import dev.groundwork.mix.plan.EqBand;
import dev.groundwork.mix.plan.MixPlan;
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
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a plan as a DAWproject (the open exchange format of Bitwig, Studio One and Cubase): a zip
 * with project.xml, metadata.xml and the original stems under audio/. Each stem is a track whose
 * channel carries the plan's fader (linear volume), pan (0..1, 0.5 centre), EQ and compressor as the
 * format's built-in Equalizer and Compressor devices, and post-fader sends to a reverb and a delay
 * effect channel; drum stems route to a drum-bus submix with its glue compressor. Ducking has no
 * built-in device, so it is described in the channel's comment.
 */
public final class DawProjectExporter {
    private DawProjectExporter() { }

    /** Builds project.xml for a plan (exposed for schema tests). */
    public static byte[] projectXml(MixPlan plan, Map<String, Integer> channelsByFile, Double tempoBpm) {
        try {
            var f = DocumentBuilderFactory.newInstance();
            Document d = f.newDocumentBuilder().newDocument();
            Ids ids = new Ids();
            Element project = d.createElement("Project");
            project.setAttribute("version", "1.0");
            d.appendChild(project);
            Element app = child(d, project, "Application");
            app.setAttribute("name", "groundwork");
            app.setAttribute("version", "0.1");
            Element transport = child(d, project, "Transport");
            Element tempo = real(d, transport, "Tempo", "bpm", tempoBpm == null ? 120 : tempoBpm, ids);
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
                StringBuilder comment = new StringBuilder(p.role().id() + ": " + p.gainReason());
                if (p.ducking() != null) comment.append(" | ducking: ").append(p.ducking().reason())
                        .append(String.format(Locale.ROOT, " (sidechain from %s, threshold %.1f dB, ratio %.0f:1)", String.join(", ", p.ducking().keyStems()),
                                p.ducking().thresholdDb(), p.ducking().ratio()));
                ch.setAttribute("comment", comment.toString());
                Element devices = child(d, ch, "Devices");
                if (!p.eq().isEmpty()) equalizer(d, devices, p, ids);
                if (p.compression() != null) compressor(d, devices, p.compression(), name + " compressor", ids);
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
                compressor(d, devices, plan.drumBus(), "Drum bus glue", ids);
                mute(d, ch, ids);
                pan(d, ch, 0, ids);
                volume(d, ch, 0, ids);
            }
            for (String[] fx : new String[][]{{"reverb_track", reverbId, "Reverb", plan.space().reverbReason()},
                    {"delay_track", delayId, "Delay", plan.space().delayReason()}}) {
                Element ch = busTrack(d, structure, fx[0], fx[1], fx[2], "effect", masterId);
                ch.setAttribute("comment", fx[3] + (fx[2].equals("Reverb")
                        ? String.format(Locale.ROOT, " (decay %.1f s, pre-delay %.0f ms)", plan.space().reverbDecaySeconds(), plan.space().reverbPreDelayMs())
                        : String.format(Locale.ROOT, " (%.0f ms, feedback %.0f %%)", plan.space().delayTimeMs(), 100 * plan.space().delayFeedback())));
                Element devices = child(d, ch, "Devices");
                Element dev = child(d, devices, "BuiltinDevice");
                dev.setAttribute("deviceName", fx[2]);
                dev.setAttribute("deviceRole", "audioFX");
                dev.setAttribute("id", ids.next());
                mute(d, ch, ids);
                pan(d, ch, 0, ids);
                volume(d, ch, 0, ids);
            }
            Element master = busTrack(d, structure, "master_track", masterId, "Master", "master", null);
            master.setAttribute("comment", plan.mixBus().reason());
            mute(d, master, ids);
            pan(d, master, 0, ids);
            volume(d, master, plan.mixBus().trimDb(), ids);

            Element arrangement = child(d, project, "Arrangement");
            arrangement.setAttribute("id", "arrangement");
            Element lanes = child(d, arrangement, "Lanes");
            lanes.setAttribute("timeUnit", "seconds");
            lanes.setAttribute("id", ids.next());
            for (int i = 0; i < plan.stems().size(); i++) {
                StemPlan p = plan.stems().get(i);
                Element tl = child(d, lanes, "Lanes");
                tl.setAttribute("track", trackIds[i]);
                tl.setAttribute("id", ids.next());
                Element clips = child(d, tl, "Clips");
                clips.setAttribute("id", ids.next());
                Element clip = child(d, clips, "Clip");
                double dur = p.measured().durationSeconds();
                clip.setAttribute("time", "0.0");
                clip.setAttribute("duration", num(dur));
                clip.setAttribute("playStart", "0.0");
                clip.setAttribute("name", p.file());
                Element audio = child(d, clip, "Audio");
                audio.setAttribute("id", ids.next());
                audio.setAttribute("channels", String.valueOf(p.measured().channels()));
                audio.setAttribute("sampleRate", String.valueOf((int) Math.round(p.measured().sampleRateHz())));
                audio.setAttribute("duration", num(dur));
                Element file = child(d, audio, "File");
                file.setAttribute("path", "audio/" + p.file());
                file.setAttribute("external", "false");
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

    /** Writes the .dawproject zip (through a temporary file moved into place), copying each stem into audio/. */
    public static void write(Path out, MixPlan plan, Map<String, Path> stemFiles, Map<String, Integer> channelsByFile, Double tempoBpm, String title) {
        Path dir = out.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + out.getFileName(), ".tmp");
            try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream z = new ZipOutputStream(os)) {
                z.putNextEntry(new ZipEntry("project.xml"));
                z.write(projectXml(plan, channelsByFile, tempoBpm));
                z.closeEntry();
                z.putNextEntry(new ZipEntry("metadata.xml"));
                z.write(metadataXml(title));
                z.closeEntry();
                z.setLevel(1);     // audio barely compresses; do not spend time trying
                for (StemPlan p : plan.stems()) {
                    Path src = stemFiles.get(p.file());
                    if (src == null) throw new IllegalArgumentException("no file for stem " + p.file());
                    z.putNextEntry(new ZipEntry("audio/" + p.file()));
                    Files.copy(src, z);
                    z.closeEntry();
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

    private static void equalizer(Document d, Element devices, StemPlan p, Ids ids) {
        Element eq = child(d, devices, "Equalizer");
        eq.setAttribute("deviceName", "EQ");
        eq.setAttribute("deviceRole", "audioFX");
        eq.setAttribute("id", ids.next());
        eq.setAttribute("comment", String.join(" | ", p.eq().stream().map(EqBand::reason).toList()));
        for (EqBand b : p.eq()) {
            Element band = child(d, eq, "Band");
            band.setAttribute("type", switch (b.type()) {
                case HIGH_PASS -> "highPass";
                case LOW_PASS -> "lowPass";
                case LOW_SHELF -> "lowShelf";
                case HIGH_SHELF -> "highShelf";
                case BELL -> "bell";
            });
            if (b.type() == EqBand.Type.HIGH_PASS || b.type() == EqBand.Type.LOW_PASS) band.setAttribute("order", "2");
            real(d, band, "Freq", "hertz", b.freqHz(), ids);
            if (b.type() != EqBand.Type.HIGH_PASS && b.type() != EqBand.Type.LOW_PASS) real(d, band, "Gain", "decibel", b.gainDb(), ids);
            real(d, band, "Q", "linear", b.q(), ids);
            bool(d, band, "Enabled", true, ids);
        }
    }

    private static void compressor(Document d, Element devices, CompressionPlan c, String name, Ids ids) {
        Element comp = child(d, devices, "Compressor");
        comp.setAttribute("deviceName", name);
        comp.setAttribute("deviceRole", "audioFX");
        comp.setAttribute("id", ids.next());
        comp.setAttribute("comment", c.reason());
        real(d, comp, "Attack", "seconds", c.attackMs() / 1000, ids);
        bool(d, comp, "AutoMakeup", false, ids);
        real(d, comp, "InputGain", "decibel", 0, ids);
        real(d, comp, "OutputGain", "decibel", c.makeupDb(), ids);
        real(d, comp, "Ratio", "linear", c.ratio(), ids);
        real(d, comp, "Release", "seconds", c.releaseMs() / 1000, ids);
        real(d, comp, "Threshold", "decibel", c.thresholdDb(), ids);
    }

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

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6f", v).replaceFirst("0+$", "").replaceFirst("\\.$", ".0");
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
