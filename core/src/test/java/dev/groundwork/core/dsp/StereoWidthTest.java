package dev.groundwork.core.dsp;

import dev.groundwork.core.audio.AudioBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class StereoWidthTest {
    static final double FS = 44100;

    static AudioBuffer stereo(double fl, double fr, int n) {
        AudioBuffer b = AudioBuffer.allocate(2, n, FS);
        for (int i = 0; i < n; i++) {
            b.channel(0)[i] = (float) (0.5 * Math.sin(2 * Math.PI * fl * i / FS));
            b.channel(1)[i] = (float) (0.5 * Math.sin(2 * Math.PI * fr * i / FS + 1));
        }
        return b;
    }

    static double sideRms(AudioBuffer b, int from) {
        double s = 0;
        for (int i = from; i < b.frames(); i++) {
            double d = 0.5 * (b.channel(0)[i] - b.channel(1)[i]);
            s += d * d;
        }
        return Math.sqrt(s / (b.frames() - from));
    }

    @Test
    void widthScalesTheSideAndKeepsTheMid() {
        AudioBuffer in = stereo(440, 660, 44100), out = in.copy();
        StereoWidth w = new StereoWidth(new StereoWidth.Settings(0.5, 0));
        w.prepare(new ProcessSpec(FS, 44100, 2));
        w.process(out, out);
        assertEquals(0.5, sideRms(out, 0) / sideRms(in, 0), 1e-5);
        for (int i = 0; i < 1000; i++) {
            assertEquals(in.channel(0)[i] + in.channel(1)[i], out.channel(0)[i] + out.channel(1)[i], 1e-6);
        }
    }

    @Test
    void monoBassRemovesTheSideBelowTheCrossoverOnly() {
        StereoWidth w = new StereoWidth(new StereoWidth.Settings(1.0, 120));
        w.prepare(new ProcessSpec(FS, 44100, 2));
        AudioBuffer low = stereo(40, 40, 44100), lowOut = low.copy();
        w.process(lowOut, lowOut);
        assertTrue(sideRms(lowOut, 10000) / sideRms(low, 10000) < 0.1, "side at 40 Hz should be mostly gone");
        w.reset();
        AudioBuffer high = stereo(2000, 2000, 44100), highOut = high.copy();
        w.process(highOut, highOut);
        assertEquals(1.0, sideRms(highOut, 10000) / sideRms(high, 10000), 0.02);
    }

    @Test
    void neutralSettingsPassAudioUnchanged() {
        AudioBuffer in = stereo(300, 500, 4096), out = AudioBuffer.allocate(2, 4096, FS);
        StereoWidth w = new StereoWidth(StereoWidth.Settings.NEUTRAL);
        w.prepare(new ProcessSpec(FS, 4096, 2));
        w.process(in, out);
        assertArrayEquals(in.channel(0), out.channel(0));
        assertArrayEquals(in.channel(1), out.channel(1));
    }
}
