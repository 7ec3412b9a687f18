package dev.groundwork.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StudioCommandTest {
    @TempDir
    Path ws;

    private record Result(int status, String out, String err) { }

    private static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(status, out.toString(), err.toString());
    }

    @Test
    void badOptionsAreUsageErrorsWithOneLine() {
        Result r = run("studio", "--port", "70000", "--workspace", ws.toString());
        assertEquals(2, r.status());
        assertEquals("groundwork: --port must be 0..65535, not 70000", r.err().strip());
        Result m = run("studio", "--max-upload-mb", "0", "--workspace", ws.toString());
        assertEquals(2, m.status());
        assertTrue(m.err().contains("--max-upload-mb must be at least 1"), m.err());
        Result j = run("studio", "--jobs", "99", "--workspace", ws.toString());
        assertEquals(2, j.status());
    }

    @Test
    void aPortInUseIsAFailureThatSaysWhatToDo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Result r = run("studio", "--port", Integer.toString(taken.getLocalPort()), "--workspace", ws.toString());
            assertEquals(1, r.status());
            assertTrue(r.err().contains("port " + taken.getLocalPort() + " is in use; choose another with --port N"), r.err());
        }
    }
}
