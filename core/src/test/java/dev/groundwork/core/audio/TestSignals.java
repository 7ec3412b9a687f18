package dev.groundwork.core.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Synthesised test audio and hand-built file headers with known contents. */
final class TestSignals {
    private TestSignals() { }

    /** A sine per channel (different frequency per channel) at the given peak, plus seeded noise if noise > 0. */
    static AudioBuffer sines(int channels, int frames, double rate, double peak, double noise, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        AudioBuffer b = AudioBuffer.allocate(channels, frames, rate);
        for (int c = 0; c < channels; c++) {
            double f = 220.0 * (c + 1) + 17.0;
            for (int i = 0; i < frames; i++) {
                b.channel(c)[i] = (float) (peak * Math.sin(2 * Math.PI * f * i / rate + c) + noise * (rnd.nextDouble() * 2 - 1));
            }
        }
        return b;
    }

    /** A RIFF WAVE file: a 'fmt ' chunk built from the fields, then a data chunk claiming {@code claimedData} bytes. */
    static byte[] wav(int tag, int channels, int rate, int bits, int blockAlign, byte[] data, long claimedData) {
        ByteBuffer fmt = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        fmt.putShort((short) tag).putShort((short) channels).putInt(rate).putInt(rate * blockAlign)
                .putShort((short) blockAlign).putShort((short) bits);
        return riff("RIFF", chunk("fmt ", fmt.array()), dataChunk(data, claimedData));
    }

    static byte[] wavExtensible(int subTag, int channels, int rate, int bits, int validBits, byte[] data) {
        int blockAlign = channels * bits / 8;
        ByteBuffer fmt = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        fmt.putShort((short) 0xFFFE).putShort((short) channels).putInt(rate).putInt(rate * blockAlign)
                .putShort((short) blockAlign).putShort((short) bits).putShort((short) 22).putShort((short) validBits)
                .putInt(0).putShort((short) subTag)
                .put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        return riff("RIFF", chunk("fmt ", fmt.array()), dataChunk(data, data.length));
    }

    static byte[] rf64(int channels, int rate, int bits, byte[] data) {
        int blockAlign = channels * bits / 8;
        ByteBuffer ds64 = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
        ds64.putLong(0).putLong(data.length).putLong(data.length / blockAlign).putInt(0);
        ByteBuffer fmt = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        fmt.putShort((short) 1).putShort((short) channels).putInt(rate).putInt(rate * blockAlign)
                .putShort((short) blockAlign).putShort((short) bits);
        return riff("RF64", chunk("ds64", ds64.array()), chunk("fmt ", fmt.array()), dataChunk(data, 0xFFFFFFFFL));
    }

    static byte[] riff(String magic, byte[]... chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int size = 4;
        for (byte[] c : chunks) size += c.length;
        out.writeBytes(magic.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le32(magic.equals("RIFF") ? size : -1));
        out.writeBytes("WAVE".getBytes(StandardCharsets.US_ASCII));
        for (byte[] c : chunks) out.writeBytes(c);
        return out.toByteArray();
    }

    static byte[] chunk(String id, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le32(body.length));
        out.writeBytes(body);
        if ((body.length & 1) == 1) out.write(0);
        return out.toByteArray();
    }

    static byte[] dataChunk(byte[] data, long claimed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("data".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le32((int) claimed));
        out.writeBytes(data);
        return out.toByteArray();
    }

    static byte[] le32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    static byte[] le(ByteOrder order, int bytesPerValue, long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * bytesPerValue).order(order);
        for (long v : values) {
            switch (bytesPerValue) {
                case 1 -> b.put((byte) v);
                case 2 -> b.putShort((short) v);
                case 3 -> {
                    if (order == ByteOrder.LITTLE_ENDIAN) b.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
                    else b.put((byte) (v >> 16)).put((byte) (v >> 8)).put((byte) v);
                }
                case 4 -> b.putInt((int) v);
                default -> b.putLong(v);
            }
        }
        return b.array();
    }

    /**
     * The fixtures' signal (see make-fixtures.sh): silence until {@code start}, then 0.5·sin(2πf(n−start)/rate).
     * Returns the largest deviation of {@code x} from it.
     */
    static double maxDeviationFromDelayedSine(float[] x, int start, double freq, double rate) {
        double max = 0;
        for (int n = 0; n < x.length; n++) {
            double want = n < start ? 0 : 0.5 * Math.sin(2 * Math.PI * freq * (n - start) / rate);
            max = Math.max(max, Math.abs(x[n] - want));
        }
        return max;
    }

    /** The lag (in samples, within ±maxLag) at which {@code x} best matches the delayed sine of the fixtures. */
    static int bestLag(float[] x, int start, double freq, double rate, int maxLag) {
        // The expected signal at every index x could be compared with, computed once (index m + maxLag).
        double[] want = new double[x.length + 2 * maxLag];
        for (int i = 0; i < want.length; i++) {
            int m = i - maxLag;
            want[i] = m < start ? 0 : 0.5 * Math.sin(2 * Math.PI * freq * (m - start) / rate);
        }
        int best = 0;
        double bestErr = Double.MAX_VALUE;
        for (int lag = -maxLag; lag <= maxLag; lag++) {
            double err = 0;
            for (int n = 0; n < x.length; n++) {
                double d = x[n] - want[n - lag + maxLag];
                err += d * d;
            }
            if (err < bestErr) {
                bestErr = err;
                best = lag;
            }
        }
        return best;
    }

    static java.nio.file.Path fixture(String name) {
        try {
            return java.nio.file.Path.of(TestSignals.class.getResource("/audio/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
