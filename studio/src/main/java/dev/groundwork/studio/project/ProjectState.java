package dev.groundwork.studio.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The state of a project as a JSON tree, addressed by JSON pointers such as {@code /master/target}. */
final class ProjectState {
    private ProjectState() { }

    static JsonNode get(ObjectNode root, String pointer) {
        JsonNode n = root.at(pointer);
        return n.isMissingNode() ? null : n;
    }

    /** Sets (or with {@code null} removes) the value at {@code pointer}, creating objects on the way. */
    static void set(ObjectNode root, String pointer, JsonNode value) {
        String[] parts = split(pointer);
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (!(child instanceof ObjectNode)) {
                if (value == null) return;
                child = JsonNodeFactory.instance.objectNode();
                node.set(parts[i], child);
            }
            node = (ObjectNode) child;
        }
        String last = parts[parts.length - 1];
        if (value == null || value.isNull()) node.remove(last); else node.set(last, value.deepCopy());
    }

    static String[] split(String pointer) {
        if (pointer == null || !pointer.startsWith("/") || pointer.length() < 2) {
            throw new IllegalArgumentException("a state path looks like /page/name, not " + pointer);
        }
        String[] parts = pointer.substring(1).split("/");
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].matches("[a-z0-9_]{1,40}")) throw new IllegalArgumentException("bad state path segment: " + parts[i]);
        }
        return parts;
    }
}
