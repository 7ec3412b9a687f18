package dev.groundwork.master.render;

import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.dsp.ProcessSpec;
import dev.groundwork.master.plan.EqBand;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class MidSideEqualizerTest {
    static final double FS = 48000;

    static AudioBuffer noise(int n, long seed) {
        Random r = new Random(seed);
        AudioBuffer b = AudioBuffer.allocate(2, n, FS);
        for (int i = 0; i < n; i++) {
            double common = r.nextGaussian() * 0.2, diff = r.nextGaussian() * 0.05;
            b.channel(0)[i] = (float) (common + diff);
            b.channel(1)[i] = (float) (common - diff);
        }
        return b;
    }

    static AudioBuffer run(MidSideEqualizer eq, AudioBuffer in, int block) {
        eq.prepare(new ProcessSpec(FS, block, 2));
        AudioBuffer out = AudioBuffer.allocate(2, in.frames(), FS), buf = AudioBuffer.allocate(2, block, FS);
        for (int p = 0; p < in.frames(); p += block) {
            int m = Math.min(block, in.frames() - p);
            for (int c = 0; c < 2; c++) System.arraycopy(in.channel(c), p, buf.channel(c), 0, m);
            buf.setFrames(m);
            eq.process(buf, buf);
            for (int c = 0; c < 2; c++) System.arraycopy(buf.channel(c), 0, out.channel(c), p, m);
        }
        return out;
    }

    @Test
    void aMidBoostLeavesTheSideUntouched() {
        AudioBuffer in = noise(48000, 1);
        AudioBuffer out = run(new MidSideEqualizer(List.of(new EqBand("peak", 1000, 1, 6)), List.of()), in, 4096);
        double sideIn = 0, sideOut = 0, midIn = 0, midOut = 0;
        for (int i = 0; i < in.frames(); i++) {
            double si = in.channel(0)[i] - in.channel(1)[i], so = out.channel(0)[i] - out.channel(1)[i];
            double mi = in.channel(0)[i] + in.channel(1)[i], mo = out.channel(0)[i] + out.channel(1)[i];
            sideIn += si * si;
            sideOut += so * so;
            midIn += mi * mi;
            midOut += mo * mo;
        }
        assertEquals(1.0, sideOut / sideIn, 1e-5, "side energy");
        assertTrue(midOut / midIn > 1.02, "mid got louder: " + midOut / midIn);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 64, 4096})
    void outputDoesNotDependOnBlockSize(int block) {
        List<EqBand> mid = List.of(new EqBand("low_shelf", 60, 0.7, 2), new EqBand("peak", 2000, 1, -1.5), new EqBand("high_shelf", 10000, 0.7, 1));
        List<EqBand> side = List.of(new EqBand("high_shelf", 5000, 0.7, 1.5));
        AudioBuffer in = noise(10000, 2);
        AudioBuffer ref = run(new MidSideEqualizer(mid, side), in, 333), out = run(new MidSideEqualizer(mid, side), in, block);
        for (int c = 0; c < 2; c++) assertArrayEquals(ref.channel(c), out.channel(c));
    }
}
