package dev.groundwork.bench.mixing;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.Inflater;

/**
 * Writes one copy of an LMMS project per instrument or sample track, every other such track muted, so that
 * {@code lmms render} of each copy gives that track's stem exactly as it sounds in the song (its volume, pan,
 * instrument effects and effect-mixer channel; beat/bassline patterns included). LMMS 1.2.2's own
 * {@code rendertracks} is not used: it renders all tracks in one session and its stems did not add up to the
 * full render (a demo song's string track came out 12 dB louder than when rendered alone), while solo
 * renders in fresh processes add up to it within -148 dB.
 *
 * <p>Usage: {@code lmms-solo PROJECT.mmp[z] OUT_DIR [SECONDS]}: writes OUT_DIR/NN.mmp (NN: the track's place
 * among the instrument and sample tracks, song editor first, in document order) and prints "NN TAB track name" for
 * each; tracks muted in the project get no copy and a line starting with '#'. OUT_DIR/full.mmp is the project
 * with nothing changed but the cut. With SECONDS, the song editor's clips are cut two seconds after that time (at
 * the project's tempo), because LMMS renders whole songs and has no length option: only what would be cut off
 * afterwards is removed, the beat/bassline editor's own patterns are left alone.
 */
public final class LmmsSoloProjects {
    private LmmsSoloProjects() { }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 && args.length != 3) {
            System.err.println("usage: lmms-solo PROJECT.mmp[z] OUT_DIR [SECONDS]");
            System.exit(2);
        }
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(projectXml(Files.readAllBytes(Path.of(args[0])))));
        List<Element> tracks = new ArrayList<>();
        NodeList all = doc.getElementsByTagName("track");
        for (int i = 0; i < all.getLength(); i++) {
            Element t = (Element) all.item(i);
            String type = t.getAttribute("type");
            if (type.equals("0") || type.equals("2")) tracks.add(t);   // 0 instrument, 2 sample; not bb (1) or automation
        }
        if (args.length == 3) cut(doc, Double.parseDouble(args[2]) + 2);
        Path out = Files.createDirectories(Path.of(args[1]));
        Files.writeString(out.resolve("full.mmp"), serialize(doc));
        List<Element> playing = new ArrayList<>();
        for (Element t : tracks) {
            if ("1".equals(t.getAttribute("muted"))) System.out.println("# muted in the project: " + t.getAttribute("name"));
            else playing.add(t);
            t.setAttribute("solo", "0");
        }
        for (int k = 0; k < playing.size(); k++) {
            for (int j = 0; j < playing.size(); j++) playing.get(j).setAttribute("muted", j == k ? "0" : "1");
            String number = String.format(Locale.ROOT, "%02d", k + 1);
            Files.writeString(out.resolve(number + ".mmp"), serialize(doc));
            System.out.println(number + "\t" + playing.get(k).getAttribute("name"));
        }
    }

    /** LMMS ticks per quarter note (192 per 4/4 bar). */
    private static final int TICKS_PER_BEAT = 48;

    /**
     * Cuts the song editor's clips at SECONDS: clips that start later are removed, clips that run past it are
     * shortened, and notes of melody clips from there on are dropped. Tempo automation is not followed (the
     * head's tempo is used), so a song that speeds up is cut a little earlier.
     */
    static void cut(Document doc, double seconds) {
        Element head = (Element) doc.getElementsByTagName("head").item(0);
        double bpm = Double.parseDouble(head.getAttribute("bpm"));
        long limit = (long) Math.ceil(seconds * bpm / 60 * TICKS_PER_BEAT);
        Element song = (Element) doc.getElementsByTagName("song").item(0);
        Element container = child(song, "trackcontainer");
        if (container == null) return;
        for (Element track : children(container, "track")) {
            for (Element clip : children(track, null)) {
                if (!clip.hasAttribute("pos") || !List.of("pattern", "bbtco", "sampletco", "automationpattern").contains(clip.getTagName())) continue;
                long pos = Long.parseLong(clip.getAttribute("pos"));
                if (pos >= limit) {
                    track.removeChild(clip);
                    continue;
                }
                if (clip.hasAttribute("len") && pos + Long.parseLong(clip.getAttribute("len")) > limit) clip.setAttribute("len", Long.toString(limit - pos));
                for (Element note : children(clip, "note")) {
                    if (pos + Long.parseLong(note.getAttribute("pos")) >= limit) clip.removeChild(note);
                }
            }
        }
    }

    private static Element child(Element parent, String tag) {
        List<Element> c = children(parent, tag);
        return c.isEmpty() ? null : c.get(0);
    }

    /** The element children of PARENT (with the tag TAG, or all when TAG is null), as a list safe to remove from. */
    private static List<Element> children(Element parent, String tag) {
        List<Element> c = new ArrayList<>();
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (tag == null || e.getTagName().equals(tag))) c.add(e);
        }
        return c;
    }

    /** The XML of a project file: .mmp is XML; .mmpz is Qt's qCompress (4-byte big-endian length, then zlib). */
    static byte[] projectXml(byte[] file) throws Exception {
        if (file.length > 0 && file[0] == '<') return file;
        int length = ((file[0] & 0xff) << 24) | ((file[1] & 0xff) << 16) | ((file[2] & 0xff) << 8) | (file[3] & 0xff);
        Inflater inflater = new Inflater();
        inflater.setInput(file, 4, file.length - 4);
        byte[] xml = new byte[length];
        int n = 0;
        while (n < length && !inflater.finished()) {
            int got = inflater.inflate(xml, n, length - n);
            if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) break;
            n += got;
        }
        inflater.end();
        if (n != length) throw new IllegalArgumentException("not an LMMS project (.mmp or .mmpz)");
        return xml;
    }

    private static String serialize(Document doc) throws Exception {
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        StringWriter w = new StringWriter();
        w.write("<?xml version=\"1.0\"?>\n<!DOCTYPE lmms-project>\n");
        transformer.transform(new DOMSource(doc.getDocumentElement()), new StreamResult(w));
        return w.toString();
    }
}
