package dev.groundwork.studio.workspace;

import dev.groundwork.studio.ApiError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WorkspaceTest {
    @TempDir
    Path tmp;

    @Test
    void relativePathsInsideResolve() throws IOException {
        Workspace w = new Workspace(tmp.resolve("ws"));
        Files.createDirectories(w.root().resolve("p/master"));
        assertEquals(w.root().resolve("p/master/x.wav"), w.resolve("p/master/x.wav"));
        assertEquals(w.root().resolve("p/new/deeper/y.wav"), w.resolve("p/new/deeper/y.wav"));
    }

    @Test
    void parentStepsAbsolutePathsAndSymlinkEscapesAreRefused() throws IOException {
        Workspace w = new Workspace(tmp.resolve("ws"));
        Files.createDirectories(w.root().resolve("p"));
        Files.createSymbolicLink(w.root().resolve("p/out"), tmp);
        Files.createSymbolicLink(w.root().resolve("p/dangling"), tmp.resolve("nowhere"));
        for (String bad : new String[]{"../x", "p/../../x", "/etc/passwd", "C:\\Windows\\win.ini", "\\\\server\\share", "~/x",
                "p/out/secret", "p/out", "p/dangling", "p/dangling/x", "a\0b", ""}) {
            ApiError e = assertThrows(ApiError.class, () -> w.resolve(bad), bad);
            assertEquals(bad.isEmpty() || bad.contains("\0") ? 400 : 403, e.status(), bad + ": " + e.getMessage());
        }
    }

    @Test
    void uploadNamesAreReducedToSafeBaseNames() {
        assertEquals("evil.wav", Workspace.safeName("../../evil.wav", "x"));
        assertEquals("kick (1).wav", Workspace.safeName("C:\\stems\\kick (1).wav", "x"));
        assertEquals("bashrc", Workspace.safeName(".bashrc", "x"));
        assertEquals("rf.wav", Workspace.safeName("-rf.wav", "x"));
        assertEquals("x", Workspace.safeName("...", "x"));
        assertEquals("voix_.wav", Workspace.safeName("voixé.wav", "x"));
    }
}
