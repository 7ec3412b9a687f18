package dev.groundwork.core.audio;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PcmCodecTest {
    /** The 16-bit fast path writes exactly what the general quantizer gives, dithered or not, clipping included. */
    @Test
    void sixteenBitEncodingIsTheGeneralQuantizerSampleForSample() {
        Random r = new Random(5);
        int frames = 5_000;
        float[][] x = new float[2][frames];
        for (float[] ch : x) for (int i = 0; i < frames; i++) ch[i] = (float) (r.nextGaussian() * 0.6); // some beyond ±1
        x[0][7] = 1f;
        x[1][8] = -1f;
        PcmCodec codec = PcmCodec.signed(16, false);
        for (boolean dithered : new boolean[]{false, true}) {
            byte[] out = new byte[frames * 4];
            codec.encode(x, 0, frames, out, 0, dithered ? new TpdfDither(9) : null, (f, c, v) -> { throw new AssertionError(); });
            TpdfDither reference = dithered ? new TpdfDither(9) : null;
            for (int f = 0, p = 0; f < frames; f++) {
                for (int c = 0; c < 2; c++, p += 2) {
                    int expected = PcmCodec.quantize(x[c][f], 16, reference);
                    assertEquals(expected, (short) ((out[p] & 0xff) | (out[p + 1] << 8)), "frame " + f + " channel " + c);
                }
            }
        }
    }
}
