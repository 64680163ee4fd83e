package org.tsoinspector.inspect;

import java.util.EnumMap;
import java.util.Map;
import org.tsoinspector.render.Colormap;
import org.tsoinspector.render.OverlayColors;
import java.util.Set;
import org.tsoinspector.analysis.PixelMask;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.StepName;

/** The masks that can be drawn over a frame, each in its own colour. */
public enum OverlayKind {
    SPECIAL("Special pixels (DQ not 0, not reference)", 0xFF3030),
    FLAGS("Chosen DQ flags", 0xFFB000),
    SATURATED("SATURATED in shown group", 0xFF00FF),
    REFERENCE("Reference pixels", 0x00D0FF),
    JUMP("JUMP_DET found by jump, shown group", 0x40FF40);

    private final String label;
    private final int rgb;

    OverlayKind(String label, int rgb) {
        this.label = label;
        this.rgb = rgb;
    }

    public String label() {
        return label;
    }

    /** The overlay's own colour, 0xRRGGBB (drawn in another where the colormap holds one like it). */
    public int rgb() {
        return rgb;
    }

    /** The colour of every overlay over a frame in this colormap: each distinct from the map and the others. */
    public static Map<OverlayKind, Integer> colorsOver(Colormap map) {
        OverlayKind[] kinds = values();
        int[] preferred = new int[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            preferred[i] = kinds[i].rgb;
        }
        int[] chosen = OverlayColors.choose(map, preferred);
        Map<OverlayKind, Integer> out = new EnumMap<>(OverlayKind.class);
        for (int i = 0; i < kinds.length; i++) {
            out.put(kinds[i], chosen[i]);
        }
        return out;
    }

    /**
     * Why this overlay draws nothing on a frame of this stage, for the view to say instead of staying
     * silently empty: the stage comes before the step that sets its flags, or the frame has none.
     */
    public String whyEmpty(StageFrame f) {
        if (this == JUMP && f.jumps() == null) {
            return label() + ": jumps come from the jump step; switch on jump and ramp_fit, then Compute in the Rate tab";
        }
        StepName setBy = this == SATURATED ? StepName.SATURATION : this == FLAGS ? null : StepName.DQ_INIT;
        if (setBy != null && f.stage().order() < setBy.ordinal()) {
            return label() + ": these flags come from " + setBy.id() + "; choose a stage after " + setBy.id();
        }
        return label() + ": none in this frame";
    }

    /**
     * The mask of this overlay on a frame. For FLAGS a pixel is set when its pixel DQ, or its group DQ
     * in the shown group, has any of the chosen flags.
     */
    public PixelMask mask(StageFrame f, Set<DqFlag> chosen) {
        int ny = f.ny();
        int nx = f.nx();
        return switch (this) {
            case SPECIAL -> PixelMask.special(f.pixelDq(), ny, nx);
            case SATURATED -> PixelMask.saturated(f.ramp(), f.group());
            case REFERENCE -> PixelMask.withPixelFlags(f.pixelDq(), ny, nx, DqFlag.REFERENCE_PIXEL);
            case FLAGS -> chosenFlags(f, chosen);
            case JUMP -> jumps(f);
        };
    }

    private static PixelMask jumps(StageFrame f) {
        boolean[] set = new boolean[f.ny() * f.nx()];
        if (f.jumps() != null) {
            for (int p = 0; p < set.length; p++) {
                set[p] = f.jumps()[p] != 0;
            }
        }
        return new PixelMask("jumps", f.ny(), f.nx(), set);
    }

    private static PixelMask chosenFlags(StageFrame f, Set<DqFlag> chosen) {
        PixelMask pixel = PixelMask.withPixelFlags(f.pixelDq(), f.ny(), f.nx(), chosen.toArray(new DqFlag[0]));
        boolean[] set = pixel.set();
        for (DqFlag flag : chosen) {
            if (flag.isGroupFlag()) {
                boolean[] g = PixelMask.withGroupFlag(f.ramp(), f.group(), flag).set();
                for (int i = 0; i < set.length; i++) {
                    set[i] |= g[i];
                }
            }
        }
        return pixel;
    }
}
