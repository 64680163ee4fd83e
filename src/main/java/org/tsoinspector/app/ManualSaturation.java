package org.tsoinspector.app;

import java.util.List;
import org.tsoinspector.calib.IntegrationPass;
import org.tsoinspector.calib.PreparedStep;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.StepName;

/**
 * The user's hand-made saturation flags as a step that runs right after saturation: it ORs SATURATED
 * into the marked groups, so superbias, refpix and linearity see them exactly as they see flags the
 * saturation step set (linearity leaves them uncorrected). Changes no sample and no pixel DQ.
 */
final class ManualSaturation implements PreparedStep {

    private final List<SaturationMark> marks;
    private final int[] pixelDq;

    /** @param pixelDq the pixel DQ it receives, passed on unchanged */
    ManualSaturation(List<SaturationMark> marks, int[] pixelDq) {
        this.marks = List.copyOf(marks);
        this.pixelDq = pixelDq;
    }

    /** Counted as part of saturation: its flags are saturation flags. */
    @Override
    public StepName name() {
        return StepName.SATURATION;
    }

    @Override
    public int[] pixelDq() {
        return pixelDq;
    }

    @Override
    public String status() {
        return "COMPLETE";
    }

    @Override
    public IntegrationPass open(Ramp ramp) {
        byte[] dq = ramp.groupDq();
        byte sat = (byte) DqFlag.SATURATED.value();
        int nx = ramp.nx();
        return (g, frame, from, to) -> {
            for (SaturationMark m : marks) {
                if (!m.appliesTo(ramp.integration()) || g < m.fromGroup()) {
                    continue;
                }
                for (int y = Math.max(from / nx, m.y0()); y <= Math.min(to / nx - 1, m.y1()); y++) {
                    for (int x = Math.max(0, m.x0()); x <= Math.min(ramp.nx() - 1, m.x1()); x++) {
                        dq[ramp.index(g, y, x)] |= sat;
                    }
                }
            }
        };
    }
}
