package org.tsoinspector.cli;

/** Bad command-line usage: an unknown option, a missing argument, a value that does not parse. */
public class UsageException extends Exception {

    public UsageException(String message) {
        super(message);
    }
}
