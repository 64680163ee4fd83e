package org.tsoinspector.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsoinspector.fits.FitsFile;
import org.tsoinspector.fits.FitsRampFile;
import org.tsoinspector.fits.VectorEdits;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.StepName;

/**
 * Spec 10.3-10.6 through the real command: N/A references skip their step, references that do not name
 * their instrument are used with a note, FASTAXIS/SLOWAXIS/NOUTPUTS matter to refpix only, and
 * detectors and readouts the steps do not implement are refused in one sentence.
 */
class ReferenceRulesTest {

    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path vector(String suffix) {
        String p = System.getProperty("tso.testdata");
        assumeTrue(p != null, "needs -Dtso.testdata");
        return Path.of(p, "detector1", "soss96", "soss96" + suffix);
    }

    private static byte[] raw() throws Exception {
        return Files.readAllBytes(vector("_uncal.fits"));
    }

    private static byte[] gunzipped(Path gz) throws Exception {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    /** The segment, edited, alone in a folder with the vectors' references in refs/ beside it. */
    private Path segment(String name, byte[] bytes) throws Exception {
        Path d = Files.createDirectories(dir.resolve(name));
        Path refs = Files.createDirectories(d.resolve("refs"));
        for (String t : List.of("mask", "saturation", "superbias", "linearity")) {
            Files.copy(vector("_" + t + ".fits.gz"), refs.resolve("soss96_" + t + ".fits.gz"));
        }
        return Files.write(d.resolve(name + "_uncal.fits"), bytes);
    }

    private static String status(Path product, StepName step) throws Exception {
        try (FitsFile f = FitsFile.open(product)) {
            return f.primary().header().string(step.statusKeyword(), "(absent)").trim();
        }
    }

    private static Ramp first(Path product) throws Exception {
        try (FitsRampFile f = FitsRampFile.open(product)) {
            return f.readIntegration(0);
        }
    }

    @Test
    void aReferenceGivenAsNotApplicableSkipsItsStepAndThePipelineGoesOn() throws Exception {
        String[] option = {"--mask", "--saturation", "--superbias", "--linearity"};
        StepName[] steps = {StepName.DQ_INIT, StepName.SATURATION, StepName.SUPERBIAS, StepName.LINEARITY};
        for (int k = 0; k < steps.length; k++) {
            Path seg = segment("na" + k, raw());
            Path out = Files.createDirectory(seg.getParent().resolve("out"));
            Result r = run("calibrate", seg.toString(), option[k], "N/A", "--save-each", "--out", out.toString());
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().contains("note: " + steps[k].id() + ": its reference is N/A: skipped"), r.out());
            List<Path> products = new ArrayList<>();
            for (StepName s : StepName.DEFAULT_STEPS) {
                products.add(out.resolve("na" + k + "_" + s.productSuffix() + ".fits"));
            }
            Path skipped = products.get(steps[k].ordinal());
            assertEquals("SKIPPED", status(skipped, steps[k]), steps[k].id());
            for (StepName s : StepName.DEFAULT_STEPS) {
                String expected = s == steps[k] ? "SKIPPED" : "COMPLETE";
                assertEquals(expected, status(products.get(4), s), "linearity product, " + s.id());
            }
            if (k > 0) {
                // the skipped step changed nothing: its product equals the one before it
                Ramp before = first(products.get(steps[k].ordinal() - 1));
                Ramp after = first(skipped);
                assertArrayEquals(before.data(), after.data(), steps[k].id());
                assertArrayEquals(before.groupDq(), after.groupDq(), steps[k].id());
            } else {
                try (FitsRampFile f = FitsRampFile.open(skipped)) {
                    assertArrayEquals(new int[96 * 2048], f.pixelDq(), "no mask: no pixel flags");
                }
            }
        }
    }

