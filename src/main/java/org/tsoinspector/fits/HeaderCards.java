package org.tsoinspector.fits;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCard;
import nom.tam.fits.HeaderCardException;

/**
 * The cards of one FITS header in the order they are to be written, with their comments. Cards are
 * formatted by nom-tam-fits (so long strings, quoting and number formats follow the standard); the
 * order is ours, which nom-tam's own Header does not guarantee for the structural keywords.
 */
public final class HeaderCards {

    /** Keywords that describe the data unit's structure; the writer derives them, copies never carry them. */
    private static final Set<String> STRUCTURAL = Set.of("SIMPLE", "XTENSION", "BITPIX", "NAXIS", "EXTEND",
            "PCOUNT", "GCOUNT", "TFIELDS", "END");

    private final List<HeaderCard> cards = new ArrayList<>();

    private HeaderCards() {
    }

    /** An empty list, for cards to be appended after the structural ones of a data unit. */
    public static HeaderCards empty() {
        return new HeaderCards();
    }

    /** The start of a primary header without data (SIMPLE, BITPIX=8, NAXIS=0, EXTEND), like every JWST file. */
    public static HeaderCards primary() {
        return new HeaderCards()
                .add("SIMPLE", true, "conforms to FITS standard")
                .add("BITPIX", 8, "array data type")
                .add("NAXIS", 0, "number of array dimensions")
                .add("EXTEND", true, null);
    }

    /**
     * The start of an IMAGE extension.
     *
     * @param axes sizes in FITS order (NAXIS1 = fastest varying = x first)
     */
    public static HeaderCards image(Bitpix bitpix, long... axes) {
        HeaderCards h = new HeaderCards()
                .add("XTENSION", "IMAGE", "Image extension")
                .add("BITPIX", bitpix.code(), "array data type")
                .add("NAXIS", axes.length, "number of array dimensions");
        for (int i = 0; i < axes.length; i++) {
            h.add("NAXIS" + (i + 1), axes[i], null);
        }
        return h.add("PCOUNT", 0, "number of parameters").add("GCOUNT", 1, "number of groups");
    }

    /** The start of a BINTABLE extension with these columns and rows (TTYPEn/TFORMn/TUNITn/TZEROn included). */
    public static HeaderCards binaryTable(List<TableColumn> columns, long rows) {
        long rowBytes = 0;
        for (TableColumn c : columns) {
            rowBytes += c.bytes();
        }
        HeaderCards h = new HeaderCards()
                .add("XTENSION", "BINTABLE", "binary table extension")
                .add("BITPIX", 8, "array data type")
                .add("NAXIS", 2, "number of array dimensions")
                .add("NAXIS1", rowBytes, "length of dimension 1")
                .add("NAXIS2", rows, "length of dimension 2")
                .add("PCOUNT", 0, "number of group parameters")
                .add("GCOUNT", 1, "number of groups")
                .add("TFIELDS", columns.size(), "number of table fields");
        for (int i = 0; i < columns.size(); i++) {
            TableColumn c = columns.get(i);
            int n = i + 1;
            h.add("TTYPE" + n, c.name(), null);
            h.add("TFORM" + n, c.tform(), null);
            if (c.type().tzero() != 0) {
                h.add("TZERO" + n, c.type().tzero(), null);
            }
            if (c.unit() != null && !c.unit().isEmpty()) {
                h.add("TUNIT" + n, c.unit(), null);
            }
        }
        return h;
    }

    /**
     * The non-structural cards of an existing header, in their order (for a product that keeps its
     * input's primary header, or a template of keyword names and order).
     */
    public static HeaderCards copyOf(Header header) {
        HeaderCards h = new HeaderCards();
        for (Iterator<HeaderCard> it = header.iterator(); it.hasNext(); ) {
            HeaderCard c = it.next();
            String key = c.getKey();
            if (key == null || STRUCTURAL.contains(key) || key.matches("NAXIS\\d+")) {
                continue;
            }
            h.cards.add(c.copy());
        }
        return h;
    }

