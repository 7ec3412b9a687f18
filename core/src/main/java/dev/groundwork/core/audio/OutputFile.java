package dev.groundwork.core.audio;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A destination written through a hidden temporary file in the same folder, moved into place on commit,
 * so a crash or a full disk never leaves a half file under the real name. Refuses to replace a file this
 * process has open for reading.
 */
final class OutputFile {
    final Path target;
    final Path temp;

    private OutputFile(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    /** Checks the destination and creates the temporary file; returns it with an open channel. */
    static OutputFile create(Path target, FileChannel[] channelOut) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new AudioFileException(target, "cannot write: folder " + dir + " does not exist");
        }
        if (Files.isDirectory(abs)) {
            throw new AudioFileException(target, "cannot write: it is a directory");
        }
        refuseOpenInput(target);
        try {
            Path temp = dev.groundwork.core.io.SiblingTempFile.create(abs);
            channelOut[0] = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.READ);
            return new OutputFile(target, temp);
        } catch (IOException e) {
            throw new AudioFileException(target, "cannot write in " + dir + ": " + reason(e), e);
        }
    }

    static void refuseOpenInput(Path target) {
        if (OpenInputs.isOpen(target)) {
            throw new AudioFileException(target, "refusing to overwrite a file that is open as an input; choose another output name");
        }
    }

    /** Makes the written bytes durable, closes the channel and moves the temporary file into place. */
    void finish(java.nio.channels.FileChannel channel) throws IOException {
        channel.force(true);
        channel.close();
        commit();
    }

    /** Closes the channel quietly and deletes the temporary file: nothing of a failed write survives. */
    void abandon(java.nio.channels.FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // The temporary file is deleted next.
        }
        discard();
    }

    void commit() {
        try {
            refuseOpenInput(target);
        } catch (AudioFileException e) {
            discard();
            throw e;
        }
        try {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            discard();
            throw new AudioFileException(target, "cannot move the finished file into place: " + reason(e), e);
        }
    }

    void discard() {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // Nothing better to do: the temporary name is hidden and never the real one.
        }
    }

    static String reason(IOException e) {
        return dev.groundwork.core.io.IoErrors.reason(e);
    }
}
