package org.tsoinspector.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.tsoinspector.fits.ReferenceFileWriter;
import org.tsoinspector.model.DetectorOrientation;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.DarkReference;
import org.tsoinspector.model.LinearityReference;
import org.tsoinspector.model.PixelValuesReference;
import org.tsoinspector.model.MaskReference;
import org.tsoinspector.model.ReferenceHeader;
import org.tsoinspector.model.SaturationReference;
import org.tsoinspector.model.SubarrayWindow;
import org.tsoinspector.model.SuperbiasReference;

/**
 * The fixed properties of the simulated full-frame detector, pixel by pixel (DMS orientation,
 * 2048 x 2048): bias, saturation threshold, linearity polynomial, dark current, quantum efficiency
 * and the bad-pixel classes. The same arrays are written as the MASK, SATURATION, SUPERBIAS and
 * LINEARITY reference files, so calibrating the simulated data with them undoes what was done.
 */
public final class DetectorModel {

    static final int N = SubarrayWindow.DETECTOR_SIZE;
    /** Linearity coefficients c0..c3 of {@code corrected = c0 + c1 d + c2 d^2 + c3 d^3}. */
    static final int N_COEFFS = 4;
    static final String USEAFTER = "2022-01-01T00:00:00";

    private static final int DO_NOT_USE = DqFlag.DO_NOT_USE.value();
    /** The pedestal without structure (also used, flat, when the BIAS effect is off). */
    static final double FLAT_BIAS = 13500;
    private static final double[] AMP_BIAS = {0, 260, -180, 120};

    private final DetectorOrientation orientation = Geometry.NIRISS;
    private final double wellDepth;
    final float[] bias = new float[N * N];
    final float[] threshold = new float[N * N];
    final int[] maskDq = new int[N * N];
    final int[] saturationDq = new int[N * N];
    final int[] superbiasDq = new int[N * N];
    final int[] linearityDq = new int[N * N];
    /** Coefficient-major, as in the LINEARITY file. */
    final float[] coeffs = new float[N_COEFFS * N * N];
    /** Dark current in DN/s. */
    final float[] dark = new float[N * N];
    /** Relative quantum efficiency: 0 for dead pixels. */
    final float[] qe = new float[N * N];

