package dev.groundwork.core.audio;

/** The 4-byte MPEG audio frame header, enough to find the Xing/LAME tag and check a frame sync. */
record Mp3FrameHeader(int version, int layer, int bitrateKbps, int sampleRate, int channels, int padding, int frameBytes,
                      int samplesPerFrame, int sideInfoBytes) {
    private static final int[][] BITRATES_L3 = {
            {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, -1},  // MPEG-1
            {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, -1}};     // MPEG-2 / 2.5
    private static final int[] RATES = {44100, 48000, 32000, -1};

    static boolean isFrameSync(byte[] b, int p) {
        return parse(b, p) != null;
    }

    /** The Layer III header at {@code p}, or null if these bytes are not one. */
    static Mp3FrameHeader parse(byte[] b, int p) {
        if (p + 4 > b.length) return null;
        int h = ((b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
        if ((h >>> 21) != 0x7FF) return null;
        int versionBits = (h >>> 19) & 3;      // 0: 2.5, 2: 2, 3: 1
        int layerBits = (h >>> 17) & 3;        // 1: layer III
        int bitrateIndex = (h >>> 12) & 15;
        int rateIndex = (h >>> 10) & 3;
        if (versionBits == 1 || layerBits != 1 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) return null;
        boolean mpeg1 = versionBits == 3;
        int rate = RATES[rateIndex] / (versionBits == 3 ? 1 : versionBits == 2 ? 2 : 4);
        int bitrate = BITRATES_L3[mpeg1 ? 0 : 1][bitrateIndex];
        int padding = (h >>> 9) & 1;
        int channels = ((h >>> 6) & 3) == 3 ? 1 : 2;
        int samples = mpeg1 ? 1152 : 576;
        int frameBytes = (samples / 8) * bitrate * 1000 / rate + padding;
        int side = mpeg1 ? (channels == 1 ? 17 : 32) : (channels == 1 ? 9 : 17);
        return new Mp3FrameHeader(mpeg1 ? 1 : 2, 3, bitrate, rate, channels, padding, frameBytes, samples, side);
    }
}
