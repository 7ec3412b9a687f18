package dev.groundwork.bench.mixing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LmmsSoloProjectsTest {
    /** 120 bpm: 96 ticks a second. A lead with a clip at 0 (a note at 10 s, one at 30 s) and a clip at 40 s; a muted pad; a beat track holding a kick. */
    private static final String PROJECT = """
            <?xml version="1.0"?>
            <!DOCTYPE lmms-project>
            <lmms-project type="song" version="1.0">
              <head bpm="120" timesig_numerator="4" timesig_denominator="4"/>
              <song>
                <trackcontainer type="song">
                  <track muted="0" solo="0" type="0" name="Lead">
                    <instrumenttrack vol="100"/>
                    <pattern pos="0" len="3840" type="1" name="a"><note pos="960" len="48"/><note pos="2880" len="48"/></pattern>
                    <pattern pos="3840" len="192" type="1" name="b"><note pos="0" len="48"/></pattern>
                  </track>
                  <track muted="1" solo="0" type="0" name="Pad"><instrumenttrack vol="100"/></track>
                  <track muted="0" solo="0" type="1" name="Beat">
                    <bbtrack>
                      <trackcontainer type="bbtrackcontainer">
                        <track muted="0" solo="0" type="0" name="Kick">
                          <instrumenttrack vol="100"/>
                          <pattern pos="0" len="192" type="0" steps="16"><note pos="0" len="-192"/></pattern>
                        </track>
                      </trackcontainer>
                    </bbtrack>
                    <bbtco pos="0" len="3840"/>
                  </track>
                </trackcontainer>
              </song>
            </lmms-project>
            """;

    @Test
    void writesOneSoloCopyPerPlayingTrackAndCutsTheSongEditorOnly(@TempDir Path dir) throws Exception {
        Path project = dir.resolve("song.mmp");
        Files.writeString(project, PROJECT.strip());
        String printed = run(project, dir.resolve("solo"), "20");   // cut at 22 s = tick 2112

        assertEquals("# muted in the project: Pad\n01\tLead\n02\tKick\n", printed);
        String lead = Files.readString(dir.resolve("solo/01.mmp"));
        String kick = Files.readString(dir.resolve("solo/02.mmp"));
        assertEquals("0", muted(lead, "Lead"), "the lead plays in its own copy");
        assertEquals("1", muted(lead, "Kick"));
        assertEquals("1", muted(kick, "Lead"));
        assertEquals("0", muted(kick, "Kick"));
        assertEquals("1", muted(kick, "Pad"), "a track muted in the project stays muted");
        assertTrue(lead.startsWith("<?xml version=\"1.0\"?>\n<!DOCTYPE lmms-project>"));
        // The note at 30 s and the clip at 40 s are gone, the clip that runs past 22 s is shortened; the beat
        // editor's pattern (pos 0, within its own editor) and its note are kept.
        String full = Files.readString(dir.resolve("solo/full.mmp"));
        assertTrue(full.contains("pos=\"960\""));
        assertFalse(full.contains("pos=\"2880\""));
        assertFalse(full.contains("pos=\"3840\""));
        assertTrue(full.matches("(?s).*<pattern[^>]*len=\"2112\".*"), full);
        assertTrue(full.matches("(?s).*<bbtco[^>]*len=\"2112\".*"));
        assertTrue(full.contains("len=\"-192\""));
    }

    @Test
    void readsCompressedProjects(@TempDir Path dir) throws Exception {
        byte[] xml = PROJECT.strip().getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater();
        deflater.setInput(xml);
        deflater.finish();
        byte[] buffer = new byte[xml.length + 64];
        int n = deflater.deflate(buffer);
        byte[] file = new byte[4 + n];
        file[0] = (byte) (xml.length >>> 24);
        file[1] = (byte) (xml.length >>> 16);
        file[2] = (byte) (xml.length >>> 8);
        file[3] = (byte) xml.length;
        System.arraycopy(buffer, 0, file, 4, n);
        Path project = dir.resolve("song.mmpz");
        Files.write(project, file);

        assertEquals("# muted in the project: Pad\n01\tLead\n02\tKick\n", run(project, dir.resolve("solo"), null));
        assertTrue(Files.readString(dir.resolve("solo/full.mmp")).contains("pos=\"3840\""), "no cut without SECONDS");
    }

    /** The muted attribute of the track called NAME (attributes in any order). */
    private static String muted(String xml, String name) {
        var tag = java.util.regex.Pattern.compile("<track [^>]*name=\"" + name + "\"[^>]*>").matcher(xml);
        assertTrue(tag.find(), name);
        var m = java.util.regex.Pattern.compile("muted=\"(\\d)\"").matcher(tag.group());
        assertTrue(m.find());
        return m.group(1);
    }

    private static String run(Path project, Path out, String seconds) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            if (seconds == null) LmmsSoloProjects.main(new String[] {project.toString(), out.toString()});
            else LmmsSoloProjects.main(new String[] {project.toString(), out.toString(), seconds});
        } finally {
            System.setOut(old);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
