package org.tsoinspector.fits;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Modified Julian Dates (days since 1858-11-17T00:00) as the ISO strings JWST headers use. */
public final class Mjd {

    private static final LocalDateTime EPOCH = LocalDateTime.of(1858, 11, 17, 0, 0);
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private Mjd() {
    }

    /** The date-time of an MJD, rounded to the microsecond. */
    public static LocalDateTime toDateTime(double mjd) {
        long micros = Math.round(mjd * 86_400_000_000.0);
        return EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    /** "yyyy-MM-ddTHH:mm:ss.SSS", as DATE-BEG and group_end_time are written. */
    public static String toIso(double mjd) {
        return toDateTime(mjd).format(ISO_MILLIS);
    }

    /** The MJD of a date-time. */
    public static double of(LocalDateTime t) {
        return ChronoUnit.MICROS.between(EPOCH, t) / 86_400_000_000.0;
    }
}
