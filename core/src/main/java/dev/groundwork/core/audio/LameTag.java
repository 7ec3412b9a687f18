package dev.groundwork.core.audio;

/**
 * The Xing/Info frame LAME puts first in an MP3: the number of audio frames, and (in the LAME extension)
 * the encoder delay and padding in samples. A decoder adds another 529 samples of delay on top.
 */
record LameTag(long frames, int encoderDelay, int padding, boolean hasLameExtension) {
    /** The synthesis filterbank delay every standard MP3 decoder adds (528 + 1 samples). */
    static final int DECODER_DELAY = 529;

    /** Reads the tag from the first frame's bytes (starting at its header), or null if the frame is plain audio. */
    static LameTag parse(byte[] frame, Mp3FrameHeader header) {
        int p = 4 + header.sideInfoBytes();
        if (p + 8 > frame.length) return null;
        String id = new String(frame, p, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!id.equals("Xing") && !id.equals("Info")) return null;
        int flags = int32(frame, p + 4);
        int q = p + 8;
        long frames = -1;
        if ((flags & 1) != 0) {
            if (q + 4 > frame.length) return null;
            frames = int32(frame, q) & 0xffffffffL;
            q += 4;
        }
        if ((flags & 2) != 0) q += 4;
        if ((flags & 4) != 0) q += 100;
        if ((flags & 8) != 0) q += 4;
        // LAME (and ffmpeg's "Lavc"/"Lavf") extension: 9-byte version string, then delay/padding 21 bytes in.
        if (q + 24 <= frame.length && isLetters(frame, q)) {
            int d = q + 21;
            int delay = ((frame[d] & 0xff) << 4) | ((frame[d + 1] & 0xff) >>> 4);
            int padding = ((frame[d + 1] & 0x0f) << 8) | (frame[d + 2] & 0xff);
            return new LameTag(frames, delay, padding, true);
        }
        return new LameTag(frames, 0, 0, false);
    }

    private static boolean isLetters(byte[] b, int p) {
        for (int i = 0; i < 4; i++) {
            int c = b[p + i] & 0xff;
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) return false;
        }
        return true;
    }

    private static int int32(byte[] b, int p) {
        return ((b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
    }
}
