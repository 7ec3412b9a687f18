package dev.groundwork.studio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groundwork.core.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/** A studio on a free loopback port over a temporary workspace, with a small HTTP client. */
public final class TestServer implements AutoCloseable {
    public final StudioServer server;
    public final HttpClient http = HttpClient.newHttpClient();

    public TestServer(StudioSettings settings) {
        this.server = new StudioServer(settings).start();
    }

    public static TestServer in(Path workspace) {
        return new TestServer(StudioSettings.defaults(workspace).withPort(0));
    }

    public String base() { return "http://127.0.0.1:" + server.port(); }

    public record Reply(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    public Reply send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply get(String path) { return send(HttpRequest.newBuilder(URI.create(base() + path))); }

    public Reply post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Posts a request the API must refuse: a 400 whose body carries {@code message}. */
    public void assertRefused(String path, String json, String message) {
        Reply r = post(path, json);
        org.junit.jupiter.api.Assertions.assertEquals(400, r.status(), r.body());
        org.junit.jupiter.api.Assertions.assertTrue(r.body().contains(message), r.body());
    }

    public String createProject(String name) {
        Reply r = post("/api/projects", "{\"name\":\"" + name + "\"}");
        if (r.status() != 201) throw new IllegalStateException("create failed: " + r.body());
        return r.json().path("id").asText();
    }

    public record Part(String filename, byte[] content) { }

    public Reply upload(String path, List<Part> parts) {
        String boundary = "----gw" + UUID.randomUUID().toString().replace("-", "");
        return send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, parts))));
    }

    public static byte[] multipart(String boundary, List<Part> parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Part p : parts) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + p.filename()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(p.content());
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Waits for a job to finish (failing the test if it fails) and returns its final view. */
    public JsonNode awaitJob(Reply submitted) {
        if (submitted.status() != 202) throw new AssertionError("job not accepted: " + submitted.status() + " " + submitted.body());
        String id = submitted.json().path("id").asText();
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode j = get("/api/jobs/" + id).json();
            String st = j.path("status").asText();
            if (st.equals("DONE")) return j;
            if (st.equals("FAILED")) throw new AssertionError("job " + j.path("label").asText() + " failed: " + j.path("error").asText());
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("job " + id + " did not finish in 3 minutes");
    }

    @Override
    public void close() { server.close(); }
}
