package org.climagrad.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files that appear complete or not at all: written to a temporary file in the target's folder,
 * then moved into place; a failed write leaves neither the target changed nor the temporary file.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Writes the content of a file. */
    @FunctionalInterface
    public interface Content {
        /** Writes the whole content into {@code file}. */
        void writeTo(Path file) throws IOException;
    }

    /**
     * Writes {@code file} atomically (its folder is created if missing).
     *
     * @return the file
     * @throws UncheckedIOException naming the file when the write or the move fails
     */
    public static Path write(Path file, Content content) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try {
                content.writeTo(tmp);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    /** {@link #write(Path, Content)} of a text. */
    public static Path writeString(Path file, String text) {
        return write(file, tmp -> Files.writeString(tmp, text));
    }
}
