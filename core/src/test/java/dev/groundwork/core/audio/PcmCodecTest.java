package dev.groundwork.core.audio;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PcmCodecTest {
    /** The 16- and 24-bit fast paths write exactly what the general quantizer gives, dithered or not, clipping included. */
    @Test
    void sixteenBitEncodingIsTheGeneralQuantizerSampleForSample() {
        fastPathIsTheGeneralQuantizer(16);
    }

    @Test
    void twentyFourBitEncodingIsTheGeneralQuantizerSampleForSample() {
        fastPathIsTheGeneralQuantizer(24);
    }

    private static void fastPathIsTheGeneralQuantizer(int bits) {
        Random r = new Random(5);
        int frames = 5_000;
        float[][] x = new float[2][frames];
        for (float[] ch : x) for (int i = 0; i < frames; i++) ch[i] = (float) (r.nextGaussian() * 0.6); // some beyond ±1
        x[0][7] = 1f;
        x[1][8] = -1f;
        PcmCodec codec = PcmCodec.signed(bits, false);
        int bytes = bits / 8;
        for (boolean dithered : new boolean[]{false, true}) {
            byte[] out = new byte[frames * 2 * bytes];
            codec.encode(x, 0, frames, out, 0, dithered ? new TpdfDither(9) : null, (f, c, v) -> { throw new AssertionError(); });
            TpdfDither reference = dithered ? new TpdfDither(9) : null;
            for (int f = 0, p = 0; f < frames; f++) {
                for (int c = 0; c < 2; c++, p += bytes) {
                    int expected = PcmCodec.quantize(x[c][f], bits, reference);
                    int got = bytes == 2 ? (short) ((out[p] & 0xff) | (out[p + 1] << 8))
                            : (out[p] & 0xff) | ((out[p + 1] & 0xff) << 8) | (out[p + 2] << 16);
                    assertEquals(expected, got, bits + "-bit frame " + f + " channel " + c);
                }
            }
        }
    }
}
