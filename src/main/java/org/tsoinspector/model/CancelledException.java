package org.tsoinspector.model;

/** Thrown by a job that stopped because its monitor asked it to; nothing partial is left behind. */
public class CancelledException extends Exception {

    public CancelledException() {
        super("cancelled");
    }
}
