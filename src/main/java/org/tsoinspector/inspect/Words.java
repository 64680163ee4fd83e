package org.tsoinspector.inspect;

/** The small words of messages, shared by the window and the command line. */
public final class Words {

    private Words() {
    }

    /** "1 integration", "190 integrations": a count with its noun in the right number. */
    public static String count(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }
}
