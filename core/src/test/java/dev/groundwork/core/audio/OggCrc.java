package dev.groundwork.core.audio;

/** The Ogg page checksum (CRC-32, polynomial 0x04C11DB7, no reflection), over a page whose CRC field is zero. */
final class OggCrc {
    private OggCrc() { }

    static int of(byte[] page) {
        int crc = 0;
        for (byte x : page) {
            crc ^= (x & 0xff) << 24;
            for (int k = 0; k < 8; k++) crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
        }
        return crc;
    }
}
