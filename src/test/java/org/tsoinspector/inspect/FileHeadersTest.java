package org.tsoinspector.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The header viewer's content: every HDU of a file, titled by name, shape and type, searchable. */
class FileHeadersTest {

    @Test
    void everyHduOfASegmentIsListedWithItsCardsAndTheSearchFindsThem() throws Exception {
        FileHeaders h = FileHeaders.read(InspectionTest.vector("soss96", "_uncal.fits"));
        assertEquals("soss96_uncal.fits", h.file());
        List<String> titles = h.hdus().stream().map(FileHeaders.HduHeader::title).toList();
        assertEquals("0 PRIMARY: no data", titles.get(0));
        assertTrue(titles.contains("1 SCI: IMAGE 2 x 3 x 96 x 2048 uint16"), titles.toString());
        assertTrue(titles.stream().anyMatch(t -> t.startsWith("") && t.contains("INT_TIMES: BINTABLE 2 rows")),
                titles.toString());
        FileHeaders.HduHeader primary = h.hdus().get(0);
        List<String> nints = primary.matching("nints");
        assertEquals(1, nints.size(), nints.toString());
        assertTrue(nints.get(0).startsWith("NINTS   =                    2"), nints.get(0));
        assertEquals(primary.cards(), primary.matching("  "), "a blank search shows every card");
        assertTrue(primary.matching("no card holds this").isEmpty());
    }

    @Test
    void aReferenceFileGzippedReadsToo() throws Exception {
        FileHeaders h = FileHeaders.read(InspectionTest.vector("soss96", "_mask.fits.gz"));
        assertTrue(h.hdus().get(0).matching("REFTYPE").get(0).contains("'MASK"), h.hdus().get(0).cards().toString());
        assertTrue(h.hdus().stream().anyMatch(x -> x.title().contains("DQ_DEF: BINTABLE")));
    }
}
