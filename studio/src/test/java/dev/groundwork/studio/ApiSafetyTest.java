package dev.groundwork.studio;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The safety rules of the studio API, tested over real HTTP against a running server. */
class ApiSafetyTest {
    private static final String SECRET = "top-secret-outside-the-workspace";

    @TempDir
    Path tmp;
    Path workspace;
    Path outside;
    TestServer s;
    String project;

    @BeforeEach
    void start() throws IOException {
        workspace = Files.createDirectories(tmp.resolve("ws"));
        outside = Files.writeString(tmp.resolve("secret.txt"), SECRET);
        s = new TestServer(StudioSettings.defaults(workspace).withPort(0).withMaxUploadBytes(256 * 1024));
        project = s.createProject("Safety");
        Files.writeString(workspace.resolve(project).resolve("hello.txt"), "inside");
    }

    @AfterEach
    void stop() { s.close(); }

    @Test
    void aFileInsideTheProjectIsServed() {
        TestServer.Reply r = s.get("/api/projects/" + project + "/files/hello.txt");
        assertEquals(200, r.status());
        assertEquals("inside", r.body());
    }

    @Test
    void encodedParentStepsCannotReadOutsideTheWorkspace() {
        for (String attempt : List.of("..%2F..%2Fsecret.txt", "%2E%2E/%2E%2E/secret.txt", "..%5C..%5Csecret.txt", "sub/..%2F..%2F..%2Fsecret.txt")) {
            TestServer.Reply r = s.get("/api/projects/" + project + "/files/" + attempt);
            assertRefused(r, attempt);
        }
    }

