package dev.groundwork.core.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** Positioned reads of header bytes, each checked against the real file size before anything is allocated. */
final class FileBytes {
    final Path file;
    final FileChannel channel;
    final long size;

    FileBytes(Path file, FileChannel channel, long size) {
        this.file = file;
        this.channel = channel;
        this.size = size;
    }

    /** Reads exactly {@code length} bytes at {@code position} (length is small: header fields only). */
    ByteBuffer read(long position, int length, ByteOrder order, String what) {
        if (length < 0 || position < 0 || position + length > size) {
            throw new AudioFileException(file, "truncated or corrupt header: " + what + " runs past the end of the file");
        }
        ByteBuffer b = ByteBuffer.allocate(length).order(order);
        readFully(b, position);
        return b.flip();
    }

    /**
     * Fills {@code b} from its current position to its limit with the file's bytes starting at {@code position}.
     * The buffer's own position is not a file offset: a buffer wrapping the middle of an array (JOrbis' sync
     * buffer after a partial page) starts at a non-zero position.
     */
    void readFully(ByteBuffer b, long position) {
        int start = b.position();
        try {
            while (b.hasRemaining()) {
                int n = channel.read(b, position + (b.position() - start));
                if (n < 0) throw new AudioFileException(file, "the file ended early (was it truncated while being read?)");
            }
        } catch (IOException e) {
            throw new AudioFileException(file, "cannot read: " + OutputFile.reason(e), e);
        }
    }

    static String fourCC(ByteBuffer b, int at) {
        StringBuilder s = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            int c = b.get(at + i) & 0xff;
            s.append(c >= 32 && c < 127 ? (char) c : '?');
        }
        return s.toString();
    }
}
