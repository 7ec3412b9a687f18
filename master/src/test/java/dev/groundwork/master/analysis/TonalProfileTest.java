package dev.groundwork.master.analysis;

import dev.groundwork.core.json.Json;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

class TonalProfileTest {
    @Test
    void theStreamingReadGivesWhatTheJsonMapperReads() throws IOException {
        TonalProfile mapped;
        try (InputStream in = TonalProfile.class.getResourceAsStream(TonalProfile.NEUTRAL_TARGET)) {
            mapped = Json.MAPPER.readValue(in, TonalProfile.class);
        }
        TonalProfile t = TonalProfile.neutralTarget();
        assertEquals(29, t.bandHz().length);
        assertArrayEquals(mapped.bandHz(), t.bandHz());
        assertArrayEquals(mapped.midDb(), t.midDb());
        assertArrayEquals(mapped.sideMinusMidDb(), t.sideMinusMidDb());
        assertArrayEquals(mapped.midSpreadDb(), t.midSpreadDb());
        // and a profile the mapper writes (no spread) reads back the same
        TonalProfile measured = new TonalProfile(new double[]{100, 200}, new double[]{1.5, -2}, new double[]{-6, -7.25});
        TonalProfile back = TonalProfile.read(new ByteArrayInputStream(Json.write(measured).getBytes(StandardCharsets.UTF_8)));
        assertArrayEquals(measured.midDb(), back.midDb());
        assertArrayEquals(measured.sideMinusMidDb(), back.sideMinusMidDb());
        assertNull(back.midSpreadDb());
    }

    @Test
    void aProfileWithoutItsBandsIsRefused() {
        IOException e = assertThrows(IOException.class, () -> TonalProfile.read(new ByteArrayInputStream("{\"mid_db\": [1, 2]}".getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().contains("band_hz"), e.getMessage());
    }
}
