package org.tsoinspector.fits;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One FITS header: its 80-character cards in file order (END excluded) and the value of each
 * keyword, parsed the way the FITS standard writes them (quoted strings with '' escapes, T/F,
 * integers, reals with E or D exponents).
 */
public final class FitsHeader {

    public static final int CARD_LENGTH = 80;
    public static final int BLOCK_SIZE = 2880;
    public static final int CARDS_PER_BLOCK = BLOCK_SIZE / CARD_LENGTH;

    private final List<String> cards;
    private final Map<String, String> values = new LinkedHashMap<>();

    /** A header made of these cards (each at most 80 characters; no END card). */
    public FitsHeader(List<String> cards) {
        this.cards = List.copyOf(cards);
        for (String card : this.cards) {
            String key = keywordOf(card);
            if (card.length() > 9 && card.charAt(8) == '=' && card.charAt(9) == ' ' && !values.containsKey(key)) {
                values.put(key, valueField(card));
            }
        }
    }

    /** Parses the cards of one 2880-byte block and reports whether it held the END card. */
    static boolean parseBlock(byte[] block, List<String> into) {
        for (int c = 0; c < CARDS_PER_BLOCK; c++) {
            String card = new String(block, c * CARD_LENGTH, CARD_LENGTH, StandardCharsets.US_ASCII);
            if (keywordOf(card).equals("END")) {
                return true;
            }
            into.add(stripTrailing(card));
        }
        return false;
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }

    static String keywordOf(String card) {
        return card.substring(0, Math.min(8, card.length())).trim().toUpperCase(Locale.ROOT);
    }

    /** The raw value field of a value card: everything after "= " up to the comment slash (outside quotes). */
    private static String valueField(String card) {
        String rest = card.substring(10);
        String trimmed = rest.stripLeading();
        if (trimmed.startsWith("'")) {
            StringBuilder sb = new StringBuilder();
            int i = 1;
            while (i < trimmed.length()) {
                char ch = trimmed.charAt(i);
                if (ch == '\'') {
                    if (i + 1 < trimmed.length() && trimmed.charAt(i + 1) == '\'') {
                        sb.append('\'');
                        i += 2;
                        continue;
                    }
                    break;
                }
                sb.append(ch);
                i++;
            }
            // Leading blanks in a string are significant, trailing ones are not (FITS 4.2.1).
            return "'" + stripTrailing(sb.toString());
        }
        int slash = trimmed.indexOf('/');
        return (slash >= 0 ? trimmed.substring(0, slash) : trimmed).trim();
    }

    /** The cards in file order, without END; each as written (trailing blanks removed). */
    public List<String> cards() {
        return Collections.unmodifiableList(cards);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** A string value (quotes removed), or the raw text of a non-string value; empty when absent. */
    public Optional<String> string(String key) {
        String v = values.get(key);
        if (v == null || v.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(v.startsWith("'") ? v.substring(1) : v);
    }

    public String string(String key, String fallback) {
        return string(key).orElse(fallback);
    }

    /** An integer value; empty when absent; a HeaderValueException when it is not an integer. */
    public Optional<Long> integer(String key) {
        String v = values.get(key);
        if (v == null || v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(v.startsWith("+") ? v.substring(1) : v));
        } catch (NumberFormatException e) {
            // Some writers put integral values as reals ("2.0"); accept those, reject anything else.
            double d = real(key).orElseThrow();
            if (d == Math.rint(d) && Math.abs(d) < 9.0e15) {
                return Optional.of((long) d);
            }
            throw new HeaderValueException(key, v, "an integer");
        }
    }

    public long integer(String key, long fallback) {
        return integer(key).orElse(fallback);
    }

    /** A real value (E or D exponent); empty when absent. */
    public Optional<Double> real(String key) {
        String v = values.get(key);
        if (v == null || v.isEmpty()) {
            return Optional.empty();
        }
        if (v.startsWith("'")) {
            throw new HeaderValueException(key, v.substring(1), "a number");
        }
        try {
            return Optional.of(Double.parseDouble(v.replace('D', 'E').replace('d', 'e')));
        } catch (NumberFormatException e) {
            throw new HeaderValueException(key, v, "a number");
        }
    }

    public double real(String key, double fallback) {
        return real(key).orElse(fallback);
    }

    /** A logical value (T or F); empty when absent. */
    public Optional<Boolean> logical(String key) {
        String v = values.get(key);
        if (v == null || v.isEmpty()) {
            return Optional.empty();
        }
        if (v.equals("T")) {
            return Optional.of(true);
        }
        if (v.equals("F")) {
            return Optional.of(false);
        }
        throw new HeaderValueException(key, v, "T or F");
    }

    /** A keyword whose value does not have the type its meaning needs. */
    public static final class HeaderValueException extends IllegalArgumentException {
        public HeaderValueException(String key, String value, String expected) {
            super("keyword " + key + " = " + value + " is not " + expected);
        }
    }
}
