package dev.groundwork.studio.project;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.groundwork.studio.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecisionLogTest {
    @TempDir
    Path ws;

    @Test
    void undoRestoresTheValueBeforeTheLastChoiceAndIsLoggedToo() {
        Project p = new ProjectStore(new Workspace(ws)).create("Song");
        p.decide("master", "choose_target", "target spotify", "/master/target", TextNode.valueOf("spotify"));
        p.decide("master", "choose_target", "target club", "/master/target", TextNode.valueOf("club"));
        p.decide("mix", "edit", "fader", "/mix/fader", IntNode.valueOf(-3));
        p.undo();
        assertNull(p.get("/mix/fader"));
        assertEquals("club", p.get("/master/target").asText());
        p.undo();
        assertEquals("spotify", p.get("/master/target").asText());
        assertEquals(5, p.decisions().size());
        assertEquals("undo: target club", p.decisions().get(4).summary());
        assertEquals(java.util.List.of(1L), p.activeDecisions());
    }

    @Test
    void reopeningAProjectRestoresItsStateFromTheLog() {
        Workspace w = new Workspace(ws);
        Project p = new ProjectStore(w).create("Reopen me");
        p.decide("beat", "lock", "locked drums", "/beat/locked", TextNode.valueOf("drums"));
        p.decide("master", "choose", "chose B", "/master/chosen", TextNode.valueOf("B"));
        p.decide("master", "choose", "chose C", "/master/chosen", TextNode.valueOf("C"));
        p.undo();
        Project again = new ProjectStore(w).open(p.id());
        assertEquals(p.state(), again.state());
        assertEquals("B", again.get("/master/chosen").asText());
        again.undo();
        assertNull(again.get("/master/chosen"));
        assertEquals("drums", again.get("/beat/locked").asText());
    }

    @Test
    void aTornLastLineDoesNotLoseTheProject() throws IOException {
        Workspace w = new Workspace(ws);
        Project p = new ProjectStore(w).create("Power cut");
        p.decide("mix", "edit", "pan", "/mix/pan", IntNode.valueOf(1));
        Files.writeString(p.folder().resolve(Project.LOG_FILE), "{\"seq\":2,\"page\":\"mix\",\"act", StandardOpenOption.APPEND);
        Project again = new ProjectStore(w).open(p.id());
        assertEquals(1, again.get("/mix/pan").asInt());
        again.decide("mix", "edit", "pan", "/mix/pan", IntNode.valueOf(2));
        assertEquals(2, new ProjectStore(w).open(p.id()).get("/mix/pan").asInt());
    }

    @Test
    void nothingToUndoIsEmpty() {
        Project p = new ProjectStore(new Workspace(ws)).create("Empty");
        assertTrue(p.undo().isEmpty());
    }

    @Test
    void projectNamesBecomeSafeDistinctFolders() {
        ProjectStore store = new ProjectStore(new Workspace(ws));
        assertEquals("my-song", store.create("My Song!").id());
        assertEquals("my-song-2", store.create("my song").id());
        assertEquals("project", store.create("../..").id());
        assertEquals(3, store.list().size());
    }
}
