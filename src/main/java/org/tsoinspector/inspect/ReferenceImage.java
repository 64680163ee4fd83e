package org.tsoinspector.inspect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tsoinspector.analysis.PixelMask;
import org.tsoinspector.fits.ReferenceFiles;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.DarkReference;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.LinearityReference;
import org.tsoinspector.model.StepName;
import org.tsoinspector.model.SubarrayWindow;
import org.tsoinspector.render.FrameRenderer;
import org.tsoinspector.render.MaskOverlay;

/**
 * A reference file cut to the exposure's window, as images: the saturation thresholds, the
 * superbias, each linearity coefficient, or the mask's special pixels (as the notebook looks at the
 * saturation reference). Row-major ny x nx planes with their names.
 */
public record ReferenceImage(String fileName, String what, int ny, int nx, List<String> planeNames, List<float[]> planes) {

    public static ReferenceImage read(StepName step, Path file, ExposureMetadata md) throws Exception {
        int ny = md.ny();
        int nx = md.nx();
        String name = file.getFileName().toString();
        return switch (step) {
            case SATURATION -> new ReferenceImage(name, "saturation threshold (DN)", ny, nx, List.of("threshold"),
                    List.of(ReferenceFiles.readSaturation(file, md).threshold()));
            case SUPERBIAS -> new ReferenceImage(name, "superbias (DN)", ny, nx, List.of("bias"),
                    List.of(ReferenceFiles.readSuperbias(file, md).bias()));
            case DQ_INIT -> new ReferenceImage(name, "mask: special pixels (DQ not 0, not reference)", ny, nx,
                    List.of("special"), List.of(MaskOverlay.asFrame(
                            PixelMask.special(ReferenceFiles.readMask(file, md).dq(), ny, nx))));
            case LINEARITY -> linearity(name, ReferenceFiles.readLinearity(file, md), ny, nx);
            case DARK_CURRENT -> dark(name, ReferenceFiles.readDark(file, md), ny, nx);
            case JUMP -> new ReferenceImage(name, "gain (e-/DN)", ny, nx, List.of("gain"),
                    List.of(ReferenceFiles.readGain(file, md).values()));
            case RAMP_FIT -> new ReferenceImage(name, "read noise (DN)", ny, nx, List.of("read noise"),
                    List.of(ReferenceFiles.readReadNoise(file, md).values()));
            default -> throw new BadInputException(name, step.id() + " has no reference file");
        };
    }

    /** The DARK's frames, one plane per group, as the step subtracts them (averaged to the exposure's NFRAMES). */
    private static ReferenceImage dark(String name, DarkReference ref, int ny, int nx) {
        List<String> names = new ArrayList<>();
        List<float[]> planes = new ArrayList<>();
        int n = ny * nx;
        for (int g = 0; g < ref.groups(); g++) {
            names.add("group " + (g + 1));
            planes.add(java.util.Arrays.copyOfRange(ref.frames(), g * n, (g + 1) * n));
        }
        return new ReferenceImage(name, "dark (DN)", ny, nx, names, planes);
    }

    private static ReferenceImage linearity(String name, LinearityReference ref, int ny, int nx) {
        List<String> names = new ArrayList<>();
        List<float[]> planes = new ArrayList<>();
        int n = ny * nx;
        for (int k = 0; k < ref.nCoeffs(); k++) {
            names.add("coefficient " + k);
            float[] p = new float[n];
            System.arraycopy(ref.coeffs(), k * n, p, 0, n);
            planes.add(p);
        }
        return new ReferenceImage(name, "linearity coefficients", ny, nx, names, planes);
    }

    /** One plane as a FITS image that names the reference file and the plane. */
    public FitsImage fitsImage(int plane, ExposureMetadata md) {
        return new FitsImage(planes.get(plane), ny, nx, FitsImage.describe("reference", fileName, md, 0, 0, "",
                what + ": " + planeNames.get(plane), List.of(), null));
    }

    /** One plane drawn with the display settings. */
    public FrameAnswer.Picture picture(int plane, DisplaySettings display) {
        float[] values = planes.get(plane);
        FrameRenderer r = display.rendererFor(values);
        return new FrameAnswer.Picture(r.render(values, ny, nx), new ColorScale(r), Map.of(), Map.of(), "");
    }

    /** The read-out of pixel p on one plane: positions in the window and on the full frame, the value. */
    public String readout(int plane, PixelPosition p, SubarrayWindow window) {
        float v = planes.get(plane)[p.y() * nx + p.x()];
        return "x " + p.x() + "  y " + p.y() + "  (full frame x " + (window.x0() + p.x()) + "  y "
                + (window.y0() + p.y()) + ")   " + planeNames.get(plane) + " " + PixelReadout.formatValue(v);
    }
}
