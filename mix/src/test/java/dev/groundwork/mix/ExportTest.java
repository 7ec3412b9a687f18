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
import java.util.HashSet;
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

    @Test
    void projectXmlValidatesAgainstTheDawProjectSchema() throws Exception {
        validate(DawProjectExporter.projectXml(plan, channels, 120.0), "Project.xsd");
        validate(DawProjectExporter.metadataXml("A <song> & more"), "MetaData.xsd");
    }

    @Test
    void faderPanAndSendsAreCarriedInTheFormatsUnits() throws Exception {
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(DawProjectExporter.projectXml(plan, channels, null)));
        NodeList chans = doc.getElementsByTagName("Channel");
        int checked = 0;
        for (int i = 0; i < chans.getLength(); i++) {
            Element ch = (Element) chans.item(i);
            if (!"regular".equals(ch.getAttribute("role"))) continue;
            String name = ch.getAttribute("name");
            StemPlan p = plan.stems().stream().filter(s -> s.file().startsWith(name + ".")).findFirst().orElseThrow();
            Element vol = direct(ch, "Volume"), pan = direct(ch, "Pan");
            assertEquals("linear", vol.getAttribute("unit"));
            assertEquals(Math.pow(10, p.gainDb() / 20), Double.parseDouble(vol.getAttribute("value")), 1e-5);
            assertEquals("normalized", pan.getAttribute("unit"));
            assertEquals((p.pan() + 1) / 2, Double.parseDouble(pan.getAttribute("value")), 1e-6);
            if (p.reverbSendDb() != null) {
                Element send = (Element) ch.getElementsByTagName("Send").item(0);
                assertEquals("reverb_channel", send.getAttribute("destination"));
                assertEquals(Math.pow(10, p.reverbSendDb() / 20), Double.parseDouble(direct(send, "Volume").getAttribute("value")), 1e-5);
            }
            assertEquals(p.eq().size(), ch.getElementsByTagName("Band").getLength());
            assertEquals(p.compression() != null ? 1 : 0, ch.getElementsByTagName("Compressor").getLength());
            checked++;
        }
        assertEquals(plan.stems().size(), checked);
    }

    @Test
    void theArchiveHoldsProjectMetadataAndEveryOriginalStem(@TempDir Path dir) throws Exception {
        Map<String, Path> files = new HashMap<>();
        for (StemPlan p : plan.stems()) {
            Path f = dir.resolve(p.file());
            Files.write(f, new byte[]{1, 2, 3, (byte) p.file().length()});
            files.put(p.file(), f);
        }
        Path out = dir.resolve("song.dawproject");
        DawProjectExporter.write(out, plan, files, channels, 120.0, "song");
        try (ZipFile z = new ZipFile(out.toFile())) {
            Set<String> names = new HashSet<>();
            z.stream().forEach(e -> names.add(e.getName()));
            assertTrue(names.contains("project.xml") && names.contains("metadata.xml"));
            for (StemPlan p : plan.stems()) {
                assertTrue(names.contains("audio/" + p.file()));
                assertArrayEquals(Files.readAllBytes(files.get(p.file())), z.getInputStream(z.getEntry("audio/" + p.file())).readAllBytes());
            }
            validate(z.getInputStream(z.getEntry("project.xml")).readAllBytes(), "Project.xsd");
        }
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void theReaperProjectHasATrackPerStemWithLinearVolumeAndPan() {
        Map<String, Path> files = new HashMap<>();
        plan.stems().forEach(p -> files.put(p.file(), Path.of("/stems", p.file())));
        String rpp = ReaperExporter.text(plan, files, 120.0);
        assertEquals(plan.stems().size(), rpp.split("<TRACK", -1).length - 1);
        StemPlan hats = plan.stem("HiHat.wav").orElseThrow();
        String expected = String.format(java.util.Locale.ROOT, "VOLPAN %s %s", trim(Math.pow(10, hats.gainDb() / 20)), trim(hats.pan()));
        assertTrue(rpp.contains(expected), expected + " in\n" + rpp);
        assertTrue(rpp.contains("FILE \"/stems/HiHat.wav\""));
        assertEquals(rpp.chars().filter(c -> c == '<').count(), rpp.chars().filter(c -> c == '>').count(), "balanced blocks");
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