    @Test
    void rawParentStepsInTheRequestLineCannotReadOutsideTheWorkspace() throws IOException {
        for (String attempt : List.of("/api/projects/" + project + "/files/../../secret.txt",
                "/api/projects/" + project + "/files/..%2f..%2fsecret.txt",
                "/api/projects/../files/secret.txt")) {
            String reply = raw("GET " + attempt + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertFalse(reply.contains(SECRET), attempt + " leaked the file: " + reply);
            assertFalse(reply.startsWith("HTTP/1.1 200"), attempt + " answered 200");
        }
    }

    @Test
    void absolutePathsAreRefusedWithAClearMessage() {
        TestServer.Reply r = s.post("/api/projects/" + project + "/master/source", "{\"path\":\"" + outside.toString().replace("\\", "\\\\") + "\"}");
        assertEquals(403, r.status());
        assertTrue(r.json().path("error").asText().contains("absolute paths are not allowed"), r.body());
        TestServer.Reply r2 = s.post("/api/projects/" + project + "/master/source", "{\"path\":\"../../secret.txt\"}");
        assertEquals(403, r2.status());
        assertTrue(r2.json().path("error").asText().contains(".."), r2.body());
    }

    @Test
    void aSymlinkInsideAProjectCannotLeadOutside() throws IOException {
        Path link = workspace.resolve(project).resolve("escape.txt");
        Files.createSymbolicLink(link, outside);
        Path dirLink = workspace.resolve(project).resolve("up");
        Files.createSymbolicLink(dirLink, tmp);
        for (String attempt : List.of("escape.txt", "up/secret.txt")) {
            TestServer.Reply r = s.get("/api/projects/" + project + "/files/" + attempt);
            assertEquals(403, r.status(), attempt + ": " + r.body());
            assertFalse(r.body().contains(SECRET));
        }
    }

    @Test
    void aProjectIdCannotNameAFolderOutside() {
        for (String id : List.of("..", "%2E%2E", "..%2Fws", "UPPER", "a%2Fb")) {
            TestServer.Reply r = s.get("/api/projects/" + id);
            assertTrue(r.status() == 404 || r.status() == 400, id + " → " + r.status());
        }
    }

    @Test
    void anOversizedUploadIsRefusedAndLeavesNothingBehind() throws IOException {
        byte[] big = TestAudio.sineWav(440, 0.5, 3.0, 1); // ~530 KB > 256 KB limit
        TestServer.Reply r = s.upload("/api/projects/" + project + "/master/upload", List.of(new TestServer.Part("big.wav", big)));
        assertEquals(413, r.status(), r.body());
        assertTrue(r.json().path("error").asText().contains("larger than the limit"), r.body());
        assertEquals(0, audioFilesIn(workspace.resolve(project)));
        assertTrue(s.get("/api/projects/" + project).json().path("state").path("master").isMissingNode());
    }

    @Test
    void anOversizedUploadWithoutADeclaredLengthIsStoppedToo() throws IOException {
        String boundary = "----gwchunked";
        byte[] body = TestServer.multipart(boundary, List.of(new TestServer.Part("big.wav", TestAudio.sineWav(440, 0.5, 3.0, 4))));
        // a stream publisher has no length: the body goes chunked and only the multipart limit can stop it
        TestServer.Reply r = s.send(HttpRequest.newBuilder(URI.create(s.base() + "/api/projects/" + project + "/master/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
        assertEquals(413, r.status(), r.body());
        assertEquals(0, audioFilesIn(workspace.resolve(project)));
    }

    @Test
    void aNonAudioUploadIsRefusedWithAClearMessageBeforeAnyJob() throws IOException {
        byte[] text = "this is not a song, just text that claims to be one".repeat(20).getBytes(StandardCharsets.UTF_8);
        TestServer.Reply r = s.upload("/api/projects/" + project + "/master/upload", List.of(new TestServer.Part("song.wav", text)));
        assertEquals(415, r.status(), r.body());
        // the reason names the uploaded file, not the hidden temporary name it was probed under (".upload-….part.wav: ...")
        assertEquals("song.wav is not audio groundwork can read (not a supported audio file (groundwork reads WAV, AIFF, FLAC, MP3 and Ogg Vorbis))",
                r.json().path("error").asText(), r.body());
        assertEquals(0, audioFilesIn(workspace.resolve(project)));
        assertEquals(0, s.get("/api/jobs").json().size());
    }

    @Test
    void aZipCannotPlaceFilesOutsideTheFolderAndMustHoldAudio() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("../../evil.wav"));
            zip.write("not audio".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        TestServer.Reply r = s.upload("/api/projects/" + project + "/mix/upload", List.of(new TestServer.Part("stems.zip", bytes.toByteArray())));
        assertEquals(415, r.status(), r.body());
        assertFalse(Files.exists(tmp.resolve("evil.wav")));
        assertFalse(Files.exists(workspace.resolve("evil.wav")));
    }

    @Test
    void theServerSurvivesClientsThatDisconnectMidUpload() throws Exception {
        String boundary = "----gwhalf";
        byte[] body = TestServer.multipart(boundary, List.of(new TestServer.Part("half.wav", TestAudio.sineWav(220, 0.3, 1.0, 2))));
        for (int i = 0; i < 5; i++) {
            try (Socket sock = new Socket("127.0.0.1", s.server.port())) {
                OutputStream out = sock.getOutputStream();
                out.write(("POST /api/projects/" + project + "/master/upload HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, body.length / 2);
                out.flush();
            } // closed with half the body sent
        }
        Thread.sleep(200);
        TestServer.Reply r = s.get("/api/status");
        assertEquals(200, r.status());
        assertEquals(200, s.get("/api/projects/" + project).status());
        assertEquals(0, audioFilesIn(workspace.resolve(project)));
    }

    @Test
    void otherHostNamesAndOtherSitesAreRefusedOnLoopback() {
        TestServer.Reply r = s.send(HttpRequest.newBuilder(URI.create(s.base() + "/api/projects")).header("Origin", "http://evil.example")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}")));
        assertEquals(403, r.status());
        String reply;
        try {
            reply = raw("GET /api/projects HTTP/1.1\r\nHost: rebind.example:80\r\nConnection: close\r\n\r\n");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertTrue(reply.startsWith("HTTP/1.1 403"), reply);
    }

    @Test
    void audioIsServedWithRangeRequestsSoTheBrowserCanSeek() throws IOException {
        byte[] wav = TestAudio.sineWav(440, 0.5, 0.5, 3);
        Files.write(workspace.resolve(project).resolve("tone.wav"), wav);
        TestServer.Reply r = s.send(HttpRequest.newBuilder(URI.create(s.base() + "/api/projects/" + project + "/files/tone.wav"))
                .header("Range", "bytes=1000-1999"));
        assertEquals(206, r.status());
        assertEquals("bytes 1000-1999/" + wav.length, r.headers().firstValue("Content-Range").orElse(""));
        assertEquals(1000, r.headers().firstValueAsLong("Content-Length").orElse(-1));
        assertEquals("bytes", r.headers().firstValue("Accept-Ranges").orElse(""));
    }

    private String raw(String request) throws IOException {
        try (Socket sock = new Socket("127.0.0.1", s.server.port())) {
            sock.setSoTimeout(5000);
            sock.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            sock.getOutputStream().flush();
            InputStream in = sock.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertRefused(TestServer.Reply r, String attempt) {
        assertFalse(r.body().contains(SECRET), attempt + " leaked the file");
        assertTrue(r.status() == 400 || r.status() == 403 || r.status() == 404, attempt + " → " + r.status() + " " + r.body());
    }

    private static long audioFilesIn(Path dir) throws IOException {
        try (Stream<Path> w = Files.walk(dir)) {
            return w.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".json")
                    && !p.getFileName().toString().endsWith(".jsonl") && !p.getFileName().toString().equals("hello.txt")).count();
        }
    }
}
