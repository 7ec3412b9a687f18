package dev.groundwork.core.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Parses RIFF WAVE, RF64 and BW64 headers: PCM 8/16/24/32-bit, IEEE float 32/64, WAVE_FORMAT_EXTENSIBLE.
 * Every chunk size is checked against the real file; a data chunk that claims more than the file holds
 * is read as far as the file goes, with a warning.
 */
final class WavHeader {
    static final int PCM = 0x0001;
    static final int IEEE_FLOAT = 0x0003;
    static final int EXTENSIBLE = 0xFFFE;
    private static final long UNKNOWN_SIZE = 0xFFFFFFFFL;

    private static final Map<Integer, String> CODECS = Map.ofEntries(
            Map.entry(0x0002, "Microsoft ADPCM"), Map.entry(0x0006, "A-law"), Map.entry(0x0007, "mu-law"),
            Map.entry(0x0011, "IMA ADPCM"), Map.entry(0x0031, "GSM 6.10"), Map.entry(0x0050, "MPEG audio"),
            Map.entry(0x0055, "MP3"), Map.entry(0x0092, "Dolby AC-3"), Map.entry(0x00FF, "AAC"),
            Map.entry(0x0160, "WMA"), Map.entry(0x0161, "WMA"), Map.entry(0x1610, "AAC"), Map.entry(0x2000, "Dolby AC-3"),
            Map.entry(0xF1AC, "FLAC"));

    private WavHeader() { }

    static PcmLayout parse(FileBytes in, Consumer<String> warn) {
        ByteBuffer riff = in.read(0, 12, ByteOrder.LITTLE_ENDIAN, "RIFF header");
        String magic = FileBytes.fourCC(riff, 0);
        String type = FileBytes.fourCC(riff, 8);
        boolean rf64 = magic.equals("RF64") || magic.equals("BW64");
        if (type.equals("sfbk")) {
            throw new AudioFileException(in.file, "this is a SoundFont (sf2/sf3), not an audio file");
        }
        if (!type.equals("WAVE")) {
            throw new AudioFileException(in.file, "RIFF file of type '" + type + "' is not a WAV file");
        }
        long ds64Data = -1;
        ByteBuffer fmt = null;
        long dataOffset = -1;
        long claimed = -1;
        long pos = 12;
        while (pos + 8 <= in.size && (fmt == null || dataOffset < 0)) {
            ByteBuffer h = in.read(pos, 8, ByteOrder.LITTLE_ENDIAN, "chunk header");
            String id = FileBytes.fourCC(h, 0);
            long size = h.getInt(4) & 0xffffffffL;
            long body = pos + 8;
            switch (id) {
                case "ds64" -> {
                    ByteBuffer d = in.read(body, 24, ByteOrder.LITTLE_ENDIAN, "ds64 chunk");
                    ds64Data = d.getLong(8);
                    if (ds64Data < 0) throw new AudioFileException(in.file, "corrupt RF64 header: negative data size in ds64");
                }
                case "fmt " -> {
                    if (size < 16) throw new AudioFileException(in.file, "corrupt header: 'fmt ' chunk of " + size + " bytes is too short");
                    fmt = in.read(body, (int) Math.min(size, 40), ByteOrder.LITTLE_ENDIAN, "'fmt ' chunk");
                }
                case "data" -> {
                    dataOffset = body;
                    claimed = size;
                    if (rf64 && size == UNKNOWN_SIZE) {
                        if (ds64Data < 0) throw new AudioFileException(in.file, "corrupt RF64 header: no ds64 chunk gives the data size");
                        claimed = ds64Data;
                    }
                    size = claimed;
                }
                default -> { }
            }
            // A chunk running past the end of the file: nothing after it can be found.
            if (size > in.size - body) break;
            pos = body + size + (size & 1);
        }
        if (fmt == null) throw new AudioFileException(in.file, "not a valid WAV file: no 'fmt ' chunk (truncated or corrupt header)");
        if (dataOffset < 0) throw new AudioFileException(in.file, "not a valid WAV file: no 'data' chunk (truncated or corrupt)");

        int tag = fmt.getShort(0) & 0xffff;
        int channels = fmt.getShort(2) & 0xffff;
        long rate = fmt.getInt(4) & 0xffffffffL;
        int blockAlign = fmt.getShort(12) & 0xffff;
        int bits = fmt.getShort(14) & 0xffff;
        int codecTag = tag;
        if (tag == EXTENSIBLE) {
            if (fmt.limit() < 40) throw new AudioFileException(in.file, "corrupt header: WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk is too short");
            codecTag = fmt.getShort(24) & 0xffff;
            int validBits = fmt.getShort(18) & 0xffff;
            if (validBits > 0 && validBits < bits) bits = validBits;
        }
        if (codecTag != PCM && codecTag != IEEE_FLOAT) {
            String name = CODECS.getOrDefault(codecTag, "format tag 0x" + String.format("%04X", codecTag));
            throw new AudioFileException(in.file, "unsupported WAV codec " + name + " (tag 0x" + String.format("%04X", codecTag)
                    + "); convert it to PCM WAV or FLAC first");
        }
        AudioLimits.checkChannels(in.file, channels);
        AudioLimits.checkRate(in.file, rate);
        if (blockAlign == 0 || blockAlign % channels != 0) {
            throw new AudioFileException(in.file, "corrupt header: block align " + blockAlign + " does not fit " + channels + " channels");
        }
        int containerBytes = blockAlign / channels;
        PcmCodec codec;
        if (codecTag == IEEE_FLOAT) {
            if (containerBytes != 4 && containerBytes != 8) {
                throw new AudioFileException(in.file, "unsupported float WAV of " + bits + " bits (only 32 and 64 are read)");
            }
            codec = new PcmCodec(PcmCodec.Kind.FLOAT, containerBytes, false);
        } else {
            if (containerBytes < 1 || containerBytes > 4 || bits > containerBytes * 8 || bits == 0) {
                throw new AudioFileException(in.file, "unsupported PCM WAV of " + bits + " bits in " + containerBytes + "-byte samples");
            }
            codec = PcmCodec.signed(containerBytes * 8, false);
        }
        long available = in.size - dataOffset;
        long bytes = claimed;
        if (claimed > available) {
            bytes = available;
            if (claimed != UNKNOWN_SIZE) {
                warn.accept(in.file.getFileName() + ": data chunk claims " + (claimed / blockAlign) + " frames but the file holds only "
                        + (available / blockAlign) + "; reading the frames present (the file looks truncated)");
            }
        }
        long frames = bytes / blockAlign;
        String format = rf64 ? magic : "WAV";
        int reportedBits = codecTag == IEEE_FLOAT ? containerBytes * 8 : Math.min(bits, containerBytes * 8);
        AudioFileInfo info = new AudioFileInfo(format, rate, channels, frames, reportedBits, codecTag == IEEE_FLOAT);
        return new PcmLayout(info, dataOffset, frames, codec, blockAlign);
    }
}
