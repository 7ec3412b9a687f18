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
 * process has open for reading. The stream writers write through {@link #channel}; {@link #commit} and
 * {@link #abandon} are the only two ways a write ends, so every writer fails the same way.
 */
final class OutputFile {
    /** A step of a write that may fail with an I/O error. */
    interface Step {
        void run() throws IOException;
    }

    final Path target;
    final Path temp;
    final FileChannel channel;
    private boolean done;

    private OutputFile(Path target, Path temp, FileChannel channel) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
    }

    /** Checks the destination and creates the temporary file, open for writing. */
    static OutputFile create(Path target) {
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
            return new OutputFile(target, temp, FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.READ));
        } catch (IOException e) {
            throw new AudioFileException(target, "cannot write in " + dir + ": " + reason(e), e);
        }
    }

    /** Refuses a write after commit or close. */
    void checkOpen() {
        if (done) throw new IllegalStateException("writer is already committed or closed");
    }

    /**
     * Runs a step of the write; if it fails, nothing of the file survives and the error goes on
     * (an I/O error as "cannot write: " and its reason).
     */
    void guard(Step step) {
        try {
            step.run();
        } catch (IOException e) {
            abandon();
            throw cannotWrite(e);
        } catch (RuntimeException e) {
            abandon();
            throw e;
        }
    }

    /** Runs the last writes, makes the bytes durable and moves the file into place; a failure deletes it. */
    void commit(Step lastWrites) {
        checkOpen();
        guard(() -> {
            lastWrites.run();
            finish();
        });
        done = true;
    }

    AudioFileException cannotWrite(IOException e) {
        return new AudioFileException(target, "cannot write: " + reason(e), e);
    }

    static void refuseOpenInput(Path target) {
        if (OpenInputs.isOpen(target)) {
            throw new AudioFileException(target, "refusing to overwrite a file that is open as an input; choose another output name");
        }
    }

    /** Makes the written bytes durable, closes the channel and moves the temporary file into place. */
    private void finish() throws IOException {
        channel.force(true);
        channel.close();
        moveIntoPlace();
    }

    /** Closes the channel quietly and deletes the temporary file: nothing of a failed write survives. Does nothing after a commit. */
    void abandon() {
        if (done && !channel.isOpen()) return;
        done = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // The temporary file is deleted next.
        }
        discard();
    }

    private void moveIntoPlace() {
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

    private void discard() {
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
