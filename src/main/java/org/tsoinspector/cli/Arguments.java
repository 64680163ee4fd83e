package org.tsoinspector.cli;

import java.util.List;

/** Reading option values from a command's arguments, with the same usage errors in every command. */
final class Arguments {

    private Arguments() {
    }

    /** The value after the option at {@code i}; a missing value (or another option instead) is a usage error. */
    static String value(List<String> args, int i) throws UsageException {
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
            throw new UsageException(args.get(i) + " needs a value");
        }
        return args.get(i + 1);
    }

    static int integer(String option, String v) throws UsageException {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw notWhole(option, v);
        }
    }

    static long longInteger(String option, String v) throws UsageException {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw notWhole(option, v);
        }
    }

    private static UsageException notWhole(String option, String v) {
        return new UsageException(option + " needs a whole number, not '" + v + "'");
    }
}
