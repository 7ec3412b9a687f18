package dev.groundwork.core.audio;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Converts interleaved PCM bytes to planar floats and back. Integers are scaled by 2^(bits-1),
 * so a file read and written at the same depth without dither is bit-exact; on the way out every
 * value is clamped before it becomes an integer (a plain cast would wrap).
 */
final class PcmCodec {
    enum Kind { UNSIGNED_INT, SIGNED_INT, FLOAT }

    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT_BE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    final Kind kind;
    final int bytes;
    final boolean bigEndian;

    PcmCodec(Kind kind, int bytes, boolean bigEndian) {
        this.kind = kind;
        this.bytes = bytes;
        this.bigEndian = bigEndian;
    }

    static PcmCodec signed(int bits, boolean bigEndian) {
        return new PcmCodec(bits == 8 ? Kind.UNSIGNED_INT : Kind.SIGNED_INT, bits / 8, bigEndian);
    }

    int bits() { return bytes * 8; }

    boolean isFloat() { return kind == Kind.FLOAT; }

    /**
     * The largest float sample a file may hold: +120 dBFS. Float files may go over full scale, but not by a million:
     * beyond it the bits are not audio (integers labelled as float, a corrupt file), and squaring them overflows the
     * meters (a file of 1e30 samples measured +586 LUFS and mastered as "silent").
     */
    static final float MAX_FLOAT_SAMPLE = 1e6f;

    /** Reports a sample found while decoding a float file that is not finite or beyond {@link #MAX_FLOAT_SAMPLE}. */
    interface BadSample {
        void found(int frameInBlock, int channel, double value);
    }

    /** Decodes {@code frames} interleaved frames of {@code src}, starting at byte {@code from}, into {@code dst[c][offset..]}. */
    void decode(byte[] src, int from, int frames, float[][] dst, int offset, BadSample bad) {
        int channels = dst.length;
        switch (kind) {
            case UNSIGNED_INT -> {
                int p = from;
                for (int f = 0; f < frames; f++) {
                    for (int c = 0; c < channels; c++, p++) dst[c][offset + f] = ((src[p] & 0xff) - 128) / 128f;
                }
            }
            case SIGNED_INT -> decodeSigned(src, from, frames, channels, dst, offset);
            case FLOAT -> decodeFloat(src, from, frames, channels, dst, offset, bad);
        }
    }

    private void decodeSigned(byte[] src, int from, int frames, int channels, float[][] dst, int offset) {
        int p = from;
        switch (bytes) {
            case 1 -> {
                for (int f = 0; f < frames; f++) {
                    for (int c = 0; c < channels; c++, p++) dst[c][offset + f] = src[p] / 128f;
                }
            }
            case 2 -> {
                // One channel at a time with a view of the bytes as shorts: a plain load per sample, no branch. Each
                // loop names its static final view: a view picked into a local is not a constant, and the compiler
                // then calls it per sample instead of inlining a load (about 4 ns a sample).
                final float k = 1f / 32768f;
                int stride = 2 * channels;
                for (int c = 0; c < channels; c++) {
                    float[] d = dst[c];
                    int q = from + 2 * c;
                    if (bigEndian) for (int f = 0; f < frames; f++, q += stride) d[offset + f] = (short) SHORT_BE.get(src, q) * k;
                    else for (int f = 0; f < frames; f++, q += stride) d[offset + f] = (short) SHORT_LE.get(src, q) * k;
                }
            }
            case 3 -> {
                final float k = 1f / 8388608f;
                for (int f = 0; f < frames; f++) {
                    for (int c = 0; c < channels; c++, p += 3) {
                        int v = bigEndian
                                ? (src[p] << 16) | ((src[p + 1] & 0xff) << 8) | (src[p + 2] & 0xff)
                                : (src[p + 2] << 16) | ((src[p + 1] & 0xff) << 8) | (src[p] & 0xff);
                        dst[c][offset + f] = v * k;
                    }
                }
            }
            case 4 -> {
                final double k = 1.0 / 2147483648.0;
                int stride = 4 * channels;
                for (int c = 0; c < channels; c++) {
                    float[] d = dst[c];
                    int q = from + 4 * c;
                    if (bigEndian) for (int f = 0; f < frames; f++, q += stride) d[offset + f] = (float) ((int) INT_BE.get(src, q) * k);
                    else for (int f = 0; f < frames; f++, q += stride) d[offset + f] = (float) ((int) INT_LE.get(src, q) * k);
                }
            }
            default -> throw new IllegalStateException("no " + bytes + "-byte integer decoder");
        }
    }

