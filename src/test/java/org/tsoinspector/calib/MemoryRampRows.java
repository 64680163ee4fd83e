package org.tsoinspector.calib;

import java.util.List;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.RampRows;

/** A segment's integrations held in memory, read by rows as jump reads them. */
record MemoryRampRows(List<Ramp> ramps) implements RampRows {

    static MemoryRampRows of(List<Ramp> ramps) {
        return new MemoryRampRows(ramps);
    }

    /** Per (integration, group): DO_NOT_USE in every pixel. */
    static boolean[] wholeFrameDnu(List<Ramp> ramps) {
        Ramp r0 = ramps.get(0);
        boolean[] out = new boolean[ramps.size() * r0.nGroups()];
        for (int i = 0; i < ramps.size(); i++) {
            Ramp r = ramps.get(i);
            for (int g = 0; g < r.nGroups(); g++) {
                boolean all = true;
                for (int p = 0; p < r.framePixels() && all; p++) {
                    all = (r.groupDq()[g * r.framePixels() + p] & DqFlag.DO_NOT_USE.value()) != 0;
                }
                out[i * r.nGroups() + g] = all;
            }
        }
        return out;
    }

    @Override
    public int nInts() {
        return ramps.size();
    }

    @Override
    public int nGroups() {
        return ramps.get(0).nGroups();
    }

    @Override
    public int ny() {
        return ramps.get(0).ny();
    }

    @Override
    public int nx() {
        return ramps.get(0).nx();
    }

    @Override
    public void read(int i, int y0, int y1, float[] data, byte[] groupDq, int off) {
        Ramp r = ramps.get(i);
        int len = (y1 - y0) * r.nx();
        for (int g = 0; g < r.nGroups(); g++) {
            int from = r.index(g, y0, 0);
            System.arraycopy(r.data(), from, data, off + g * len, len);
            System.arraycopy(r.groupDq(), from, groupDq, off + g * len, len);
        }
    }

    @Override
    public boolean hasZeroFrame() {
        return ramps.get(0).zeroFrame() != null;
    }

    @Override
    public void readZeroFrame(int i, int y0, int y1, float[] zeroFrame, int off) {
        Ramp r = ramps.get(i);
        System.arraycopy(r.zeroFrame(), y0 * r.nx(), zeroFrame, off, (y1 - y0) * r.nx());
    }
}
