package org.tsoinspector.model;

/**
 * A problem the user can cause and fix: a bad or mismatched file, a missing reference. Its message
 * is one sentence "file: what is wrong", shown as is in the window and on the command line.
 */
public class BadInputException extends Exception {

    private final String file;
    private final String problem;

    public BadInputException(String file, String problem) {
        this(file, problem, null);
    }

    public BadInputException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    /** The file (or other input) at fault, as the user named it. */
    public String file() {
        return file;
    }

    /** What is wrong with it, without the file name. */
    public String problem() {
        return problem;
    }
}