    private void decodeFloat(byte[] src, int from, int frames, int channels, float[][] dst, int offset, BadSample bad) {
        if (bytes == 4) {
            int stride = 4 * channels;
            for (int c = 0; c < channels; c++) {
                float[] d = dst[c];
                int q = from + 4 * c;
                for (int f = 0; f < frames; f++, q += stride) {
                    float v = Float.intBitsToFloat(bigEndian ? (int) INT_BE.get(src, q) : (int) INT_LE.get(src, q));
                    if (!(Math.abs(v) <= MAX_FLOAT_SAMPLE)) bad.found(f, c, v);
                    d[offset + f] = v;
                }
            }
            return;
        }
        int p = from;
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++) {
                double v;
                if (bytes == 4) {
                    v = Float.intBitsToFloat(int32(src, p));
                    p += 4;
                } else {
                    long hi = int32(src, bigEndian ? p : p + 4) & 0xffffffffL;
                    long lo = int32(src, bigEndian ? p + 4 : p) & 0xffffffffL;
                    v = Double.longBitsToDouble((hi << 32) | lo);
                    p += 8;
                }
                if (!(Math.abs(v) <= MAX_FLOAT_SAMPLE)) bad.found(f, c, v);
                dst[c][offset + f] = (float) v;
            }
        }
    }

    private int int32(byte[] b, int p) {
        return bigEndian
                ? (b[p] << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff)
                : (b[p + 3] << 24) | ((b[p + 2] & 0xff) << 16) | ((b[p + 1] & 0xff) << 8) | (b[p] & 0xff);
    }

    /** Whether digital silence encodes as all-zero bytes without dither (not so for unsigned 8-bit). */
    boolean zeroEncodesAsZeroBytes() { return kind != Kind.UNSIGNED_INT; }

    /**
     * Whether frames [offset, offset + frames) of every channel encode as all-zero bytes without dither: every
     * sample is +0.0f or, for integer encodings (which drop the sign of zero), -0.0f. Only for codecs that
     * {@link #zeroEncodesAsZeroBytes() encode silence as zeros}.
     */
    boolean encodesToZeros(float[][] src, int offset, int frames) {
        int ignored = kind == Kind.FLOAT ? 0 : 0x8000_0000; // the sign bit, where -0.0f also becomes 0
        for (float[] x : src) {
            for (int i = offset, end = offset + frames; i < end; i++) {
                if ((Float.floatToRawIntBits(x[i]) & ~ignored) != 0) return false;
            }
        }
        return true;
    }

    /**
     * Encodes {@code frames} frames from {@code src[c][offset..]} into interleaved bytes from byte {@code to} on
     * (little-endian only: groundwork writes WAV). Integer output is clamped; {@code dither} may be null.
     * Non-finite input is reported.
     */
    void encode(float[][] src, int offset, int frames, byte[] dst, int to, TpdfDither dither, BadSample bad) {
        if (bigEndian) throw new IllegalStateException("big-endian output is not written");
        int channels = src.length;
        int p = to;
        if (kind == Kind.FLOAT) {
            for (int f = 0; f < frames; f++) {
                for (int c = 0; c < channels; c++, p += 4) {
                    float x = src[c][offset + f];
                    if (!Float.isFinite(x)) bad.found(f, c, x);
                    int v = Float.floatToRawIntBits(x);
                    dst[p] = (byte) v;
                    dst[p + 1] = (byte) (v >> 8);
                    dst[p + 2] = (byte) (v >> 16);
                    dst[p + 3] = (byte) (v >>> 24);
                }
            }
            return;
        }
        if (bytes == 2 || bytes == 3) {
            encodePcm(src, offset, frames, dst, to, dither, bad);
            return;
        }
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++, p += bytes) {
                float x = src[c][offset + f];
                if (!Float.isFinite(x)) bad.found(f, c, x);
                int v = quantize(x, bits(), dither);
                switch (bytes) {
                    case 1 -> dst[p] = (byte) (v + 128);
                    case 2 -> { dst[p] = (byte) v; dst[p + 1] = (byte) (v >> 8); }
                    case 3 -> { dst[p] = (byte) v; dst[p + 1] = (byte) (v >> 8); dst[p + 2] = (byte) (v >> 16); }
                    default -> { dst[p] = (byte) v; dst[p + 1] = (byte) (v >> 8); dst[p + 2] = (byte) (v >> 16); dst[p + 3] = (byte) (v >>> 24); }
                }
            }
        }
    }

    /**
     * The delivery (16-bit) and stem/master (24-bit) formats: the same arithmetic as {@link #quantize}, with
     * the width-independent work hoisted and one store per sample. A 24-bit sample is stored as a 4-byte int
     * whose top byte the next sample overwrites, so every frame but the last takes that store; the last one
     * is written byte by byte and nothing past the encoded range is touched. Mono and stereo read their
     * channels without the per-sample indirection.
     */
    private void encodePcm(float[][] src, int offset, int frames, byte[] dst, int to, TpdfDither dither, BadSample bad) {
        final double scale = 1 << (8 * bytes - 1), max = scale - 1;
        final int channels = src.length;
        final boolean three = bytes == 3;
        int whole = three ? frames - 1 : frames; // frames written with whole-int (or short) stores
        if (whole < 0) whole = 0;
        int p = to;
        if (channels == 2 && dither == null) {
            float[] s0 = src[0], s1 = src[1];
            for (int f = 0; f < whole; f++, p += 2 * bytes) {
                float x0 = s0[offset + f], x1 = s1[offset + f];
                if (!Float.isFinite(x0)) bad.found(f, 0, x0);
                if (!Float.isFinite(x1)) bad.found(f, 1, x1);
                int q0 = pcm(x0 * scale, scale, max), q1 = pcm(x1 * scale, scale, max);
                if (three) {
                    INT_LE.set(dst, p, q0);
                    INT_LE.set(dst, p + 3, q1);
                } else {
                    SHORT_LE.set(dst, p, (short) q0);
                    SHORT_LE.set(dst, p + 2, (short) q1);
                }
            }
        } else if (channels == 1 && dither == null) {
            float[] s0 = src[0];
            for (int f = 0; f < whole; f++, p += bytes) {
                float x = s0[offset + f];
                if (!Float.isFinite(x)) bad.found(f, 0, x);
                int q = pcm(x * scale, scale, max);
                if (three) INT_LE.set(dst, p, q);
                else SHORT_LE.set(dst, p, (short) q);
            }
        } else {
            for (int f = 0; f < whole; f++) {
                for (int c = 0; c < channels; c++, p += bytes) {
                    int q = checkedPcm(src[c][offset + f], f, c, scale, max, dither, bad);
                    if (three) INT_LE.set(dst, p, q);
                    else SHORT_LE.set(dst, p, (short) q);
                }
            }
        }
        for (int f = whole; f < frames; f++) {
            for (int c = 0; c < channels; c++, p += bytes) {
                int q = checkedPcm(src[c][offset + f], f, c, scale, max, dither, bad);
                dst[p] = (byte) q;
                dst[p + 1] = (byte) (q >> 8);
                if (three) dst[p + 2] = (byte) (q >> 16);
            }
        }
    }

    /** Sample x of frame f, channel c, reported if not finite, then scaled, dithered (when given) and {@link #pcm quantised}. */
    private static int checkedPcm(float x, int f, int c, double scale, double max, TpdfDither dither, BadSample bad) {
        if (!Float.isFinite(x)) bad.found(f, c, x);
        double v = x * scale;
        if (dither != null) v += dither.next();
        return pcm(v, scale, max);
    }

    /** A scaled (and dithered) sample clamped, then rounded: {@link #quantize} after its scaling. */
    private static int pcm(double v, double scale, double max) {
        return v >= max ? (int) max : v <= -scale ? (int) -scale : (int) Math.rint(v);
    }

    /** Float full scale to a {@code bits}-bit integer: scale, dither, clamp, then round (clamping first avoids wrap-around). */
    static int quantize(float x, int bits, TpdfDither dither) {
        double scale = 1L << (bits - 1);
        double v = x * scale;
        if (dither != null) v += dither.next();
        double max = scale - 1;
        if (v >= max) return (int) max;
        if (v <= -scale) return (int) -scale;
        return (int) Math.rint(v);
    }
}