    @Test
    void anExplicitReferenceThatNamesNoInstrumentIsUsedWithANote() throws Exception {
        byte[] mask = VectorEdits.withoutCard(VectorEdits.withoutCard(gunzipped(vector("_mask.fits.gz")), "",
                "INSTRUME"), "", "DETECTOR");
        Path file = Files.write(dir.resolve("anonymous_mask.fits"), mask);
        Path seg = segment("anon", raw());
        Path out = Files.createDirectory(seg.getParent().resolve("out"));
        Result r = run("calibrate", seg.toString(), "--steps", "dq_init", "--mask", file.toString(), "--out",
                out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("note: dq_init: anonymous_mask.fits states no INSTRUME: used as given"), r.out());
        Path expected = vector("_dqinitstep.fits.gz");
        try (FitsRampFile a = FitsRampFile.open(out.resolve("anon_dqinitstep.fits"));
                FitsRampFile b = FitsRampFile.open(expected)) {
            assertArrayEquals(b.pixelDq(), a.pixelDq(), "the same flags as the reference pipeline's product");
        }
        byte[] other = VectorEdits.withCard(gunzipped(vector("_mask.fits.gz")), "", "INSTRUME", "'NIRCAM  '");
        Path nircam = Files.write(dir.resolve("nircam_mask.fits"), other);
        Result refused = run("calibrate", seg.toString(), "--steps", "dq_init", "--mask", nircam.toString(), "--out",
                out.toString());
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("is a reference file for NIRCAM detector NIS, but the exposure is NIRISS"),
                refused.err());
    }

    @Test
    void onlyRefpixNeedsTheReadoutKeywordsAndNoOutputsMeansOne() throws Exception {
        Path noOutputs = segment("noout", VectorEdits.withoutCard(raw(), "", "NOUTPUTS"));
        Path out = Files.createDirectory(noOutputs.getParent().resolve("out"));
        assertEquals(0, run("calibrate", noOutputs.toString(), "--out", out.toString()).exit());
        try (FitsRampFile a = FitsRampFile.open(out.resolve("noout_linearitystep.fits"));
                FitsRampFile b = FitsRampFile.open(vector("_linearitystep.fits.gz"))) {
            assertArrayEquals(b.readIntegration(1).data(), a.readIntegration(1).data(), "single output, as NOUTPUTS=1");
        }
        Path noAxes = segment("noaxes", VectorEdits.withoutCard(VectorEdits.withoutCard(raw(), "", "FASTAXIS"), "",
                "SLOWAXIS"));
        Path out2 = Files.createDirectory(noAxes.getParent().resolve("out"));
        Result refpix = run("calibrate", noAxes.toString(), "--out", out2.toString());
        assertEquals(1, refpix.exit());
        assertEquals("error: " + noAxes.getFileName() + ": has no FASTAXIS and SLOWAXIS keywords, which refpix needs to find the"
                + " detector's columns and outputs (switch refpix off: --skip refpix)\n", refpix.err());
        Result others = run("calibrate", noAxes.toString(), "--skip", "refpix", "--out", out2.toString());
        assertEquals(0, others.exit(), others.err());
        assertTrue(Files.exists(out2.resolve("noaxes_linearitystep.fits")));
        assertTrue(run("info", noAxes.toString()).out().contains("FASTAXIS (none), SLOWAXIS (none)"));
    }

    @Test
    void miriIrs2AndOtherInstrumentsAreRefusedInOneSentenceNamingWhatIsUnsupported() throws Exception {
        Path miri = segment("miri", VectorEdits.withCard(raw(), "", "INSTRUME", "'MIRI    '"));
        Result m = run("calibrate", miri.toString(), "--out", dir.toString());
        assertEquals(1, m.exit());
        assertEquals("error: " + miri + ": is a MIRI exposure: MIRI's own algorithms (its refpix, and emicorr,"
                + " firstframe, lastframe, reset and rscd) are not implemented; this tool calibrates NIRISS, NIRCam,"
                + " NIRSpec and FGS ramps\n", m.err());
        Path irs2 = segment("irs2", VectorEdits.withCard(VectorEdits.withCard(raw(), "", "INSTRUME", "'NIRSPEC '"),
                "", "READPATT", "'NRSIRS2 '"));
        Result i = run("calibrate", irs2.toString(), "--steps", "refpix", "--out", dir.toString());
        assertEquals(1, i.exit());
        assertEquals("error: " + irs2 + ": is read out with IRS2 (READPATT NRSIRS2): the IRS2 reference-pixel"
                + " correction is not implemented\n", i.err());
        Path stripes = segment("stripes", VectorEdits.withCard(raw(), "", "SUBARRAY", "'SUB204STRIPE_SOSS'"));
        Result st = run("calibrate", stripes.toString(), "--out", dir.toString());
        assertEquals(1, st.exit());
        assertTrue(st.err().endsWith(": is a multistripe (superstripe) subarray (SUBARRAY SUB204STRIPE_SOSS): its stripe"
                + " reconstruction is not implemented\n"), st.err());
        Path hst = segment("wfc3", VectorEdits.withCard(raw(), "", "INSTRUME", "'WFC3    '"));
        Result w = run("plot", "frame", hst.toString(), "--after", "refpix", "--out", dir.resolve("x.png").toString());
        assertEquals(1, w.exit());
        assertTrue(w.err().endsWith(": is a WFC3 exposure: only NIRISS, NIRCam, NIRSpec and FGS ramps are calibrated"
                + " here\n"), w.err());
        assertEquals(0, run("plot", "frame", miri.toString(), "--after", "raw", "--out",
                dir.resolve("raw.png").toString()).exit(), "the raw ramp of any instrument can still be looked at");
    }
}
