package dev.groundwork.studio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every open tab holds an event stream; a choice made in one tab reaches all of them. */
class EventStreamTest {
    @TempDir
    Path ws;

    @Test
    void aChoiceInOneTabIsPushedToEveryOtherTab() throws Exception {
        try (TestServer s = TestServer.in(ws)) {
            String p = s.createProject("Tabs");
            List<BlockingQueue<String>> tabs = new ArrayList<>();
            List<java.net.Socket> streams = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                BlockingQueue<String> lines = new LinkedBlockingQueue<>();
                // a raw socket, as a browser's EventSource reads it (the body ends only when the tab closes)
                java.net.Socket sock = new java.net.Socket("127.0.0.1", s.server.port());
                sock.getOutputStream().write(("GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                streams.add(sock);
                InputStream in = sock.getInputStream();
                Thread reader = new Thread(() -> {
                    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = r.readLine()) != null) lines.add(line);
                    } catch (Exception ignored) {
                        // stream closed at the end of the test
                    }
                });
                reader.setDaemon(true);
                reader.start();
                tabs.add(lines);
            }
            for (BlockingQueue<String> tab : tabs) assertEquals("event: hello", await(tab, "event: hello"));
            Thread.sleep(100);
            assertEquals(200, s.post("/api/projects/" + p + "/decisions",
                    "{\"page\":\"master\",\"action\":\"choose_target\",\"summary\":\"target club\",\"path\":\"/master/target\",\"value\":\"club\"}").status());
            for (BlockingQueue<String> tab : tabs) {
                assertNotNull(await(tab, "event: project"));
                String data = await(tab, "data:");
                assertTrue(data.contains("\"id\":\"" + p + "\""), data);
            }
            for (java.net.Socket sock : streams) sock.close();
        }
    }

    private static String await(BlockingQueue<String> lines, String prefix) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < end) {
            String l = lines.poll(100, TimeUnit.MILLISECONDS);
            if (l != null && l.startsWith(prefix)) return l;
            if (l != null) seen.add(l);
        }
        throw new AssertionError("no line starting with " + prefix + " in " + seen);
    }
}
