package dev.groundwork.mix;

import dev.groundwork.core.progress.ProgressListener;
import dev.groundwork.mix.export.DawProjectExporter;
import dev.groundwork.mix.export.ReaperExporter;
import dev.groundwork.mix.plan.MixPlan;
import dev.groundwork.mix.plan.StemPlan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.*;

class ExportTest {
    static MixPlan plan;
    static Map<String, Integer> channels = new HashMap<>();

    @BeforeAll
    static void planOnce() {
        var band = SyntheticStems.band(4);
        plan = AutoMix.propose(AutoMix.analyze(band, ProgressListener.NONE), MixSettings.defaults());
        band.forEach(s -> channels.put(s.name(), s.info().channels()));
    }

    static void validate(byte[] xml, String xsd) throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(ExportTest.class.getResource("/dawproject/" + xsd));
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
    }

    static org.w3c.dom.Document parse(byte[] xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    @Test
    void projectXmlValidatesAgainstTheDawProjectSchema() throws Exception {
        validate(DawProjectExporter.projectXml(plan, channels), "Project.xsd");
        validate(DawProjectExporter.metadataXml("A <song> & more"), "MetaData.xsd");
    }

    @Test
    void thePlanUnderTestHasEveryKindOfDecisionTheExportCarries() {
        assertTrue(plan.stems().stream().anyMatch(p -> p.compression() != null), "a compressed stem");
        assertTrue(plan.stems().stream().anyMatch(p -> p.ducking() != null), "a ducked stem");
        assertTrue(plan.stems().stream().anyMatch(p -> p.reverbSendDb() != null), "a reverb send");
        assertTrue(plan.stems().stream().anyMatch(p -> p.delaySendDb() != null), "a delay send");
        assertNotNull(plan.drumBus(), "a drum bus");
    }

    @Test
    void faderPanSendsEqAndCompressorAreCarriedInTheFormatsUnits() throws Exception {
        var doc = parse(DawProjectExporter.projectXml(plan, channels));
        NodeList chans = doc.getElementsByTagName("Channel");
        int checked = 0;
        for (int i = 0; i < chans.getLength(); i++) {
            Element ch = (Element) chans.item(i);
            if (!"regular".equals(ch.getAttribute("role"))) continue;
            String name = ch.getAttribute("name");
            StemPlan p = plan.stems().stream().filter(s -> s.file().startsWith(name + ".")).findFirst().orElseThrow();
            Element vol = direct(ch, "Volume"), pan = direct(ch, "Pan");
            assertEquals("linear", vol.getAttribute("unit"));
            assertEquals(Math.pow(10, p.gainDb() / 20), value(vol), 1e-5);
            assertEquals("normalized", pan.getAttribute("unit"));
            assertEquals((p.pan() + 1) / 2, value(pan), 1e-6);
            assertEquals(p.drumBus() ? "drum_bus_channel" : "master_channel", ch.getAttribute("destination"));
            NodeList sends = ch.getElementsByTagName("Send");
            assertEquals(2, sends.getLength());
            for (int k = 0; k < 2; k++) {
                Element send = (Element) sends.item(k);
                Double db = k == 0 ? p.reverbSendDb() : p.delaySendDb();
                assertEquals(k == 0 ? "reverb_channel" : "delay_channel", send.getAttribute("destination"));
                assertEquals("post", send.getAttribute("type"));
                assertEquals(String.valueOf(db != null), direct(send, "Enable").getAttribute("value"));
                if (db != null) assertEquals(Math.pow(10, db / 20), value(direct(send, "Volume")), 1e-5);
            }
            NodeList bands = ch.getElementsByTagName("Band");
            assertEquals(p.eq().size(), bands.getLength());
            for (int k = 0; k < bands.getLength(); k++) {
                Element band = (Element) bands.item(k);
                assertEquals(p.eq().get(k).freqHz(), value(direct(band, "Freq")), 1e-6);
                assertEquals(p.eq().get(k).q(), value(direct(band, "Q")), 1e-6);
                if (p.eq().get(k).type() == dev.groundwork.mix.plan.EqBand.Type.BELL) {
                    assertEquals("bell", band.getAttribute("type"));
                    assertEquals(p.eq().get(k).gainDb(), value(direct(band, "Gain")), 1e-6);
                }
            }
            NodeList comps = ch.getElementsByTagName("Compressor");
            assertEquals((p.compression() != null ? 1 : 0) + (p.ducking() != null ? 1 : 0), comps.getLength());
            if (p.compression() != null) {
                Element c = (Element) comps.item(0);
                // An insert sits before the fader: the plan's post-fader threshold minus the fader gain.
                assertEquals(p.compression().thresholdDb() - p.gainDb(), value(direct(c, "Threshold")), 1e-5);
                assertEquals(p.compression().ratio(), value(direct(c, "Ratio")), 1e-6);
                assertEquals(p.compression().attackMs() / 1000, value(direct(c, "Attack")), 1e-6);
                assertEquals("seconds", direct(c, "Release").getAttribute("unit"));
                assertEquals(p.compression().releaseMs() / 1000, value(direct(c, "Release")), 1e-6);
                assertEquals(p.compression().makeupDb(), value(direct(c, "OutputGain")), 1e-6);
                assertEquals("true", direct(c, "Enabled").getAttribute("value"));
            }
            if (p.ducking() != null) {
                Element duck = (Element) comps.item(comps.getLength() - 1);
                assertTrue(duck.getAttribute("deviceName").contains("sidechain: Kick"), duck.getAttribute("deviceName"));
                assertEquals("false", direct(duck, "Enabled").getAttribute("value"), "off until the producer routes the key");
                assertEquals(p.ducking().thresholdDb(), value(direct(duck, "Threshold")), 1e-6);
                assertEquals(p.ducking().ratio(), value(direct(duck, "Ratio")), 1e-6);
            }
            checked++;
        }
        assertEquals(plan.stems().size(), checked);
    }

    @Test
    void returnsCarryTheSendBandAndTheEffectSettingsAsNamedParameters() throws Exception {
        var doc = parse(DawProjectExporter.projectXml(plan, channels));
        Element reverb = channel(doc, "reverb_channel"), delay = channel(doc, "delay_channel");
        assertEquals("effect", reverb.getAttribute("role"));
        for (Element ret : new Element[]{reverb, delay}) {
            NodeList bands = ret.getElementsByTagName("Band");
            assertEquals("highPass", ((Element) bands.item(0)).getAttribute("type"));
            assertEquals(plan.space().sendHighPassHz(), value(direct((Element) bands.item(0), "Freq")), 1e-6);
            assertEquals("lowPass", ((Element) bands.item(1)).getAttribute("type"));
            assertEquals(plan.space().sendLowPassHz(), value(direct((Element) bands.item(1), "Freq")), 1e-6);
        }
        assertEquals(plan.space().reverbDecaySeconds(), value(parameter(reverb, "Decay")), 1e-6);
        assertEquals(plan.space().reverbPreDelayMs() / 1000, value(parameter(reverb, "Pre-delay")), 1e-6);
        assertEquals(plan.space().delayTimeMs() / 1000, value(parameter(delay, "Time")), 1e-6);
        assertEquals(100 * plan.space().delayFeedback(), value(parameter(delay, "Feedback")), 1e-6);
        Element glue = (Element) channel(doc, "drum_bus_channel").getElementsByTagName("Compressor").item(0);
        assertEquals(plan.drumBus().thresholdDb(), value(direct(glue, "Threshold")), 1e-6);
        Element tempo = (Element) doc.getElementsByTagName("Tempo").item(0);
        assertEquals(plan.space().projectTempoBpm(), value(tempo), 1e-9);
        assertEquals("bpm", tempo.getAttribute("unit"));
        assertTrue(new String(DawProjectExporter.projectXml(plan, channels), java.nio.charset.StandardCharsets.UTF_8)
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"), "the XML declaration as in the reference example");
        // As Bitwig writes audio clips: lanes and clips in beats, the file inside Warps from seconds to beats, 1:1 at the tempo.
        assertEquals("beats", ((Element) doc.getElementsByTagName("Lanes").item(0)).getAttribute("timeUnit"));
        NodeList audio = doc.getElementsByTagName("Audio");
        assertEquals(plan.stems().size(), audio.getLength());
        double beatsPerSecond = plan.space().projectTempoBpm() / 60;
        for (int i = 0; i < audio.getLength(); i++) {
            Element a = (Element) audio.item(i), warps = (Element) a.getParentNode(), clip = (Element) warps.getParentNode();
            StemPlan p = plan.stem(clip.getAttribute("name")).orElseThrow();
            double seconds = p.measured().durationSeconds();
            assertEquals("Warps", warps.getTagName());
            assertEquals("beats", warps.getAttribute("timeUnit"));
            assertEquals("seconds", warps.getAttribute("contentTimeUnit"));
            assertEquals(0, Double.parseDouble(clip.getAttribute("time")));
            assertEquals(seconds * beatsPerSecond, Double.parseDouble(clip.getAttribute("duration")), 1e-6);
            assertEquals(seconds, Double.parseDouble(a.getAttribute("duration")), 1e-9);
            NodeList warp = warps.getElementsByTagName("Warp");
            assertEquals(2, warp.getLength());
            Element start = (Element) warp.item(0), end = (Element) warp.item(1);
            assertEquals(0, Double.parseDouble(start.getAttribute("time")));
            assertEquals(0, Double.parseDouble(start.getAttribute("contentTime")));
            assertEquals(clip.getAttribute("duration"), end.getAttribute("time"));
            assertEquals(seconds, Double.parseDouble(end.getAttribute("contentTime")), 1e-9);
            // 1:1: the warp maps the file's seconds onto beats at exactly the written tempo (stretch well below 1 ppm)
            double ratio = Double.parseDouble(end.getAttribute("time")) / Double.parseDouble(end.getAttribute("contentTime")) / (value(tempo) / 60);
            assertEquals(1, ratio, 1e-9);
            assertEquals(Math.round(p.measured().sampleRateHz()), Long.parseLong(a.getAttribute("sampleRate")));
        }
    }

    @Test
    void byDefaultTheArchiveReferencesTheOriginalStemsRelativeToTheProject(@TempDir Path dir) throws Exception {
        Path stems = dir.resolve("song stems");
        Files.createDirectories(stems);
        Map<String, Path> files = fakeStems(stems);
        Path out = dir.resolve("out").resolve("song.dawproject");
        DawProjectExporter.write(out, plan, files, channels, "song", DawProjectExporter.Audio.REFERENCE);
        try (ZipFile z = new ZipFile(out.toFile())) {
            Set<String> names = new HashSet<>();
            z.stream().forEach(e -> names.add(e.getName()));
            assertEquals(Set.of("project.xml", "metadata.xml"), names, "no copies of the stems");
            byte[] xml = z.getInputStream(z.getEntry("project.xml")).readAllBytes();
            validate(xml, "Project.xsd");
            NodeList refs = parse(xml).getElementsByTagName("File");
            assertEquals(plan.stems().size(), refs.getLength());
            for (int i = 0; i < refs.getLength(); i++) {
                Element f = (Element) refs.item(i);
                assertEquals("true", f.getAttribute("external"));
                assertTrue(f.getAttribute("path").startsWith("../song stems/"), f.getAttribute("path"));
                Path resolved = out.getParent().resolve(f.getAttribute("path")).normalize();
                assertTrue(files.containsValue(resolved), resolved + " is one of the stems");
            }
        }
        assertNoTemporaryFiles(out.getParent());
    }

    @Test
    void theSamePlanExportsToTheSameBytes(@TempDir Path dir) throws Exception {
        Map<String, Path> files = fakeStems(dir);
        Path first = dir.resolve("a.dawproject"), second = dir.resolve("b.dawproject");
        DawProjectExporter.write(first, plan, files, channels, "song", DawProjectExporter.Audio.EMBED);
        DawProjectExporter.write(second, plan, files, channels, "song", DawProjectExporter.Audio.EMBED);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        try (ZipFile z = new ZipFile(first.toFile())) {
            // a clock time would differ between two exports more than zip's two seconds apart
            z.stream().forEach(e -> assertEquals(DawProjectExporter.ENTRY_TIME, e.getTimeLocal(), e.getName()));
        }
    }

    @Test
    void embeddingCopiesEveryOriginalStemIntoTheArchive(@TempDir Path dir) throws Exception {
        Map<String, Path> files = fakeStems(dir);
        Path out = dir.resolve("song.dawproject");
        DawProjectExporter.write(out, plan, files, channels, "song", DawProjectExporter.Audio.EMBED);
        try (ZipFile z = new ZipFile(out.toFile())) {
            for (StemPlan p : plan.stems()) {
                assertArrayEquals(Files.readAllBytes(files.get(p.file())), z.getInputStream(z.getEntry("audio/" + p.file())).readAllBytes());
            }
            byte[] xml = z.getInputStream(z.getEntry("project.xml")).readAllBytes();
            validate(xml, "Project.xsd");
            Element f = (Element) parse(xml).getElementsByTagName("File").item(0);
            assertEquals("false", f.getAttribute("external"));
            assertTrue(f.getAttribute("path").startsWith("audio/"));
        }
        assertNoTemporaryFiles(dir);
    }

    @Test
    void bothExportsNameStemsRelativeToTheExportedFileUnderASharedFolderAndAbsoluteOtherwise(@TempDir Path dir) throws Exception {
        Path stems = dir.resolve("song stems");
        Files.createDirectories(stems);
        Map<String, Path> files = fakeStems(stems);
        Path out = dir.resolve("out");
        ReaperExporter.write(out.resolve("song.rpp"), plan, files);
        DawProjectExporter.write(out.resolve("song.dawproject"), plan, files, channels, "song", DawProjectExporter.Audio.REFERENCE);
        List<String> rppFiles = Files.readAllLines(out.resolve("song.rpp")).stream().map(String::trim)
                .filter(l -> l.startsWith("FILE ")).map(l -> l.substring(6, l.length() - 1)).sorted().toList();
        List<String> dawFiles = new ArrayList<>();
        try (ZipFile z = new ZipFile(out.resolve("song.dawproject").toFile())) {
            NodeList refs = parse(z.getInputStream(z.getEntry("project.xml")).readAllBytes()).getElementsByTagName("File");
            for (int i = 0; i < refs.getLength(); i++) dawFiles.add(((Element) refs.item(i)).getAttribute("path"));
        }
        List<String> expected = plan.stems().stream().map(p -> "../song stems/" + p.file()).sorted().toList();
        assertEquals(expected, rppFiles);
        assertEquals(expected, dawFiles.stream().sorted().toList());
        // Sharing only the file-system root: absolute, so moving either side does not break the link.
        Map<String, Path> elsewhere = new HashMap<>();
        plan.stems().forEach(p -> elsewhere.put(p.file(), Path.of("/stems", p.file())));
        String rpp = ReaperExporter.text(plan, elsewhere, Path.of("/projects/song"));
        for (StemPlan p : plan.stems()) assertTrue(rpp.contains("FILE \"/stems/" + p.file() + "\""), p.file());
        String near = ReaperExporter.text(plan, elsewhere, Path.of("/stems/mixes"));
        for (StemPlan p : plan.stems()) assertTrue(near.contains("FILE \"../" + p.file() + "\""), p.file());
    }

    @Test
    void theReaperProjectHasStemTracksADrumFolderAndReturnsReceivingEachSend() {
        Map<String, Path> files = new HashMap<>();
        plan.stems().forEach(p -> files.put(p.file(), Path.of("/stems", p.file())));
        String rpp = ReaperExporter.text(plan, files);
        // Parse it: blocks must nest, and every TRACK's fields are collected in order.
        List<Map<String, List<String>>> tracks = new ArrayList<>();
        int depth = 0;
        Map<String, List<String>> current = null;
        for (String raw : rpp.split("\n")) {
            String line = raw.trim();
            if (line.startsWith("|")) continue;        // notes text
            if (line.startsWith("<")) {
                depth++;
                if (line.equals("<TRACK")) tracks.add(current = new HashMap<>());
                if (current != null && depth == 3 && line.startsWith("<ITEM")) current.computeIfAbsent("ITEM", k -> new ArrayList<>()).add("");
                if (current != null && depth == 4) current.computeIfAbsent("ITEM order", k -> new ArrayList<>()).add(line);
            } else if (line.equals(">")) {
                depth--;
            } else if (current != null && depth >= 2) {
                int sp = line.indexOf(' ');
                String key = sp < 0 ? line : line.substring(0, sp);
                current.computeIfAbsent(key, k -> new ArrayList<>()).add(sp < 0 ? "" : line.substring(sp + 1));
                current.computeIfAbsent(depth == 2 ? "TRACK order" : "ITEM order", k -> new ArrayList<>()).add(key);
            }
        }
        assertEquals(0, depth, "balanced blocks");
        // Reaper writes the project notes right after the header, each line behind a '|'.
        String[] lines = rpp.split("\n");
        assertTrue(lines[0].startsWith("<REAPER_PROJECT 0.1 \""), lines[0]);
        assertEquals("  <NOTES 0 2", lines[1]);
        assertTrue(lines[2].startsWith("    |"), lines[2]);
        for (Map<String, List<String>> t : tracks) {
            // Track fields in Reaper's own order; every track feeds its parent (folder or master).
            List<String> order = t.get("TRACK order");
            assertEquals(List.of("NAME", "VOLPAN", "ISBUS", "NCHAN"), order.subList(0, 4));
            assertEquals("MAINSEND", order.get(order.size() - 1));
            assertEquals("1 0", t.get("MAINSEND").get(0));
            if (t.containsKey("ITEM")) {
                // Item-level fields (with the item NOTES block) before the take's NAME and SOURCE; no looping past the file.
                assertEquals(List.of("POSITION", "LENGTH", "LOOP", "<NOTES", "NAME"), t.get("ITEM order").subList(0, 5));
                assertEquals("0", t.get("LOOP").get(0));
                assertEquals("<SOURCE WAVE", t.get("ITEM order").get(5));
            }
        }
        int stems = plan.stems().size();
        assertEquals(stems + 3, tracks.size(), "stems, drum bus folder, reverb and delay returns");
        List<String> names = tracks.stream().map(t -> t.get("NAME").get(0)).toList();
        StemPlan hats = plan.stem("HiHat.wav").orElseThrow();
        Map<String, List<String>> hatsTrack = tracks.get(names.indexOf("\"HiHat (" + hats.role().id() + ")\""));
        assertEquals(String.format(java.util.Locale.ROOT, "%s %s -1 -1 1", trim(Math.pow(10, hats.gainDb() / 20)), trim(hats.pan())),
                hatsTrack.get("VOLPAN").get(0));
        assertTrue(hatsTrack.get("FILE").contains("\"/stems/HiHat.wav\""));
        // The drum folder opens right before its drum stems and the last drum stem closes it.
        int folder = names.indexOf("\"Drum bus\"");
        assertEquals("1 1", tracks.get(folder).get("ISBUS").get(0));
        long drums = plan.stems().stream().filter(StemPlan::drumBus).count();
        assertEquals("2 -1", tracks.get(folder + (int) drums).get("ISBUS").get(0));
        for (String ret : new String[]{"Reverb", "Delay"}) {
            List<String> recv = tracks.get(names.indexOf("\"" + ret + "\"")).getOrDefault("AUXRECV", List.of());
            long sending = plan.stems().stream().filter(p -> (ret.equals("Reverb") ? p.reverbSendDb() : p.delaySendDb()) != null).count();
            assertEquals(sending, recv.size(), ret + " receives one send per stem that sends");
            for (String r : recv) {
                String[] f = r.split(" ");
                String source = names.get(Integer.parseInt(f[0]));
                StemPlan p = plan.stems().stream().filter(s -> source.startsWith("\"" + s.file().replaceFirst("\\.[^.]+$", "") + " (")).findFirst().orElseThrow();
                Double db = ret.equals("Reverb") ? p.reverbSendDb() : p.delaySendDb();
                assertEquals("0", f[1], "post-fader");
                assertEquals(Math.pow(10, db / 20), Double.parseDouble(f[2]), 1e-5);
                // pan 0, not muted, no mono sum, polarity kept, channels 1/2 to 1/2, default pan law, all MIDI, track automation mode.
                assertEquals(List.of("0", "0", "0", "0", "0", "0", "-1", "0", "-1"), List.of(f).subList(3, f.length));
            }
        }
        StemPlan compressed = plan.stems().stream().filter(p -> p.compression() != null).findFirst().orElseThrow();
        assertTrue(rpp.contains(String.format(java.util.Locale.ROOT, "ReaComp after ReaEQ: threshold %.1f dB, ratio %.1f:1",
                compressed.compression().thresholdDb() - compressed.gainDb(), compressed.compression().ratio())), rpp);
        assertTrue(rpp.contains(String.format(java.util.Locale.ROOT, "TEMPO %s 4 4", trim(plan.space().projectTempoBpm()))));
    }

    private static Map<String, Path> fakeStems(Path dir) throws Exception {
        Map<String, Path> files = new HashMap<>();
        for (StemPlan p : plan.stems()) {
            Path f = dir.resolve(p.file());
            Files.write(f, new byte[]{1, 2, 3, (byte) p.file().length()});
            files.put(p.file(), f);
        }
        return files;
    }

    private static void assertNoTemporaryFiles(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    private static double value(Element e) { return Double.parseDouble(e.getAttribute("value")); }

    private static Element channel(org.w3c.dom.Document doc, String id) {
        NodeList chans = doc.getElementsByTagName("Channel");
        for (int i = 0; i < chans.getLength(); i++) if (((Element) chans.item(i)).getAttribute("id").equals(id)) return (Element) chans.item(i);
        throw new AssertionError("no channel " + id);
    }

    private static Element parameter(Element channel, String name) {
        NodeList ps = channel.getElementsByTagName("RealParameter");
        for (int i = 0; i < ps.getLength(); i++) if (((Element) ps.item(i)).getAttribute("name").equals(name)) return (Element) ps.item(i);
        throw new AssertionError("no parameter " + name);
    }

    private static String trim(double v) {
        return String.format(java.util.Locale.ROOT, "%.6f", v).replaceFirst("0+$", "").replaceFirst("\\.$", "");
    }

    private static Element direct(Element parent, String name) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) return e;
        }
        throw new AssertionError("no " + name + " under " + parent.getTagName());
    }
}
