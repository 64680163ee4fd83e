package org.tsoinspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The app image's launcher starts the window with the options of the window's own JVM, no more, no fewer. */
class DistProfileTest {

    @Test
    void theLauncherJavaOptionsAreTheWindowJvmOptions() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<arg value=\"--java-options\"/><arg value=\"([^\"]+)\"/>").matcher(pom);
        List<String> options = new ArrayList<>();
        while (m.find()) {
            options.add(m.group(1));
        }
        assertEquals(WindowJvm.OPTIONS, options);
    }
}
