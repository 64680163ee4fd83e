package org.tsoinspector.inspect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tsoinspector.fits.FitsFile;
import org.tsoinspector.fits.Hdu;
import org.tsoinspector.model.BadInputException;

/**
 * The FITS headers of one file, HDU by HDU, as the header viewer shows them (DS9's File > Header):
 * each card as its 80 characters, searchable.
 *
 * @param file the file's name
 */
public record FileHeaders(String file, List<HduHeader> hdus) {

    /**
     * One HDU's header.
     *
     * @param title "1 SCI: IMAGE 190 x 6 x 256 x 2048 uint16", "0 PRIMARY: no data"
     */
    public record HduHeader(String title, List<String> cards) {

        /** The cards that contain {@code text} (any case); all of them for a blank text. */
        public List<String> matching(String text) {
            String q = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            if (q.isEmpty()) {
                return cards;
            }
            List<String> out = new ArrayList<>();
            for (String c : cards) {
                if (c.toLowerCase(Locale.ROOT).contains(q)) {
                    out.add(c);
                }
            }
            return out;
        }
    }

    public FileHeaders {
        hdus = List.copyOf(hdus);
    }

    /** Reads every header of a file (.fits.gz through the decompression cache); runs off the UI thread. */
    public static FileHeaders read(Path file) throws IOException, BadInputException {
        List<HduHeader> out = new ArrayList<>();
        try (FitsFile f = FitsFile.open(file)) {
            for (Hdu h : f.hdus()) {
                boolean table = h.type().endsWith("TABLE");
                String shape = h.elementCount() == 0 ? "no data"
                        : table ? h.type() + " " + h.axes()[1] + " rows"
                        : h.type() + " " + h.shapeText() + " " + h.dataTypeText();
                out.add(new HduHeader(h.index() + " " + (h.name().isEmpty() ? "(no EXTNAME)" : h.name()) + ": "
                        + shape, h.header().cards()));
            }
        }
        return new FileHeaders(file.getFileName().toString(), out);
    }
}
