package org.tsoinspector.model;

/**
 * Receives progress of a long job and tells it whether to stop. Jobs call {@link #checkCancelled()}
 * between units of work (an integration, a group) so cancel takes effect promptly.
 */
public interface ProgressMonitor {

    /** A monitor that ignores progress and never cancels. */
    ProgressMonitor NONE = new ProgressMonitor() {
        @Override
        public void progress(long done, long total, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    void progress(long done, long total, String message);

    boolean isCancelled();

    /**
     * This monitor as part {@code index} (from 0) of {@code count} like parts of a longer job, such as
     * one segment of an exposure: the progress given spans the whole job, and each message starts with
     * which part it is ("segment 2 of 5: ..."). Cancel is this monitor's.
     */
    default ProgressMonitor part(int index, int count, String partName) {
        if (count <= 1) {
            return this;
        }
        ProgressMonitor whole = this;
        return new ProgressMonitor() {
            @Override
            public void progress(long done, long total, String message) {
                double fraction = total <= 0 ? 0 : Math.min(1, (double) done / total);
                whole.progress(Math.round((index + fraction) * PART_UNITS), (long) count * PART_UNITS,
                        partName + " " + (index + 1) + " of " + count + ": " + message);
            }

            @Override
            public boolean isCancelled() {
                return whole.isCancelled();
            }
        };
    }

    /** Progress units of one part: fine enough for a bar of any width. */
    long PART_UNITS = 1000;

    default void checkCancelled() throws CancelledException {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }
}
