package org.tsoinspector.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsoinspector.analysis.PixelMask;
import org.tsoinspector.analysis.Profile;
import org.tsoinspector.analysis.RampFit;
import org.tsoinspector.analysis.Staged;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.Ramp;

class PlotTablesTest {

    @TempDir
    Path dir;

    @Test
    void profileTableHoldsValuesAndMedianSubtractedValues() throws Exception {
        float[] a = {1, 2, 30};
        float[] b = {4, 5, 6};
        DataTable t = PlotTables.profiles(List.of(new Staged<>("before", Profile.column(a, 3, 1, 0)),
                new Staged<>("after", Profile.column(b, 3, 1, 0))));
        assertEquals(List.of("row_pixel_index", "before", "before - median", "after", "after - median"),
                t.columnNames());
        assertEquals("pixel", t.columns().get(0).unit());
        assertEquals("'DN'", t.columns().get(1).unit());
        assertEquals("30", t.cell(2, 1));
        assertEquals("28", t.cell(2, 2));
        assertEquals("-1", t.cell(0, 4));
        Path csv = dir.resolve("p.csv");
        t.write(csv);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("row_pixel_index,before,before - median,after,after - median", lines.get(0));
        assertEquals("0,1,-1,4,-1", lines.get(1));
        assertEquals(4, lines.size());
    }

    @Test
    void rampTableNamesFlagsAndFitUse() {
        Ramp r = Ramp.zeros(0, 3, 1, 1, false);
        r.data()[0] = 0;
        r.data()[1] = 10;
        r.data()[2] = 15;
        r.groupDq()[2] = (byte) (DqFlag.SATURATED.value() | DqFlag.DO_NOT_USE.value());
        DataTable t = PlotTables.ramps(List.of(new Staged<>("raw", RampFit.of(r, 0, 0, true))));
        assertEquals(3, t.rowCount());
        assertEquals("DO_NOT_USE+SATURATED", t.cell(2, 6));
        assertEquals("false", t.cell(2, 7));
        assertEquals("10", t.cell(0, 8)); // slope through the first two groups
        assertEquals("-5", t.cell(2, 4)); // 15 - (10 * 3 - 10)
    }

    @Test
    void frameTableHasARowPerPixelInRowOrder() throws Exception {
        float[] frame = {1.5f, Float.NaN, 3, -4, 5, 6}; // 2 rows of 3
        DataTable t = PlotTables.frame(frame, 2, 3, "'DN'/s");
        assertEquals(6, t.rowCount());
        assertEquals(List.of("row", "column", "value"), t.columnNames());
        assertEquals("'DN'/s", t.columns().get(2).unit());
        assertEquals(1, t.value(3, 0));
        assertEquals(0, t.value(3, 1));
        assertEquals(-4.0, t.value(3, 2));
        Path csv = dir.resolve("f.csv");
        t.write(csv);
        assertEquals(List.of("row,column,value", "0,0,1.5", "0,1,nan", "0,2,3", "1,0,-4", "1,1,5", "1,2,6"),
                Files.readAllLines(csv, StandardCharsets.UTF_8));
    }

    @Test
    void maskTableListsTheSetPixels() {
        PixelMask m = new PixelMask("m", 2, 3, new boolean[] {false, true, false, true, false, true});
        DataTable t = PlotTables.mask(m);
        assertEquals(3, t.rowCount());
        assertEquals("0,1", t.cell(0, 0) + "," + t.cell(0, 1));
        assertEquals("1,0", t.cell(1, 0) + "," + t.cell(1, 1));
        assertEquals("1,2", t.cell(2, 0) + "," + t.cell(2, 1));
    }
}
