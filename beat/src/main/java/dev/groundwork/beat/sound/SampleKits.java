package dev.groundwork.beat.sound;

import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.audio.AudioFiles;
import dev.groundwork.core.dsp.Resampler;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Sample drum kits: Hydrogen {@code drumkit.xml} (current layout with instrument components and
 * velocity layers, older layouts with layers or a bare {@code <filename>} under the instrument,
 * mute groups for hat choke) and plain folders of one-shots named by what they are
 * ("kick.wav", "Snare 02.flac", "hihat-open.wav"). Kit files are hostile input: sizes, counts and
 * paths are checked before anything is read.
 */
public final class SampleKits {
    public static final long MAX_XML_BYTES = 4L << 20;
    public static final long MAX_SAMPLE_BYTES = 64L << 20;
    public static final int MAX_INSTRUMENTS = 128, MAX_LAYERS = 32, MAX_FOLDER_FILES = 512;

    private SampleKits() { }

    /** A velocity layer: velocity range 0..1 and gain. */
    record Layer(double min, double max, double gain, float[] samples) { }

    record Instrument(String name, int gmNote, int muteGroup, double volume, List<Layer> layers) { }

    /** Loads a Hydrogen kit (its folder or its drumkit.xml) or a folder of one-shots. */
    public static DrumKit load(Path path, double sampleRate) {
        if (!Files.exists(path)) throw new IllegalArgumentException("kit not found: " + path);
        Path xml = Files.isDirectory(path) ? path.resolve("drumkit.xml") : path;
        if (Files.isRegularFile(xml) && xml.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml")) {
            return hydrogen(xml, sampleRate);
        }
        if (Files.isDirectory(path)) return folder(path, sampleRate);
        throw new IllegalArgumentException(path.getFileName() + ": a kit is a Hydrogen drumkit.xml or a folder of one-shots");
    }

