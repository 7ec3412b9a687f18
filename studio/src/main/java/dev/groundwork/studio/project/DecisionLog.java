package dev.groundwork.studio.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groundwork.core.json.Json;
import dev.groundwork.studio.JsonLine;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A project's choices as JSON lines, append-only. The state is the replay of the log, so reopening a
 * project restores exactly what the producer left; undo appends a line and restores the value before.
 * Not thread-safe by itself: {@link Project} serialises access.
 */
final class DecisionLog {
    private final Path file;
    private final List<Decision> lines = new ArrayList<>();
    private final Deque<Decision> active = new ArrayDeque<>();
    private final ObjectNode state = JsonNodeFactory.instance.objectNode();

    DecisionLog(Path file) {
        this.file = file;
        if (Files.exists(file)) load();
    }

    private void load() {
        try {
            int lineNo = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lineNo++;
                if (line.isBlank()) continue;
                try {
                    apply(Json.MAPPER.readValue(line, Decision.class));
                } catch (IOException | IllegalArgumentException e) {
                    // A torn last line (power cut mid-write) must not lose the project: skip it, keep the rest.
                    System.err.println("groundwork studio: skipping unreadable line " + lineNo + " of " + file);
                }
            }
            endWithNewline();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read decision log " + file + ": " + e.getMessage(), e);
        }
    }

    /** After a torn write the next line must start on a line of its own, or it would be lost with the torn one. */
    private void endWithNewline() throws IOException {
        try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            if (size == 0) return;
            java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
            ch.read(last, size - 1);
            if (last.get(0) != '\n') ch.write(java.nio.ByteBuffer.wrap(new byte[]{'\n'}), size);
        }
    }

    private void apply(Decision d) {
        lines.add(d);
        if (d.isUndo()) {
            Decision top = active.peek();
            if (top != null && top.seq() == d.undoes()) {
                active.pop();
                ProjectState.set(state, top.path(), top.before());
            }
        } else {
            active.push(d);
            ProjectState.set(state, d.path(), d.after());
        }
    }

    Decision record(String page, String action, String summary, String path, JsonNode after) {
        ProjectState.split(path);
        JsonNode before = ProjectState.get(state, path);
        Decision d = new Decision(nextSeq(), Instant.now().toString(), page, action, summary, path,
                before == null ? null : before.deepCopy(), after, 0);
        append(d);
        return d;
    }

    Optional<Decision> undo() {
        Decision top = active.peek();
        if (top == null) return Optional.empty();
        Decision u = new Decision(nextSeq(), Instant.now().toString(), top.page(), Decision.UNDO,
                "undo: " + top.summary(), top.path(), top.after(), top.before(), top.seq());
        append(u);
        return Optional.of(u);
    }

    private long nextSeq() { return lines.isEmpty() ? 1 : lines.get(lines.size() - 1).seq() + 1; }

    private void append(Decision d) {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            w.write(JsonLine.of(d));
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write decision log " + file + ": " + e.getMessage(), e);
        }
        apply(d);
    }

    ObjectNode state() { return state.deepCopy(); }

    JsonNode get(String path) {
        JsonNode n = ProjectState.get(state, path);
        return n == null ? null : n.deepCopy();
    }

    List<Decision> lines() { return List.copyOf(lines); }

    /** Seqs of choices still in effect (not undone), oldest first. */
    List<Long> activeSeqs() {
        List<Long> seqs = new ArrayList<>();
        active.descendingIterator().forEachRemaining(d -> seqs.add(d.seq()));
        return seqs;
    }
}
