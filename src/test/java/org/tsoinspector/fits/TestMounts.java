package org.tsoinspector.fits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Folders that fail the way users' disks do, for tests: a tiny tmpfs that fills up, a folder this
 * process cannot write in. Mounting needs root; without it the factories return null (skip the test).
 */
public final class TestMounts {

    private TestMounts() {
    }

    /** Runs a command, true when it exits 0. */
    static boolean run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A tmpfs of a given size mounted on a folder (root only), unmounted on close. */
    public record SmallDisk(Path folder) implements AutoCloseable {

        /** The mounted disk, or null when this process may not mount. */
        public static SmallDisk mount(Path folder, String size) {
            return run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", folder.toString())
                    ? new SmallDisk(folder) : null;
        }

        @Override
        public void close() {
            run("umount", folder.toString());
        }
    }

    /**
     * A folder this process cannot write in: by permissions for a normal user; for root (whom
     * permissions do not stop) by a read-only tmpfs over it.
     */
    public record ReadOnlyFolder(Path folder, boolean mounted) implements AutoCloseable {

        /** The read-only folder, or null when neither way works here. */
        public static ReadOnlyFolder make(Path folder) throws IOException {
            folder.toFile().setWritable(false, false);
            if (!Files.isWritable(folder)) {
                return new ReadOnlyFolder(folder, false);
            }
            folder.toFile().setWritable(true, false);
            return run("mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", folder.toString())
                    ? new ReadOnlyFolder(folder, true) : null;
        }

        @Override
        public void close() {
            if (mounted) {
                run("umount", folder.toString());
            } else {
                folder.toFile().setWritable(true, false);
            }
        }
    }
}