    /**
     * Cards from text, one 80-column card image per line (shorter lines are blank-padded, an empty
     * line is a blank card); used for header templates kept as resources.
     */
    public static HeaderCards parse(String text) {
        HeaderCards h = new HeaderCards();
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty() && h.cards.isEmpty()) {
                continue;
            }
            h.cards.add(HeaderCard.create(String.format(Locale.ROOT, "%-80s", line)));
        }
        while (!h.cards.isEmpty() && h.cards.get(h.cards.size() - 1).isBlank()) {
            h.cards.remove(h.cards.size() - 1);
        }
        return h;
    }

    private HeaderCards put(HeaderCard card) {
        int at = indexOf(card.getKey());
        if (at >= 0 && card.isKeyValuePair()) {
            cards.set(at, card);
        } else {
            cards.add(card);
        }
        return this;
    }

    /** Adds (or, when the keyword is already present, replaces in place) a string-valued card. */
    public HeaderCards add(String key, String value, String comment) {
        try {
            return put(new HeaderCard(key, value, comment));
        } catch (HeaderCardException e) {
            throw new IllegalArgumentException("bad FITS card " + key + ": " + e.getMessage(), e);
        }
    }

    /** Adds (or replaces in place) an integer card. */
    public HeaderCards add(String key, long value, String comment) {
        try {
            return put(new HeaderCard(key, value, comment));
        } catch (HeaderCardException e) {
            throw new IllegalArgumentException("bad FITS card " + key + ": " + e.getMessage(), e);
        }
    }

    /** Adds (or replaces in place) a real-valued card; NaN and infinities are not representable in FITS. */
    public HeaderCards add(String key, double value, String comment) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("FITS card " + key + " cannot hold " + value);
        }
        try {
            return put(new HeaderCard(key, value, comment));
        } catch (HeaderCardException e) {
            throw new IllegalArgumentException("bad FITS card " + key + ": " + e.getMessage(), e);
        }
    }

    /** Adds (or replaces in place) a logical card. */
    public HeaderCards add(String key, boolean value, String comment) {
        try {
            return put(new HeaderCard(key, value, comment));
        } catch (HeaderCardException e) {
            throw new IllegalArgumentException("bad FITS card " + key + ": " + e.getMessage(), e);
        }
    }

    /** A blank-keyword title line, as JWST headers use between keyword groups ("Exposure parameters"). */
    public HeaderCards section(String title) {
        try {
            cards.add(HeaderCard.createUnkeyedCommentCard(title));
            return this;
        } catch (HeaderCardException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** HISTORY text, wrapped at word boundaries over as many cards as it needs. */
    public HeaderCards history(String text) {
        int width = HeaderCard.MAX_COMMENT_CARD_COMMENT_LENGTH;
        String rest = text.strip();
        try {
            while (!rest.isEmpty()) {
                int cut = rest.length() <= width ? rest.length() : rest.lastIndexOf(' ', width);
                if (cut <= 0) {
                    cut = Math.min(width, rest.length());
                }
                cards.add(HeaderCard.createHistoryCard(rest.substring(0, cut)));
                rest = rest.substring(cut).strip();
            }
            return this;
        } catch (HeaderCardException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Appends all cards of another list (replacing same-named keywords in place). */
    public HeaderCards addAll(HeaderCards other) {
        for (HeaderCard c : other.cards) {
            put(c.copy());
        }
        return this;
    }

    /** Removes a keyword if present. */
    public HeaderCards remove(String key) {
        int at = indexOf(key);
        if (at >= 0) {
            cards.remove(at);
        }
        return this;
    }

    private int indexOf(String key) {
        String k = key.toUpperCase(Locale.ROOT);
        for (int i = 0; i < cards.size(); i++) {
            HeaderCard c = cards.get(i);
            if (c.isKeyValuePair() && k.equals(c.getKey())) {
                return i;
            }
        }
        return -1;
    }

    public boolean contains(String key) {
        return indexOf(key) >= 0;
    }

    /** The value of a keyword as written (strings without quotes), or null when absent. */
    public String value(String key) {
        int at = indexOf(key);
        return at < 0 ? null : cards.get(at).getValue();
    }

    /** An integer keyword's value, empty when absent. */
    public OptionalLong longValue(String key) {
        int at = indexOf(key);
        return at < 0 ? OptionalLong.empty() : OptionalLong.of(cards.get(at).getValue(Long.class, 0L));
    }

    /** A real keyword's value, empty when absent. */
    public OptionalDouble doubleValue(String key) {
        int at = indexOf(key);
        return at < 0 ? OptionalDouble.empty() : OptionalDouble.of(cards.get(at).getValue(Double.class, 0.0));
    }

    /** Keywords in order (commentary cards included, with their own keys: "" , COMMENT, HISTORY). */
    public List<String> keys() {
        List<String> keys = new ArrayList<>(cards.size());
        for (HeaderCard c : cards) {
            keys.add(c.getKey());
        }
        return Collections.unmodifiableList(keys);
    }

    public int size() {
        return cards.size();
    }

    /**
     * The header as written: 80-character cards (a long string may take several), END, blanks to a
     * multiple of 2880 bytes.
     */
    public byte[] encode() {
        StringBuilder sb = new StringBuilder(cards.size() * 80 + 2880);
        for (HeaderCard c : cards) {
            sb.append(c.toString());
        }
        sb.append(String.format(Locale.ROOT, "%-80s", "END"));
        int pad = (int) (FitsStreamWriter.padding(sb.length()));
        sb.append(" ".repeat(pad));
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
