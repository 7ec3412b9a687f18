package dev.groundwork.mix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groundwork.core.json.Json;
import dev.groundwork.core.progress.ProgressListener;
import dev.groundwork.mix.plan.MixPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A mix plan names the crest factor and EQ frequencies as the rest of groundwork's JSON does (crest_factor_db,
 * frequency_hz); plans written with the earlier names (crest_db, freq_hz), which producers may have edited, still load.
 */
class PlanJsonNamesTest {
    @Test
    void planWritesTheSharedNamesAndReadsTheEarlierOnes(@TempDir Path dir) throws Exception {
        MixPlan plan = AutoMix.propose(AutoMix.analyze(SyntheticStems.band(4), ProgressListener.NONE), MixSettings.defaults());
        String written = Json.write(plan);
        assertTrue(written.contains("\"crest_factor_db\""), "crest factor named as in analyze");
        assertTrue(written.contains("\"frequency_hz\""), "EQ frequency named as in master's plans");
        assertFalse(written.contains("\"crest_db\"") || written.contains("\"freq_hz\""), "the earlier names are no longer written");

        // an older plan: the same values under the earlier names
        ObjectNode old = (ObjectNode) Json.MAPPER.readTree(written);
        int renamed = 0;
        for (JsonNode stem : old.get("stems")) {
            ObjectNode measured = (ObjectNode) stem.get("measured");
            measured.set("crest_db", measured.remove("crest_factor_db"));
            renamed++;
            for (JsonNode band : stem.get("eq")) {
                ObjectNode b = (ObjectNode) band;
                b.set("freq_hz", b.remove("frequency_hz"));
                renamed++;
            }
        }
        assertTrue(renamed > plan.stems().size(), "the plan has EQ bands to rename");
        Path file = dir.resolve("old.json");
        Files.writeString(file, Json.MAPPER.writeValueAsString(old));
        assertEquals(written, Json.write(Json.read(file, MixPlan.class)), "an older plan reads back to the same plan");
    }
}
