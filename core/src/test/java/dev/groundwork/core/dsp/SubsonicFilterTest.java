package dev.groundwork.core.dsp;

import dev.groundwork.core.audio.AudioBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class SubsonicFilterTest {
    static double rms(float[] x, int from) {
        double s = 0;
        for (int i = from; i < x.length; i++) s += x[i] * x[i];
        return Math.sqrt(s / (x.length - from));
    }

    static double gainAt(double f, SubsonicFilter.Settings s) {
        double fs = 48000;
        int n = 96000;
        AudioBuffer b = AudioBuffer.allocate(1, n, fs);
        for (int i = 0; i < n; i++) b.channel(0)[i] = (float) (0.3 + 0.5 * Math.sin(2 * Math.PI * f * i / fs));
        SubsonicFilter hp = new SubsonicFilter(s);
        hp.prepare(new ProcessSpec(fs, n, 1));
        hp.process(b, b);
        return 20 * Math.log10(rms(b.channel(0), 48000) / (0.5 / Math.sqrt(2)));
    }

    @Test
    void removesDcAndRumbleAndKeepsTheMusic() {
        SubsonicFilter.Settings s = new SubsonicFilter.Settings(20, 4);
        assertEquals(-3.0, gainAt(20, s), 0.2);
        assertTrue(gainAt(5, s) < -40, "5 Hz rumble");
        assertEquals(0.0, gainAt(100, s), 0.05);
        assertEquals(0.0, gainAt(1000, s), 0.01);
    }
}
