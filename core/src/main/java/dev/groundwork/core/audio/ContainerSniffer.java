package dev.groundwork.core.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Recognises a file by its first bytes, never by its name. */
final class ContainerSniffer {
    enum Kind { WAV, AIFF, FLAC, MP3, OGG }

    private ContainerSniffer() { }

    static Kind sniff(FileBytes in) {
        int n = (int) Math.min(64, in.size);
        ByteBuffer b = in.read(0, n, ByteOrder.BIG_ENDIAN, "file start");
        byte[] head = new byte[n];
        b.get(head);
        String four = n >= 4 ? new String(head, 0, 4, StandardCharsets.ISO_8859_1) : "";
        switch (four) {
            case "RIFF", "RF64", "BW64": return Kind.WAV;
            case "FORM": return Kind.AIFF;
            case "fLaC": return Kind.FLAC;
            case "OggS": return Kind.OGG;
            case "MThd": throw new AudioFileException(in.file, "this is a MIDI file, not audio");
            case "RIFX": throw new AudioFileException(in.file, "big-endian RIFX WAV is not supported; convert it to WAV or FLAC");
            default: break;
        }
        if (n >= 12 && new String(head, 4, 4, StandardCharsets.ISO_8859_1).equals("ftyp")) {
            throw new AudioFileException(in.file, "MP4/M4A (AAC or ALAC) is not supported; convert it to WAV or FLAC first");
        }
        if (n >= 3 && head[0] == 'I' && head[1] == 'D' && head[2] == '3') {
            return skipId3(in, head);
        }
        if (n >= 4 && Mp3FrameHeader.isFrameSync(head, 0)) return Kind.MP3;
        if (n >= 4 && head[0] == 0x1A && head[1] == 0x45 && (head[2] & 0xff) == 0xDF && (head[3] & 0xff) == 0xA3) {
            throw new AudioFileException(in.file, "Matroska/WebM audio is not supported; convert it to WAV or FLAC first");
        }
        if (four.equals(".snd")) throw new AudioFileException(in.file, "Sun/NeXT .au files are not supported; convert to WAV");
        throw new AudioFileException(in.file, "not a supported audio file (groundwork reads WAV, AIFF, FLAC, MP3 and Ogg Vorbis)");
    }

    /** An ID3v2 tag may precede MP3 (or, rarely, FLAC) data: look at what follows it. */
    private static Kind skipId3(FileBytes in, byte[] head) {
        long after = id3End(in);
        if (after + 4 > in.size) throw new AudioFileException(in.file, "only an ID3 tag, no audio (truncated file?)");
        ByteBuffer next = in.read(after, 4, ByteOrder.BIG_ENDIAN, "audio after the ID3 tag");
        byte[] h = new byte[4];
        next.get(h);
        if (h[0] == 'f' && h[1] == 'L' && h[2] == 'a' && h[3] == 'C') return Kind.FLAC;
        // Many encoders pad after the tag, so an MP3 frame may not start exactly here: the decoder resyncs.
        return Kind.MP3;
    }

    /** Where the audio starts: after a leading ID3v2 tag, or 0 without one. */
    static long id3End(FileBytes in) {
        if (in.size < 10) return 0;
        ByteBuffer b = in.read(0, 10, ByteOrder.BIG_ENDIAN, "ID3 tag");
        if (b.get(0) != 'I' || b.get(1) != 'D' || b.get(2) != '3') return 0;
        long size = ((b.get(6) & 0x7f) << 21) | ((b.get(7) & 0x7f) << 14) | ((b.get(8) & 0x7f) << 7) | (b.get(9) & 0x7f);
        return 10 + size + ((b.get(5) & 0x10) != 0 ? 10 : 0);
    }
}
