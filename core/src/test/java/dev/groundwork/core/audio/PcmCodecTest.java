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
        PcmCodec codec = PcmCodec.signed(bits, false);
        int bytes = bits / 8;
        for (int channels = 1; channels <= 3; channels++) {
            float[][] x = new float[channels][frames];
            for (float[] ch : x) for (int i = 0; i < frames; i++) ch[i] = (float) (r.nextGaussian() * 0.6); // some beyond ±1
            x[0][7] = 1f;
            x[channels - 1][8] = -1f;
            for (boolean dithered : new boolean[]{false, true}) {
                // encoded from byte 5 on, from frame 3 of the source, between guard bytes that must stay as they are
                int to = 5, offset = 3, n = frames - offset;
                byte[] out = new byte[to + n * channels * bytes + 4];
                java.util.Arrays.fill(out, (byte) 0x5A);
                codec.encode(x, offset, n, out, to, dithered ? new TpdfDither(9) : null, (f, c, v) -> { throw new AssertionError(); });
                TpdfDither reference = dithered ? new TpdfDither(9) : null;
                int p = to;
                for (int f = offset; f < frames; f++) {
                    for (int c = 0; c < channels; c++, p += bytes) {
                        int expected = PcmCodec.quantize(x[c][f], bits, reference);
                        int got = bytes == 2 ? (short) ((out[p] & 0xff) | (out[p + 1] << 8))
                                : (out[p] & 0xff) | ((out[p + 1] & 0xff) << 8) | (out[p + 2] << 16);
                        assertEquals(expected, got, bits + "-bit, " + channels + " channels, frame " + f + " channel " + c);
                    }
                }
                for (int i = 0; i < to; i++) assertEquals(0x5A, out[i], "byte " + i + " before the range");
                for (int i = p; i < out.length; i++) assertEquals(0x5A, out[i], "byte " + i + " past the range");
            }
        }
    }

    @Test
    void aNonFiniteSampleIsReportedWhereItIs() {
        for (int channels = 1; channels <= 3; channels++) {
            float[][] x = new float[channels][100];
            x[channels - 1][41] = Float.NaN;
            x[0][97] = Float.POSITIVE_INFINITY;
            java.util.List<String> found = new java.util.ArrayList<>();
            PcmCodec.signed(24, false).encode(x, 0, 100, new byte[100 * channels * 3], 0, null, (f, c, v) -> found.add(f + ":" + c));
            assertEquals(java.util.List.of("41:" + (channels - 1), "97:0"), found, channels + " channels");
        }
    }
}
