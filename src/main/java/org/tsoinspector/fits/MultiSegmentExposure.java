package org.tsoinspector.fits;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.IntegrationTimes;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.RampSource;

/**
 * Several segments of one exposure as one {@link RampSource}: sorted by EXSEGNUM, checked to belong
 * together (same instrument, detector, geometry, groups, steps, and integrations that follow on),
 * with integrations numbered across the segments.
 */
public final class MultiSegmentExposure implements RampSource {

    private final List<RampSource> segments;
    private final int[] firstIndex;
    private final ExposureMetadata metadata;
    private final IntegrationTimes times;

    /** Takes ownership of the segments (closing this closes them). */
    public MultiSegmentExposure(List<? extends RampSource> parts) throws BadInputException {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no segments");
        }
        List<RampSource> sorted = new ArrayList<>(parts);
        sorted.sort(Comparator.comparingInt((RampSource s) -> s.metadata().segmentNumber())
                .thenComparingInt(s -> s.metadata().intStart()));
        ExposureMetadata first = sorted.get(0).metadata();
        firstIndex = new int[sorted.size()];
        int count = 0;
        for (int k = 0; k < sorted.size(); k++) {
            RampSource s = sorted.get(k);
            ExposureMetadata m = s.metadata();
            if (k > 0) {
                RampSource prev = sorted.get(k - 1);
                checkSameExposure(first, sorted.get(0).name(), m, s.name());
                if (m.segmentNumber() == prev.metadata().segmentNumber()) {
                    throw new BadInputException(s.name(), "has the same segment number (EXSEGNUM = "
                            + m.segmentNumber() + ") as " + prev.name());
                }
                if (m.intStart() != prev.metadata().intEnd() + 1) {
                    throw new BadInputException(s.name(), "starts at integration " + m.intStart() + " but "
                            + prev.name() + " ends at " + prev.metadata().intEnd()
                            + " (segments must follow on without gaps or overlaps)");
                }
            }
            firstIndex[k] = count;
            count += s.integrationCount();
        }
        segments = List.copyOf(sorted);
        ExposureMetadata last = sorted.get(sorted.size() - 1).metadata();
        metadata = new ExposureMetadata(first.instrument(), first.detector(), first.exposureType(),
                first.subarrayName(), first.window(), first.orientation(), first.nOutputs(), first.nInts(),
                first.nGroups(), first.nFrames(), first.groupGap(), first.tFrame(), first.tGroup(),
                first.readPattern(), first.segmentNumber(), first.segmentTotal(), first.intStart(), last.intEnd(),
                first.dateObs(), first.hasZeroFrame(), first.completedSteps());
        times = mergedTimes(segments);
    }

    /** Opens these segment files (in any order) as one exposure; a single file works too. */
    public static MultiSegmentExposure open(List<Path> files) throws IOException, BadInputException {
        List<RampSource> opened = new ArrayList<>();
        try {
            for (Path p : files) {
                opened.add(FitsRampFile.open(p));
            }
            return new MultiSegmentExposure(opened);
        } catch (BadInputException | IOException | RuntimeException e) {
            for (RampSource s : opened) {
                s.close();
            }
            throw e;
        }
    }

    private static void checkSameExposure(ExposureMetadata a, String aName, ExposureMetadata b, String bName)
            throws BadInputException {
        String what = null;
        if (!a.instrument().equals(b.instrument()) || !a.detector().equals(b.detector())) {
            what = "instrument/detector " + b.instrument() + "/" + b.detector() + " vs " + a.instrument() + "/"
                    + a.detector();
        } else if (!a.exposureType().equals(b.exposureType())) {
            what = "exposure type " + b.exposureType() + " vs " + a.exposureType();
        } else if (!a.window().equals(b.window())) {
            what = "window " + b.window() + " vs " + a.window();
        } else if (a.nGroups() != b.nGroups() || a.nFrames() != b.nFrames() || a.nInts() != b.nInts()) {
            what = "NGROUPS/NFRAMES/NINTS " + b.nGroups() + "/" + b.nFrames() + "/" + b.nInts() + " vs "
                    + a.nGroups() + "/" + a.nFrames() + "/" + a.nInts();
        } else if (a.nOutputs() != b.nOutputs() || !java.util.Objects.equals(a.orientation(), b.orientation())) {
            what = "readout (NOUTPUTS, FASTAXIS, SLOWAXIS)";
        } else if (a.segmentTotal() != b.segmentTotal()) {
            what = "EXSEGTOT " + b.segmentTotal() + " vs " + a.segmentTotal();
        } else if (!a.completedSteps().equals(b.completedSteps())) {
            what = "completed steps " + b.completedSteps() + " vs " + a.completedSteps();
        } else if (a.hasZeroFrame() != b.hasZeroFrame()) {
            what = "ZEROFRAME present in one only";
        }
        if (what != null) {
            throw new BadInputException(bName, "is not a segment of the same exposure as " + aName + ": " + what);
        }
    }

    private static IntegrationTimes mergedTimes(List<RampSource> segments) {
        // Segments may each hold their own rows or all rows of the exposure: keep one row per integration.
        TreeMap<Integer, double[]> rows = new TreeMap<>();
        for (RampSource s : segments) {
            IntegrationTimes t = s.integrationTimes();
            if (t == null) {
                continue;
            }
            for (int r = 0; r < t.size(); r++) {
                rows.putIfAbsent(t.integrationNumber()[r], new double[] {t.startMjdUtc()[r], t.midMjdUtc()[r],
                    t.endMjdUtc()[r], t.startBjdTdb()[r], t.midBjdTdb()[r], t.endBjdTdb()[r]});
            }
        }
        if (rows.isEmpty()) {
            return null;
        }
        int n = rows.size();
        int[] number = new int[n];
        double[][] cols = new double[6][n];
        int r = 0;
        for (var e : rows.entrySet()) {
            number[r] = e.getKey();
            for (int c = 0; c < 6; c++) {
                cols[c][r] = e.getValue()[c];
            }
            r++;
        }
        return new IntegrationTimes(number, cols[0], cols[1], cols[2], cols[3], cols[4], cols[5]);
    }

    /** The segments in EXSEGNUM order. */
    public List<RampSource> segments() {
        return segments;
    }

    @Override
    public String name() {
        String first = segments.get(0).name();
        return segments.size() == 1 ? first : first + " (+" + (segments.size() - 1) + " more segments)";
    }

    @Override
    public ExposureMetadata metadata() {
        return metadata;
    }

    @Override
    public int integrationCount() {
        return metadata.intEnd() - metadata.intStart() + 1;
    }

    private int segmentOf(int i) {
        Objects.checkIndex(i, integrationCount());
        int k = segments.size() - 1;
        while (firstIndex[k] > i) {
            k--;
        }
        return k;
    }

    @Override
    public Ramp readIntegration(int i) throws IOException {
        int k = segmentOf(i);
        return segments.get(k).readIntegration(i - firstIndex[k]);
    }

    @Override
    public float[] readGroup(int i, int group) throws IOException {
        int k = segmentOf(i);
        return segments.get(k).readGroup(i - firstIndex[k], group);
    }

    /** The first segment's pixel DQ (all segments of a product carry the same). */
    @Override
    public int[] pixelDq() throws IOException {
        return segments.get(0).pixelDq();
    }

    @Override
    public IntegrationTimes integrationTimes() {
        return times;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (RampSource s : segments) {
            try {
                s.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
