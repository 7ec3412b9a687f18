package dev.groundwork.core.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Says why a JSON file is not the plan it should be, in the file's own terms (its keys, "a number", "an array"),
 * never Jackson's ("Cannot construct instance of `dev.groundwork...`") or a NullPointerException's text.
 */
final class ReadProblem {
    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE = new PropertyNamingStrategies.SnakeCaseStrategy();

    private ReadProblem() { }

    static String of(JacksonException e, Path file) {
        if (e instanceof ValueInstantiationException v) {
            Throwable cause = v.getCause();
            // the record's own checks say what is wrong in words meant for the user
            if (cause instanceof IllegalArgumentException && cause.getMessage() != null) return cause.getMessage();
            JsonNode at = nodeAt(file, v);
            List<String> missing = at == null ? List.of() : missingFields(v.getType(), at);
            String where = where(v);
            return "a required field is missing" + (missing.isEmpty() ? where.isEmpty() ? "" : " in " + where
                    : ": " + (where.isEmpty() ? "" : where + ".") + String.join(", ", missing));
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            JsonNode at = nodeAt(file, m);
            String where = where(m);
            // an empty (or blank) file reads as no value at all, which found() would print as nothing
            if (where.isEmpty() && at != null && at.isMissingNode()) return "the file is empty";
            return (where.isEmpty() ? "" : where + ": ") + "expected " + expected(m.getTargetType()) + (at == null ? "" : ", found " + found(at));
        }
        String m = e.getOriginalMessage();
        return m == null ? e.getClass().getSimpleName() : m.replaceAll("`(?:[\\w$]+\\.)+([\\w$]+)`", "$1").replace('\n', ' ');
    }

    private static String where(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            else if (r.getIndex() >= 0) sb.append('[').append(r.getIndex()).append(']');
        }
        return sb.toString();
    }

    /** The JSON node the failing value came from, or null if the file cannot be read as a tree. */
    private static JsonNode nodeAt(Path file, JsonMappingException e) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(file.toFile());
        } catch (java.io.IOException ex) {
            return null;
        }
        for (JsonMappingException.Reference r : e.getPath()) {
            if (node == null) return null;
            node = r.getFieldName() != null ? node.get(r.getFieldName()) : node.get(r.getIndex());
        }
        return node;
    }

    private static List<String> missingFields(JavaType type, JsonNode object) {
        List<String> missing = new ArrayList<>();
        if (type == null || !type.getRawClass().isRecord() || !object.isObject()) return missing;
        for (RecordComponent c : type.getRawClass().getRecordComponents()) {
            if (c.getType().isPrimitive()) continue;
            JsonNode v = object.get(SNAKE.translate(c.getName()));
            if (v == null || v.isNull()) missing.add(SNAKE.translate(c.getName()));
        }
        return missing;
    }

    private static String expected(Class<?> t) {
        if (t.isPrimitive() && t != boolean.class || Number.class.isAssignableFrom(t)) return "a number";
        if (t == boolean.class || t == Boolean.class) return "true or false";
        if (t == String.class || t.isEnum()) return "text";
        if (t.isArray() || java.util.Collection.class.isAssignableFrom(t)) return "a list";
        return "an object";
    }

    private static String found(JsonNode n) {
        if (n.isArray()) return "an array";
        if (n.isObject()) return "an object";
        if (n.isTextual()) return '"' + n.asText() + '"';
        if (n.isNull()) return "null";
        return n.toString();
    }
}
