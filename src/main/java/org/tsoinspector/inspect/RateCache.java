package org.tsoinspector.inspect;

import java.io.IOException;
import java.util.List;
import org.tsoinspector.calib.SegmentRateModel;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.CancelledException;

/**
 * The rate models (jump flags, ramp_fit's median rates, the spill file) of one open exposure, for the
 * step configuration they were made with: one configuration at a time, so a changed step setting
 * drops the old models (and their spill files) when the new ones are made.
 */
final class RateCache implements AutoCloseable {

    /** Makes the models of every segment, first segment first. */
    @FunctionalInterface
    interface Maker {
        List<SegmentRateModel> make() throws IOException, BadInputException, CancelledException;
    }

    private StepConfiguration key;
    private List<SegmentRateModel> models;

    /** The models made with this configuration: the cached ones, or made now (a cancel caches nothing). */
    synchronized List<SegmentRateModel> models(StepConfiguration configuration, Maker maker)
            throws IOException, BadInputException, CancelledException {
        if (models != null && configuration.equals(key)) {
            return models;
        }
        close();
        models = maker.make();
        key = configuration;
        return models;
    }

    /** The models of this configuration if they exist, else null (nothing is made). */
    synchronized List<SegmentRateModel> ifReady(StepConfiguration configuration) {
        return ready(configuration) ? models : null;
    }

    /** True when the models of this configuration exist (the window then shows rates without asking). */
    synchronized boolean ready(StepConfiguration configuration) {
        return models != null && configuration.equals(key);
    }

    @Override
    public synchronized void close() throws IOException {
        IOException first = null;
        if (models != null) {
            for (SegmentRateModel m : models) {
                try {
                    m.close();
                } catch (IOException e) {
                    first = first == null ? e : first;
                }
            }
        }
        models = null;
        key = null;
        if (first != null) {
            throw first;
        }
    }
}
