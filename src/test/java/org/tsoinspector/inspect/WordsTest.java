package org.tsoinspector.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void oneIsSingularEverythingElsePlural() {
        assertEquals("1 integration", Words.count(1, "integration"));
        assertEquals("0 integrations", Words.count(0, "integration"));
        assertEquals("190 integrations", Words.count(190, "integration"));
    }
}