    /** Builds the detector of a scenario; the same seed gives the same detector. */
    public DetectorModel(Scenario sc) {
        this.wellDepth = sc.detector().wellDepth();
        SplittableRandom rng = new SplittableRandom(sc.run().seed() * 0x9E3779B97F4A7C15L + 1);
        boolean badPixels = sc.detector().has(Effect.BAD_PIXELS);
        boolean withBias = sc.detector().has(Effect.BIAS);
        double[] detColumnPattern = new double[N];
        double[] detRowPattern = new double[N];
        for (int i = 0; i < N; i++) {
            detColumnPattern[i] = 35 * rng.nextGaussian();
            detRowPattern[i] = 12 * rng.nextGaussian();
        }
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                int p = y * N + x;
                int r = orientation.detectorRow(y, x, N);
                int c = orientation.detectorColumn(y, x, N);
                double structure = AMP_BIAS[c / 512] + 700.0 * (r / (double) (N - 1) - 0.5)
                        + detColumnPattern[c] + detRowPattern[r] + (c % 2 == 0 ? 18 : -18) + 25 * rng.nextGaussian();
                double b = FLAT_BIAS + (withBias ? structure : 0);
                bias[p] = (float) b;
                boolean reference = Illumination.isReference(x) || Illumination.isReference(y);
                double well = wellDepth * (1 + 0.03 * rng.nextGaussian());
                double c2 = sc.detector().nonlinearity2() * (1 + 0.05 * rng.nextGaussian());
                double c3 = sc.detector().nonlinearity3() * (1 + 0.05 * rng.nextGaussian());
                double u = rng.nextDouble();
                double v = rng.nextDouble();
                dark[p] = (float) sc.detector().darkRate();
                qe[p] = 1f;
                if (reference) {
                    maskDq[p] = DqFlag.REFERENCE_PIXEL.value();
                    if (badPixels && u < 0.005) {
                        maskDq[p] |= DqFlag.BAD_REF_PIXEL.value() | DO_NOT_USE;
                    }
                    dark[p] = 0;
                    qe[p] = 0;
                    c2 = 0;
                    c3 = 0;
                } else if (badPixels) {
                    classify(p, u, v);
                }
                if (badPixels && v < 0.002 && !reference) {
                    well *= 0.6 + 0.2 * u; // weak pixels: a low full well
                }
                threshold[p] = (float) Math.min(65535.0, b + well);
                if (badPixels && v > 0.9999) {
                    threshold[p] = Float.NaN;
                    saturationDq[p] = DqFlag.NO_SAT_CHECK.value();
                }
                coeffs[p] = 0f;
                coeffs[N * N + p] = 1f;
                coeffs[2 * N * N + p] = (float) c2;
                coeffs[3 * N * N + p] = (float) c3;
                if (badPixels && u > 0.9999) {
                    coeffs[3 * N * N + p] = Float.NaN;
                } else if (badPixels && u > 0.9998) {
                    linearityDq[p] = DqFlag.NO_LIN_CORR.value() | DO_NOT_USE;
                }
                if (badPixels && v > 0.4 && v < 0.4001) {
                    superbiasDq[p] = DqFlag.UNRELIABLE_BIAS.value();
                }
            }
        }
    }

    /** Assigns dead, hot, warm and low-QE pixels (fractions of a real HgCdTe array, roughly). */
    private void classify(int p, double u, double v) {
        if (u < 0.0003) {
            maskDq[p] = DqFlag.DEAD.value() | DO_NOT_USE;
            qe[p] = 0;
            linearityDq[p] = DqFlag.NO_LIN_CORR.value() | DO_NOT_USE;
        } else if (u < 0.0008) {
            maskDq[p] = DqFlag.HOT.value() | DO_NOT_USE;
            dark[p] = (float) (20 + 180 * v);
        } else if (u < 0.0038) {
            maskDq[p] = DqFlag.WARM.value();
            dark[p] = (float) (0.5 + 2.5 * v);
        } else if (u < 0.0043) {
            maskDq[p] = DqFlag.LOW_QE.value();
            qe[p] = (float) (0.3 + 0.4 * v);
        }
    }

    public DetectorOrientation orientation() {
        return orientation;
    }

    /** Names of the reference files, e.g. {@code tsosim_niriss_mask_s43.fits}. */
    public static String referenceFileName(String type, long seed) {
        return "tsosim_niriss_" + type + "_s" + Long.toUnsignedString(seed) + ".fits";
    }

    /**
     * Writes MASK, SATURATION, SUPERBIAS and LINEARITY covering {@code window} (full frame by
     * default, or an exposure's subarray) into a folder and returns their paths.
     */
    public List<Path> writeReferenceFiles(Path dir, long seed, SubarrayWindow window, String subarrayName)
            throws IOException {
        Files.createDirectories(dir);
        ReferenceFileWriter w = new ReferenceFileWriter(orientation, "TSO Inspector simulator");
        Path mask = dir.resolve(referenceFileName("mask", seed));
        w.writeMask(mask, new MaskReference(header(mask, "mask", "Simulated bad-pixel mask", window, subarrayName),
                window, cut(maskDq, window)));
        Path sat = dir.resolve(referenceFileName("saturation", seed));
        w.writeSaturation(sat, new SaturationReference(header(sat, "saturation", "Simulated saturation thresholds",
                window, subarrayName), window, cut(threshold, window), cut(saturationDq, window)));
        Path sb = dir.resolve(referenceFileName("superbias", seed));
        float[] err = new float[window.pixelCount()];
        Arrays.fill(err, 4f);
        w.writeSuperbias(sb, new SuperbiasReference(header(sb, "superbias", "Simulated superbias", window,
                subarrayName), window, cut(bias, window), cut(superbiasDq, window)), err);
        Path lin = dir.resolve(referenceFileName("linearity", seed));
        float[] c = new float[N_COEFFS * window.pixelCount()];
        for (int k = 0; k < N_COEFFS; k++) {
            float[] plane = cut(Arrays.copyOfRange(coeffs, k * N * N, (k + 1) * N * N), window);
            System.arraycopy(plane, 0, c, k * plane.length, plane.length);
        }
        w.writeLinearity(lin, new LinearityReference(header(lin, "linearity", "Simulated linearity", window,
                subarrayName), window, N_COEFFS, c, cut(linearityDq, window)));
        return List.of(mask, sat, sb, lin);
    }

    /**
     * Writes DARK, GAIN and READNOISE for an exposure's window (the reference pipeline's dark_current
     * uses a DARK of the science array's shape only): the dark signal each group of this exposure holds
     * ({@code (g + 1) * TGROUP} seconds of the dark current, NFRAMES = 1), the gain in e-/DN and the noise
     * of a two-read difference, {@code sqrt 2} times the per-read noise.
     *
     * @param darkOn  whether the exposure holds dark signal (its DARK is zeros otherwise)
     * @param perRead the per-read noise in DN; gain e-/DN
     */
    public List<Path> writeRampReferenceFiles(Path dir, long seed, SubarrayWindow window, String subarrayName,
            int groups, double tGroup, boolean darkOn, double gain, double perRead) throws IOException {
        Files.createDirectories(dir);
        ReferenceFileWriter w = new ReferenceFileWriter(orientation, "TSO Inspector simulator");
        float[] rate = darkOn ? cut(dark, window) : new float[window.pixelCount()];
        int n = window.pixelCount();
        float[] frames = new float[groups * n];
        for (int g = 0; g < groups; g++) {
            for (int p = 0; p < n; p++) {
                frames[g * n + p] = (float) (rate[p] * tGroup * (g + 1));
            }
        }
        Path darkFile = dir.resolve(referenceFileName("dark", seed));
        w.writeDark(darkFile, new DarkReference(header(darkFile, "dark", "Simulated dark", window, subarrayName),
                groups, frames, new int[n], 1, 0, 0.0), window);
        Path gainFile = dir.resolve(referenceFileName("gain", seed));
        float[] g = new float[n];
        Arrays.fill(g, (float) gain);
        w.writePixelValues(gainFile, new PixelValuesReference(header(gainFile, "gain", "Simulated gain", window,
                subarrayName), g), window, "GainModel", "electrons/DN");
        Path noiseFile = dir.resolve(referenceFileName("readnoise", seed));
        float[] rn = new float[n];
        Arrays.fill(rn, (float) (perRead * Math.sqrt(2)));
        w.writePixelValues(noiseFile, new PixelValuesReference(header(noiseFile, "readnoise",
                "Simulated read noise of a two-read difference", window, subarrayName), rn), window,
                "ReadnoiseModel", "DN");
        return List.of(darkFile, gainFile, noiseFile);
    }

    private static float[] cut(float[] full, SubarrayWindow w) {
        float[] out = new float[w.pixelCount()];
        for (int y = 0; y < w.ySize(); y++) {
            System.arraycopy(full, (w.y0() + y) * N + w.x0(), out, y * w.xSize(), w.xSize());
        }
        return out;
    }

    private static int[] cut(int[] full, SubarrayWindow w) {
        int[] out = new int[w.pixelCount()];
        for (int y = 0; y < w.ySize(); y++) {
            System.arraycopy(full, (w.y0() + y) * N + w.x0(), out, y * w.xSize(), w.xSize());
        }
        return out;
    }

    private static ReferenceHeader header(Path file, String type, String description, SubarrayWindow window,
            String subarrayName) {
        return new ReferenceHeader(file.getFileName().toString(), type, "NIRISS", "NIS", subarrayName, window,
                USEAFTER, description);
    }
}
