package dev.groundwork.studio.media;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves a file with single-range support (RFC 9110 §14): {@code bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}.
 * Browsers seek in audio with these; multi-range requests get the whole file, an unsatisfiable one a 416.
 */
public final class RangeResponse {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private RangeResponse() { }

    public static void send(Context ctx, Path file, long size, String contentType) throws IOException {
        ctx.header("Accept-Ranges", "bytes");
        ctx.contentType(contentType);
        long start = 0, end = size - 1;
        String header = ctx.header("Range");
        Matcher m = header == null ? null : RANGE.matcher(header.trim());
        if (m != null && m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
            try {
                if (m.group(1).isEmpty()) {
                    start = Math.max(0, size - Long.parseLong(m.group(2)));
                } else {
                    start = Long.parseLong(m.group(1));
                    if (!m.group(2).isEmpty()) end = Math.min(size - 1, Long.parseLong(m.group(2)));
                }
            } catch (NumberFormatException e) {
                start = size; // absurdly long numbers are unsatisfiable
            }
            if (start >= size || start > end) {
                ctx.status(416).header("Content-Range", "bytes */" + size);
                return;
            }
            ctx.status(206).header("Content-Range", "bytes " + start + "-" + end + "/" + size);
        }
        long length = end - start + 1;
        ctx.header("Content-Length", Long.toString(Math.max(0, length)));
        if (length <= 0) return;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.position(start);
            new BoundedInput(Channels.newInputStream(ch), length).transferTo(ctx.res().getOutputStream());
        } catch (IOException e) {
            // The browser often drops a media request half-way (it seeks, or has enough buffered): not an error.
        }
    }

    /** Ends after {@code remaining} bytes, so only the requested range is sent. */
    private static final class BoundedInput extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedInput(InputStream in, long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) return -1;
            int b = in.read();
            if (b >= 0) remaining--;
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (remaining <= 0) return -1;
            int n = in.read(buf, off, (int) Math.min(len, remaining));
            if (n > 0) remaining -= n;
            return n;
        }

        @Override
        public void close() throws IOException { in.close(); }
    }
}
