package org.tsoinspector.fits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsoinspector.model.DetectorOrientation;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.SubarrayWindow;

/** Choosing a reference file in a folder: type, instrument, detector, window cover, USEAFTER vs DATE-OBS. */
class ReferenceFinderTest {

    @TempDir
    Path dir;

    private static ExposureMetadata exposure(String dateObs) {
        return new ExposureMetadata("NIRISS", "NIS", "NIS_SOSS", "GENERIC", new SubarrayWindow(3, 3, 4, 4),
                new DetectorOrientation(-2, -1), 1, 1, 2, 1, 0, 1, 1, "NISRAPID", 1, 1, 1, 1, dateObs, false, Set.of());
    }

    private void mask(String name, String type, String instrument, int size, String useAfter) throws Exception {
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("INSTRUME", instrument);
        k.put("DETECTOR", "NIS");
        k.put("REFTYPE", type);
        k.put("SUBSTRT1", 1);
        k.put("SUBSTRT2", 1);
        k.put("SUBSIZE1", size);
        k.put("SUBSIZE2", size);
        k.put("USEAFTER", useAfter);
        String ext = type.equals("MASK") ? "DQ" : "SCI";
        Object data = type.equals("MASK") ? new int[size][size] : new float[size][size];
        TestFits.write(dir.resolve(name), TestFits.primary(k), TestFits.image(ext, data));
    }

    @Test
    void latestUseAfterNotAfterTheObservationWins() throws Exception {
        mask("a_mask.fits", "MASK", "NIRISS", 16, "2022-01-01T00:00:00");
        mask("b_mask.fits", "MASK", "NIRISS", 16, "2023-01-01T00:00:00");
        mask("c_mask.fits", "MASK", "NIRISS", 16, "2030-01-01T00:00:00");
        mask("d_small_mask.fits", "MASK", "NIRISS", 4, "2024-01-01T00:00:00"); // does not cover x,y 3..6
        mask("e_nircam_mask.fits", "MASK", "NIRCAM", 16, "2024-01-01T00:00:00");
        mask("f_saturation.fits", "SATURATION", "NIRISS", 16, "2024-01-01T00:00:00");
        Files.writeString(dir.resolve("g_junk.fits"), "not fits");
        ReferenceFinder finder = new ReferenceFinder(dir);
        assertEquals(Optional.of(dir.resolve("b_mask.fits")), finder.find("mask", exposure("2024-05-01T10:00:00")));
        assertEquals(Optional.of(dir.resolve("a_mask.fits")), finder.find("MASK", exposure("2022-06-30")));
        assertEquals(Optional.of(dir.resolve("c_mask.fits")), finder.find("MASK", exposure("")));
        assertEquals(Optional.of(dir.resolve("f_saturation.fits")), finder.find("SATURATION", exposure("2024-05-01")));
        assertEquals(Optional.empty(), finder.find("SUPERBIAS", exposure("2024-05-01")), "no superbias in the folder");
        assertEquals(Optional.empty(), finder.find("MASK", exposure("2021-01-01")));
    }

    @Test
    void sharedVectorFolderFindsItsOwnReferences() throws Exception {
        Path base = TestFits.testdata();
        org.junit.jupiter.api.Assumptions.assumeTrue(base != null && Files.isDirectory(base));
        Path folder = base.resolve("soss96");
        ExposureMetadata exp;
        try (FitsRampFile f = FitsRampFile.open(folder.resolve("soss96_uncal.fits"))) {
            exp = f.metadata();
        }
        ReferenceFinder finder = new ReferenceFinder(folder);
        for (String t : new String[] {"MASK", "SATURATION", "SUPERBIAS", "LINEARITY"}) {
            assertEquals(Optional.of(folder.resolve("soss96_" + t.toLowerCase() + ".fits.gz")), finder.find(t, exp));
        }
    }
}
