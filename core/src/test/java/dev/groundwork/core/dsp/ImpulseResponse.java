package dev.groundwork.core.dsp;

import dev.groundwork.core.audio.AudioBuffer;

/** Test fixture: a processor's response to a unit impulse on both channels, fed in blocks through separate in and out buffers. */
final class ImpulseResponse {
    private ImpulseResponse() { }

    static float[][] stereo(Processor p, double fs, int frames, int block) {
        p.prepare(new ProcessSpec(fs, block, 2));
        float[][] out = new float[2][frames];
        AudioBuffer in = AudioBuffer.allocate(2, block, fs), o = AudioBuffer.allocate(2, block, fs);
        for (int start = 0; start < frames; start += block) {
            int n = Math.min(block, frames - start);
            in.setFrames(n); o.setFrames(n);
            in.clear();
            if (start == 0) { in.channel(0)[0] = 1; in.channel(1)[0] = 1; }
            p.process(in, o);
            for (int c = 0; c < 2; c++) System.arraycopy(o.channel(c), 0, out[c], start, n);
        }
        return out;
    }
}
