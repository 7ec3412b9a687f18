package dev.groundwork.core.audio;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Decoding reads every sample of every channel at its place, for both byte orders, against the sample assembled byte by byte. */
class PcmDecodeTest {
    @ParameterizedTest(name = "{0} {1}-byte, big-endian {2}")
    @CsvSource({"SIGNED_INT, 2, false", "SIGNED_INT, 2, true", "SIGNED_INT, 4, false", "SIGNED_INT, 4, true", "FLOAT, 4, false", "FLOAT, 4, true"})
    void decodesEachSampleOfEachChannel(PcmCodec.Kind kind, int bytes, boolean bigEndian) {
        int channels = 3, frames = 1000;
        byte[] src = new byte[7 + frames * channels * bytes];
        Random r = new Random(bytes * 2 + (bigEndian ? 1 : 0));
        r.nextBytes(src);
        if (kind == PcmCodec.Kind.FLOAT) {
            // finite floats only: exponents kept below the all-ones pattern
            for (int p = 7; p < src.length; p += 4) src[p + (bigEndian ? 0 : 3)] &= 0x3f;
        }
        float[][] dst = new float[channels][frames + 5];
        new PcmCodec(kind, bytes, bigEndian).decode(src, 7, frames, dst, 5, (f, c, v) -> { throw new AssertionError("frame " + f); });
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++) {
                int p = 7 + (f * channels + c) * bytes;
                long v = 0;
                for (int b = 0; b < bytes; b++) v = (v << 8) | (src[bigEndian ? p + b : p + bytes - 1 - b] & 0xff);
                float expected = kind == PcmCodec.Kind.FLOAT ? Float.intBitsToFloat((int) v)
                        : bytes == 2 ? (short) v / 32768f : (float) ((int) v / 2147483648.0);
                assertEquals(expected, dst[c][5 + f], 0f, "frame " + f + " channel " + c);
            }
        }
    }
}
