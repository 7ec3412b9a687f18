package dev.groundwork.core.audio;

import com.jcraft.jogg.Packet;
import com.jcraft.jogg.Page;
import com.jcraft.jogg.StreamState;
import com.jcraft.jogg.SyncState;
import com.jcraft.jorbis.Block;
import com.jcraft.jorbis.Comment;
import com.jcraft.jorbis.DspState;
import com.jcraft.jorbis.Info;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Ogg Vorbis through JOrbis (the decoder inside vorbisspi, used directly: vorbisspi's stream wrapper loses
 * samples on short and mono files). Samples stay float, and the length is exactly the last page's granule
 * position, so the encoder's end padding is trimmed. The comment header is checked before JOrbis sees it,
 * because JOrbis allocates whatever lengths it declares.
 */
final class OggVorbisStreamReader extends ChunkedStreamReader {
    private static final int READ_CHUNK = 16 * 1024;

    private final Consumer<String> warn;
    private final AudioFileInfo info;
    private final SyncState sync = new SyncState();
    private final StreamState stream = new StreamState();
    private final Page page = new Page();
    private final Packet packet = new Packet();
    private final Info vorbis = new Info();
    private final Comment comment = new Comment();
    private final DspState dsp = new DspState();
    private final Block block;
    private final float[][][] pcmRef = new float[1][][];
    private final int[] pcmIndex;
    private final long totalFrames;
    private int serial;
    private long filePos;
    private long delivered;
    private boolean ended;
    private boolean warnedShort;

    OggVorbisStreamReader(Path file, FileBytes in, Consumer<String> warn) {
        super(file, in);
        this.warn = warn;
        sync.init();
        if (!nextPage()) throw new AudioFileException(file, "truncated or corrupt Ogg header: no complete page");
        serial = page.serialno();
        stream.init(serial);
        vorbis.init();
        comment.init();
        stream.pagein(page);
        for (int header = 0; header < 3; header++) {
            while (stream.packetout(packet) != 1) {
                if (!nextPage()) throw new AudioFileException(file, "truncated Ogg Vorbis header");
                if (page.serialno() == serial) stream.pagein(page);
            }
            if (header == 0) refuseOtherCodecs(packet);
            if (header == 1) checkCommentPacket(packet);
            if (vorbis.synthesis_headerin(comment, packet) < 0) {
                throw new AudioFileException(file, "corrupt Ogg Vorbis header (packet " + (header + 1) + ")");
            }
            if (header == 0) {
                AudioLimits.checkChannels(file, vorbis.channels);
                AudioLimits.checkRate(file, vorbis.rate);
            }
        }
        dsp.synthesis_init(vorbis);
        block = new Block(dsp);
        pcmIndex = new int[vorbis.channels];
        long granule = lastGranule();
        this.totalFrames = granule;
        this.info = new AudioFileInfo("Ogg Vorbis", vorbis.rate, vorbis.channels, Math.max(granule, 0), 0, true);
        this.registered = OpenInputs.register(file);
    }

    private void refuseOtherCodecs(Packet p) {
        byte[] b = p.packet_base;
        int o = p.packet;
        String start = new String(b, o, Math.min(8, p.bytes), java.nio.charset.StandardCharsets.ISO_8859_1);
        if (start.startsWith("OpusHead")) throw new AudioFileException(file, "Ogg Opus is not supported; convert it to WAV or FLAC first");
        if (start.startsWith("\u007fFLAC")) throw new AudioFileException(file, "FLAC inside Ogg is not supported; use a plain .flac file");
        if (start.startsWith("Speex")) throw new AudioFileException(file, "Ogg Speex is not supported");
        if (!start.startsWith("\u0001vorbis")) throw new AudioFileException(file, "this Ogg file holds no Vorbis audio");
    }