    static DrumKit hydrogen(Path xml, double sr) {
        Document doc = parseXml(xml);
        Path dir = xml.toAbsolutePath().getParent();
        String kitName = text(doc.getDocumentElement(), "name", xml.getParent().getFileName().toString());
        NodeList list = doc.getElementsByTagName("instrument");
        if (list.getLength() > MAX_INSTRUMENTS) throw bad(xml, list.getLength() + " instruments (at most " + MAX_INSTRUMENTS + ")");
        List<Instrument> instruments = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            Element in = (Element) list.item(i);
            String name = text(in, "name", "instrument " + i);
            int midiOut = parseInt(text(in, "midiOutNote", "-1"), -1);
            int group = parseInt(text(in, "muteGroup", "-1"), -1);
            double volume = parseDouble(text(in, "volume", "1"), 1);
            List<Element> layerEls = new ArrayList<>();
            collect(in, "layer", layerEls);
            List<Layer> layers = new ArrayList<>();
            if (layerEls.size() > MAX_LAYERS) throw bad(xml, name + " has " + layerEls.size() + " layers (at most " + MAX_LAYERS + ")");
            for (Element l : layerEls) {
                String file = text(l, "filename", null);
                if (file == null) continue;
                double min = clamp01(parseDouble(text(l, "min", "0"), 0));
                double max = clamp01(parseDouble(text(l, "max", "1"), 1));
                double gain = Math.max(0, Math.min(4, parseDouble(text(l, "gain", "1"), 1)));
                layers.add(new Layer(min, max, gain, loadSample(dir, file, sr)));
            }
            if (layers.isEmpty()) {
                String file = directChildText(in, "filename");
                if (file != null) layers.add(new Layer(0, 1, 1, loadSample(dir, file, sr)));
            }
            if (layers.isEmpty()) continue;
            int gm = gmFromName(name);
            if (gm < 0) gm = midiOut;
            instruments.add(new Instrument(name, gm, group, Math.max(0, Math.min(4, volume)), layers));
        }
        if (instruments.isEmpty()) throw bad(xml, "no instrument with a sample");
        return new Kit(kitName + " (Hydrogen kit)", instruments);
    }

    static DrumKit folder(Path dir, double sr) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(wav|flac|aiff?|aifc)$"))
                    .sorted().limit(MAX_FOLDER_FILES + 1L).toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list kit folder " + dir.getFileName() + ": " + e.getMessage(), e);
        }
        if (files.size() > MAX_FOLDER_FILES) throw new IllegalArgumentException(dir.getFileName() + ": more than " + MAX_FOLDER_FILES + " samples in the kit folder");
        Map<Integer, Instrument> byNote = new TreeMap<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            int gm = gmFromName(name.replaceAll("\\.[^.]+$", ""));
            if (gm < 0 || byNote.containsKey(gm)) continue;
            byNote.put(gm, new Instrument(name, gm, gm == 42 || gm == 44 || gm == 46 ? 1 : -1, 1,
                    List.of(new Layer(0, 1, 1, loadSample(dir, name, sr)))));
        }
        if (byNote.isEmpty()) {
            throw new IllegalArgumentException(dir.getFileName() + ": no one-shots named like kick, snare, clap, hat, open hat, rim, perc");
        }
        return new Kit(dir.getFileName() + " (sample folder)", new ArrayList<>(byNote.values()));
    }

    /** GM note from an instrument or file name, or -1. */
    static int gmFromName(String raw) {
        String n = raw.toLowerCase(Locale.ROOT).replaceAll("[_\\-.]+", " ");
        boolean hat = n.matches(".*\\b(hh|hat|hats|hihat|hihats|hi hat)\\b.*") || n.contains("hihat") || n.contains("hi hat");
        if (hat && (n.contains("open") || n.matches(".*\\boh\\b.*"))) return 46;
        if (hat && n.contains("pedal")) return 44;
        if (hat) return 42;
        if (n.contains("kick") || n.matches(".*\\b(bd|bassdrum|bass drum)\\b.*")) return 36;
        if (n.contains("clap")) return 39;
        if (n.contains("rim") || n.contains("stick")) return 37;
        if (n.contains("snare") || n.matches(".*\\bsd\\b.*")) return 38;
        if (n.contains("crash")) return 49;
        if (n.contains("ride")) return 51;
        if (n.contains("conga") || n.contains("bongo")) return 63;
        if (n.contains("shaker") || n.contains("maraca") || n.contains("tamb")) return 70;
        if (n.contains("tom")) return 45;
        if (n.contains("perc") || n.contains("cowbell") || n.contains("block")) return 63;
        return -1;
    }

    /** A loaded kit; missing GM notes fall back to the nearest sound a producer would accept. */
    static final class Kit implements DrumKit {
        private final String name;
        private final Map<Integer, Instrument> byNote = new HashMap<>();

        Kit(String name, List<Instrument> instruments) {
            this.name = name;
            for (Instrument i : instruments) byNote.putIfAbsent(i.gmNote, i);
        }

        @Override
        public String name() { return name; }

        private Instrument find(int note) {
            int[] chain = switch (note) {
                case 39 -> new int[]{39, 38, 37};
                case 37 -> new int[]{37, 38, 39};
                case 40 -> new int[]{40, 38};
                case 35 -> new int[]{35, 36};
                case 44 -> new int[]{44, 42};
                case 46 -> new int[]{46, 42};
                case 62, 63, 64 -> new int[]{note, 63, 64, 62, 37, 70};
                case 69, 70, 82 -> new int[]{note, 70, 69, 42};
                default -> new int[]{note};
            };
            for (int c : chain) if (byNote.containsKey(c)) return byNote.get(c);
            return null;
        }

        @Override
        public float[] hit(int note, int velocity) {
            Instrument in = find(note);
            if (in == null) return null;
            double v = velocity / 127.0;
            Layer chosen = in.layers.get(in.layers.size() - 1);
            for (Layer l : in.layers) if (v >= l.min && v <= l.max) { chosen = l; break; }
            float g = (float) (Math.pow(v, 1.4) * chosen.gain * in.volume);
            float[] out = new float[chosen.samples.length];
            for (int i = 0; i < out.length; i++) out[i] = chosen.samples[i] * g;
            return out;
        }

        @Override
        public int muteGroup(int note) {
            Instrument in = find(note);
            if (in == null) return -1;
            return in.muteGroup >= 0 ? in.muteGroup : (in.gmNote == 42 || in.gmNote == 44 || in.gmNote == 46 ? 1000 : -1);
        }
    }

    private static float[] loadSample(Path dir, String file, double sr) {
        if (file.isBlank() || file.indexOf('\0') >= 0) throw new IllegalArgumentException("kit sample with an empty name");
        Path p = dir.resolve(file).normalize();
        if (!p.startsWith(dir.normalize())) throw new IllegalArgumentException("kit sample '" + file + "' points outside the kit folder");
        try {
            if (!Files.isRegularFile(p)) throw new IllegalArgumentException("kit sample missing: " + file);
            if (Files.size(p) > MAX_SAMPLE_BYTES) throw new IllegalArgumentException("kit sample too large (over 64 MB): " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read kit sample " + file + ": " + e.getMessage(), e);
        }
        AudioBuffer b = AudioFiles.read(p);
        if (b.sampleRate() != sr) b = Resampler.resample(b, sr);
        float[] mono = new float[b.frames()];
        for (int c = 0; c < b.channels(); c++) {
            float[] ch = b.channel(c);
            for (int i = 0; i < mono.length; i++) mono[i] += ch[i] / b.channels();
        }
        return mono;
    }

    private static Document parseXml(Path xml) {
        try {
            long size = Files.size(xml);
            if (size > MAX_XML_BYTES) throw bad(xml, size + " bytes (at most 4 MB)");
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(xml.toFile());
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw bad(xml, "not a readable drumkit.xml (" + String.valueOf(e.getMessage()).replace('\n', ' ') + ")");
        }
    }

    private static IllegalArgumentException bad(Path xml, String why) {
        return new IllegalArgumentException(xml.getFileName() + ": " + why);
    }

    private static void collect(Element e, String tag, List<Element> out) {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (!(c instanceof Element ce)) continue;
            if (ce.getTagName().equals(tag)) out.add(ce);
            else if (ce.getTagName().equals("instrumentComponent")) collect(ce, tag, out);
        }
    }

    private static String text(Element e, String tag, String dflt) {
        String t = directChildText(e, tag);
        return t == null ? dflt : t;
    }

    private static String directChildText(Element e, String tag) {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element ce && ce.getTagName().equals(tag)) return ce.getTextContent().trim();
        }
        return null;
    }

    private static int parseInt(String s, int d) {
        try { return Integer.parseInt(s.trim()); } catch (RuntimeException e) { return d; }
    }

    private static double parseDouble(String s, double d) {
        try {
            double v = Double.parseDouble(s.trim());
            return Double.isFinite(v) ? v : d;
        } catch (RuntimeException e) { return d; }
    }

    private static double clamp01(double v) { return Math.max(0, Math.min(1, v)); }
}
