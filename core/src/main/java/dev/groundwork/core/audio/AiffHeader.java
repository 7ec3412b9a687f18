package dev.groundwork.core.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;

/**
 * Parses AIFF and AIFC headers: big-endian PCM ('NONE', 'twos', 'in24', 'in32'), little-endian 'sowt',
 * and float ('fl32', 'fl64'). Sizes are checked against the real file like {@link WavHeader}.
 */
final class AiffHeader {
    private AiffHeader() { }

    static PcmLayout parse(FileBytes in, Consumer<String> warn) {
        ByteBuffer form = in.read(0, 12, ByteOrder.BIG_ENDIAN, "FORM header");
        String type = FileBytes.fourCC(form, 8);
        boolean aifc = type.equals("AIFC");
        if (!aifc && !type.equals("AIFF")) {
            throw new AudioFileException(in.file, "IFF file of type '" + type + "' is not AIFF audio");
        }
        ByteBuffer comm = null;
        long ssndBody = -1;
        long ssndSize = -1;
        long pos = 12;
        while (pos + 8 <= in.size && (comm == null || ssndBody < 0)) {
            ByteBuffer h = in.read(pos, 8, ByteOrder.BIG_ENDIAN, "chunk header");
            String id = FileBytes.fourCC(h, 0);
            long size = h.getInt(4) & 0xffffffffL;
            long body = pos + 8;
            if (id.equals("COMM")) {
                if (size < 18) throw new AudioFileException(in.file, "corrupt header: COMM chunk of " + size + " bytes is too short");
                comm = in.read(body, (int) Math.min(size, aifc ? 22 : 18), ByteOrder.BIG_ENDIAN, "COMM chunk");
            } else if (id.equals("SSND")) {
                ssndBody = body;
                ssndSize = size;
            }
            if (size > in.size - body) break;
            pos = body + size + (size & 1);
        }
        if (comm == null) throw new AudioFileException(in.file, "not a valid AIFF file: no COMM chunk (truncated or corrupt header)");
        if (ssndBody < 0) throw new AudioFileException(in.file, "not a valid AIFF file: no SSND chunk (no audio)");

        int channels = comm.getShort(0) & 0xffff;
        long claimedFrames = comm.getInt(2) & 0xffffffffL;
        int bits = comm.getShort(6) & 0xffff;
        double rate = extended(comm, 8);
        String compression = aifc && comm.limit() >= 22 ? FileBytes.fourCC(comm, 18) : "NONE";
        AudioLimits.checkChannels(in.file, channels);
        AudioLimits.checkRate(in.file, rate);

        PcmCodec codec = switch (compression) {
            case "NONE", "twos" -> integer(in, bits, true);
            case "sowt" -> integer(in, bits, false);
            case "in24" -> integer(in, 24, true);
            case "in32" -> integer(in, 32, true);
            case "fl32", "FL32" -> new PcmCodec(PcmCodec.Kind.FLOAT, 4, true);
            case "fl64", "FL64" -> new PcmCodec(PcmCodec.Kind.FLOAT, 8, true);
            default -> throw new AudioFileException(in.file, "unsupported AIFC compression '" + compression
                    + "'; convert it to PCM WAV or FLAC first");
        };
        int frameBytes = channels * codec.bytes;
        ByteBuffer ssnd = in.read(ssndBody, 8, ByteOrder.BIG_ENDIAN, "SSND chunk");
        long offset = ssnd.getInt(0) & 0xffffffffL;
        long dataOffset = ssndBody + 8 + offset;
        if (dataOffset > in.size) throw new AudioFileException(in.file, "corrupt header: SSND data offset lies past the end of the file");
        long available = Math.min(in.size - dataOffset, Math.max(0, ssndSize - 8 - offset)) / frameBytes;
        long frames = Math.min(claimedFrames, available);
        if (claimedFrames > available) {
            warn.accept(in.file.getFileName() + ": header claims " + claimedFrames + " frames but the file holds only "
                    + available + "; reading the frames present (the file looks truncated)");
        }
        AudioFileInfo info = new AudioFileInfo(aifc ? "AIFC" : "AIFF", rate, channels, frames,
                codec.isFloat() ? codec.bits() : bits, codec.isFloat());
        return new PcmLayout(info, dataOffset, frames, codec, frameBytes);
    }

    private static PcmCodec integer(FileBytes in, int bits, boolean bigEndian) {
        if (bits < 1 || bits > 32) throw new AudioFileException(in.file, "unsupported AIFF sample size of " + bits + " bits");
        int bytes = (bits + 7) / 8;
        // AIFF 8-bit samples are signed, unlike WAV's.
        return new PcmCodec(PcmCodec.Kind.SIGNED_INT, bytes, bigEndian);
    }

    /** The 80-bit IEEE 754 extended float AIFF uses for its sample rate. */
    static double extended(ByteBuffer b, int at) {
        int se = b.getShort(at) & 0xffff;
        long mantissa = b.getLong(at + 2);
        int exponent = se & 0x7fff;
        if (exponent == 0 && mantissa == 0) return 0;
        if (exponent == 0x7fff) return Double.NaN;
        double m = (double) (mantissa >>> 11);
        double v = Math.scalb(m, exponent - 16383 - 52);
        return (se & 0x8000) != 0 ? -v : v;
    }
}