    /** Vendor string and comments must fit inside the packet before JOrbis allocates them. */
    private void checkCommentPacket(Packet p) {
        ByteBuffer b = ByteBuffer.wrap(p.packet_base, p.packet, p.bytes).slice().order(ByteOrder.LITTLE_ENDIAN);
        try {
            b.position(7);
            long vendor = b.getInt() & 0xffffffffL;
            if (vendor > b.remaining()) throw new IndexOutOfBoundsException();
            b.position(b.position() + (int) vendor);
            long count = b.getInt() & 0xffffffffL;
            if (count > b.remaining() / 4) throw new IndexOutOfBoundsException();
            for (long i = 0; i < count; i++) {
                long len = b.getInt() & 0xffffffffL;
                if (len > b.remaining()) throw new IndexOutOfBoundsException();
                b.position(b.position() + (int) len);
            }
        } catch (RuntimeException e) {
            throw new AudioFileException(file, "corrupt Ogg Vorbis comment header: its lengths run past the packet");
        }
    }

    /** The granule position (total samples) of the stream's last page, found by scanning the end of the file. */
    private long lastGranule() {
        int window = (int) Math.min(in.size, 65_536 + 27);
        ByteBuffer b = in.read(in.size - window, window, ByteOrder.LITTLE_ENDIAN, "last Ogg page");
        for (int p = window - 27; p >= 0; p--) {
            if (b.get(p) == 'O' && b.get(p + 1) == 'g' && b.get(p + 2) == 'g' && b.get(p + 3) == 'S' && b.get(p + 4) == 0
                    && b.getInt(p + 14) == serial) {
                long g = b.getLong(p + 6);
                if (g >= 0) return g;
            }
        }
        return -1;
    }

    private boolean nextPage() {
        while (true) {
            int r = sync.pageout(page);
            if (r == 1) return true;
            if (r < 0) {
                throw new AudioFileException(file, "corrupt Ogg data near " + String.format(Locale.ROOT, "%.3f s",
                        delivered / (double) Math.max(1, vorbis.rate)) + " (lost page sync)");
            }
            if (filePos >= in.size) return false;
            int n = (int) Math.min(READ_CHUNK, in.size - filePos);
            int at = sync.buffer(n);
            in.readFully(ByteBuffer.wrap(sync.data, at, n), filePos);
            filePos += n;
            sync.wrote(n);
        }
    }

    @Override
    public AudioFileInfo info() { return info; }

    @Override
    protected int limit(int capacity) { return totalFrames >= 0 ? (int) Math.min(capacity, totalFrames - delivered) : capacity; }

    @Override
    protected int available() { return Math.max(0, dsp.synthesis_pcmout(pcmRef, pcmIndex)); }

    @Override
    protected boolean decodeNext() { return decodePacketOrFail(); }

    @Override
    protected void copy(float[][] dst, int at, int n) {
        for (int c = 0; c < dst.length; c++) System.arraycopy(pcmRef[0][c], pcmIndex[c], dst[c], at, n);
        dsp.synthesis_read(n);
        delivered += n;  // counted as they go, so an error names the time where decoding stopped
    }

    @Override
    protected void endOfStream(int done) {
        if (totalFrames > delivered && !warnedShort) {
            warnedShort = true;
            warn.accept(file.getFileName() + ": the last Ogg page says " + totalFrames + " frames but only " + delivered
                    + " could be decoded (the file looks truncated)");
        }
    }

    private boolean decodePacketOrFail() {
        try {
            return decodePacket();
        } catch (AudioFileException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new AudioFileException(file, "corrupt Ogg Vorbis data near " + String.format(Locale.ROOT, "%.3f s",
                    delivered / (double) vorbis.rate) + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Feeds the next audio packet to the decoder; false at the end of the stream. */
    private boolean decodePacket() {
        if (ended) return false;
        while (true) {
            int r = stream.packetout(packet);
            if (r == 1) {
                if (block.synthesis(packet) == 0) {
                    dsp.synthesis_blockin(block);
                } else {
                    throw new AudioFileException(file, "corrupt Ogg Vorbis packet near " + String.format(Locale.ROOT, "%.3f s",
                            delivered / (double) vorbis.rate));
                }
                return true;
            }
            if (r < 0) {
                throw new AudioFileException(file, "corrupt Ogg data near " + String.format(Locale.ROOT, "%.3f s",
                        delivered / (double) vorbis.rate) + " (missing packet)");
            }
            if (stream.e_o_s != 0 || !nextPage()) {
                ended = true;
                return false;
            }
            if (page.serialno() != serial) {
                if (page.bos() != 0) {
                    throw new AudioFileException(file, "chained or multiplexed Ogg streams are not supported");
                }
                continue;
            }
            stream.pagein(page);
        }
    }
}
