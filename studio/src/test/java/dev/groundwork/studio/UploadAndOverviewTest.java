package dev.groundwork.studio;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An accepted upload is stored, logged as a choice, and measured for the page's meters and plots. */
class UploadAndOverviewTest {
    @TempDir
    Path ws;

    @Test
    void aSineUploadedToMasterIsStoredLoggedAndMeasured() throws Exception {
        try (TestServer s = TestServer.in(ws)) {
            String p = s.createProject("Tone");
            // 1 kHz at -6.02 dBFS on both channels: BS.1770 reads -6.02 LUFS, true peak -6.02 dBTP.
            TestServer.Reply up = s.upload("/api/projects/" + p + "/master/upload", List.of(new TestServer.Part("../tone 1k.wav", TestAudio.sineWav(1000, 0.5, 0, 4.0, 1))));
            assertEquals(201, up.status(), up.body());
            assertEquals("master/inputs/tone 1k.wav", up.json().path("path").asText());
            assertEquals(2, up.json().path("channels").asInt());
            assertEquals(4.0, up.json().path("duration_seconds").asDouble(), 1e-6, up.body());
            assertTrue(Files.isRegularFile(ws.resolve(p).resolve("master/inputs/tone 1k.wav")));
            // stored with the permissions any new file gets (the umask), like every file a job writes; it was 0600
            if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Path plain = Files.createFile(ws.resolve("plain.txt"));
                assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(ws.resolve(p).resolve("master/inputs/tone 1k.wav")));
            }

            JsonNode project = s.get("/api/projects/" + p).json();
            assertEquals("master/inputs/tone 1k.wav", project.path("state").path("master").path("source").path("path").asText());
            assertEquals("choose_source", project.path("decisions").get(0).path("action").asText());

            JsonNode o = s.get("/api/projects/" + p + "/overview/master/inputs/tone%201k.wav").json();
            assertEquals(-6.02, o.path("integrated_lufs").asDouble(), 0.1);
            assertEquals(-6.02, o.path("true_peak_dbtp").asDouble(), 0.2);
            assertEquals(4.0, o.path("duration_seconds").asDouble(), 1e-6);
            double maxPeak = 0;
            for (JsonNode v : o.path("peaks")) maxPeak = Math.max(maxPeak, v.asDouble());
            assertEquals(0.5, maxPeak, 0.001);
            JsonNode f = o.path("spectrum_freqs_hz"), db = o.path("spectrum_db");
            int loudest = 0;
            for (int i = 0; i < db.size(); i++) if (db.get(i).asDouble() > db.get(loudest).asDouble()) loudest = i;
            double centre = f.get(loudest).asDouble();
            assertTrue(centre > 1000 / Math.pow(2, 1 / 12.0) && centre < 1000 * Math.pow(2, 1 / 12.0), "loudest band at " + centre + " Hz");
            assertEquals(-6.02, db.get(loudest).asDouble(), 0.5, "third-octave level re a full-scale sine");
            // short-term loudness every 100 ms settles on the integrated value once the 3 s window is full
            JsonNode st = o.path("short_term_lufs");
            assertEquals(-6.02, st.get(st.size() - 1).asDouble(), 0.1);
        }
    }

    @Test
    void aZipOfStemsIsUnpackedFlatIntoTheMixFolder() throws Exception {
        try (TestServer s = TestServer.in(ws)) {
            String p = s.createProject("Stems");
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
                for (String name : List.of("song/kick.wav", "song/bass.wav", "__MACOSX/song/._kick.wav")) {
                    zip.putNextEntry(new java.util.zip.ZipEntry(name));
                    zip.write(TestAudio.sineWav(name.contains("kick") ? 60 : 110, 0.4, 1.0, 2));
                    zip.closeEntry();
                }
            }
            TestServer.Reply up = s.upload("/api/projects/" + p + "/mix/upload", List.of(new TestServer.Part("stems.zip", bytes.toByteArray())));
            assertEquals(201, up.status(), up.body());
            assertEquals(2, up.json().size());
            assertEquals("kick.wav", up.json().get(0).path("name").asText());
            assertEquals(2, s.get("/api/projects/" + p).json().path("state").path("mix").path("stems").size());
        }
    }
}
