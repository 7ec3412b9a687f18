package dev.groundwork.core.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A plan that cannot be read is reported in the user's terms, not Jackson's or the JVM's. */
class JsonReadTest {
    public record Plan(int formatVersion, double tempoBpm, List<String> parts) {
        public Plan {
            if (formatVersion != 1) throw new IllegalArgumentException("plan version " + formatVersion + " is not supported (expected 1)");
            parts = List.copyOf(parts); // a missing list fails here with a NullPointerException
        }
    }

    static String readError(Path dir, String json) throws Exception {
        Path p = Files.writeString(dir.resolve("plan.json"), json);
        return assertThrows(IllegalArgumentException.class, () -> Json.read(p, Plan.class)).getMessage();
    }

    /** Before: "not a valid Plan (Cannot construct instance of `dev.groundwork...Plan`, problem: ...)" and the NPE's text. */
    @Test
    void aPlanRefusedByItsOwnChecksSaysWhyInOneLineWithoutClassNames(@TempDir Path dir) throws Exception {
        assertEquals("plan.json: not a valid Plan (plan version 0 is not supported (expected 1))", readError(dir, "{}"));
        assertEquals("plan.json: not a valid Plan (a required field is missing: parts)",
                readError(dir, "{\"format_version\": 1, \"tempo_bpm\": 120}"));
        assertEquals("plan.json: not a valid Plan (expected an object, found an array)", readError(dir, "[1, 2]"));
        assertEquals("plan.json: not a valid Plan (tempo_bpm: expected a number, found \"fast\")",
                readError(dir, "{\"format_version\": 1, \"tempo_bpm\": \"fast\", \"parts\": []}"));
    }

    /** Before: "not a valid Plan (expected an object, found )", a sentence that stops where the answer should be. */
    @Test
    void anEmptyOrBlankFileIsSaidToBeEmpty(@TempDir Path dir) throws Exception {
        assertEquals("plan.json: not a valid Plan (the file is empty)", readError(dir, ""));
        assertEquals("plan.json: not a valid Plan (the file is empty)", readError(dir, " \n\t\n"));
    }
}
