package org.tsoinspector.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.tsoinspector.model.BadInputException;

class ScenarioTest {

    @Test
    void everyShippedSampleParses() throws Exception {
        for (String name : SampleLibrary.NAMES) {
            Scenario sc = SampleLibrary.scenario(name);
            assertEquals(name, sc.name());
            assertFalse(sc.description().isEmpty());
        }
        assertEquals(Geometry.SUBSTRIP96, SampleLibrary.scenario("bright-substrip96").run().geometry());
        assertEquals(Geometry.FULL, SampleLibrary.scenario("small-full-frame").run().geometry());
    }

    @Test
    void theDefaultIsWasp43bInSubstrip256WithSixGroups() throws Exception {
        Scenario sc = SampleLibrary.scenario(SampleLibrary.DEFAULT_SAMPLE);
        assertEquals(Geometry.SUBSTRIP256, sc.run().geometry());
        assertEquals(6, sc.run().nGroups());
        assertEquals(0.81347753, sc.transit().period(), 0);
        assertEquals(0.159, sc.transit().radiusRatio(), 0);
        assertEquals(4.87, sc.transit().semiMajorAxis(), 0);
        assertEquals(82.33, sc.transit().inclination(), 0);
        assertEquals(1.61, sc.detector().gain(), 0);
        assertEquals(EnumSet.allOf(Effect.class), sc.detector().effects());
        assertTrue(sc.transit().injected());
        // segments of about 250 MB, so the first run shows segment 1 early; one below the flight limit of 2 GB
        // when asked
        assertEquals(260_000_000L, sc.run().maxSegmentBytes());
        Scenario oneSegment = sc.withIntegrations(171).withMaxSegmentBytes(Scenario.DEFAULT_MAX_SEGMENT_BYTES);
        assertEquals(171, oneSegment.run().nInts());
        assertEquals(Scenario.DEFAULT_MAX_SEGMENT_BYTES, oneSegment.run().maxSegmentBytes());
        assertEquals(sc.run().seed(), oneSegment.run().seed());
        long perIntegration = new ExposureSimulator(sc.withIntegrations(1)).integrationBytes();
        int perSegment = (int) (260_000_000L / perIntegration); // about 7.3 MB each: 35
        assertEquals((171 + perSegment - 1) / perSegment, new ExposureSimulator(sc.withIntegrations(171)).segmentCount());
        assertEquals(1, new ExposureSimulator(oneSegment).segmentCount(), "1.08 GB fits one segment");
    }

    @Test
    void eachWitherChangesOnlyTheRun() throws Exception {
        Scenario sc = SampleLibrary.scenario("bright-substrip96");
        Scenario changed = sc.withSeed(7).withIntegrations(3).withMaxSegmentBytes(1_000_000);
        assertEquals(new Scenario.Run(sc.run().geometry(), 3, sc.run().nGroups(), sc.run().zeroFrame(), 7, 1_000_000,
                sc.run().subarrayReferences(), sc.run().exposureStartMjd()), changed.run());
        assertEquals(sc.name(), changed.name());
        assertEquals(sc.description(), changed.description());
        assertSame(sc.target(), changed.target());
        assertSame(sc.transit(), changed.transit());
        assertSame(sc.detector(), changed.detector());
    }

    @Test
    void effectsSwitchOffAndOn() throws Exception {
        Scenario off = Scenario.parse("t", new StringReader("effects.off = cosmic_rays, one_over_f"), "t");
        assertFalse(off.detector().has(Effect.COSMIC_RAYS));
        assertFalse(off.detector().has(Effect.ONE_OVER_F));
        assertTrue(off.detector().has(Effect.BIAS));
        Scenario only = Scenario.parse("t", new StringReader("effects.only = bias read_noise"), "t");
        assertEquals(EnumSet.of(Effect.BIAS, Effect.READ_NOISE), only.detector().effects());
    }

    @Test
    void mistakesNameTheFileAndTheKey() {
        BadInputException typo = assertThrows(BadInputException.class,
                () -> Scenario.parse("t", new StringReader("ngroup = 6"), "my.properties"));
        assertEquals("my.properties: unknown scenario key 'ngroup'", typo.getMessage());
        BadInputException number = assertThrows(BadInputException.class,
                () -> Scenario.parse("t", new StringReader("nints = many"), "my.properties"));
        assertEquals("my.properties: nints = 'many' is not a whole number", number.getMessage());
        BadInputException effect = assertThrows(BadInputException.class,
                () -> Scenario.parse("t", new StringReader("effects.off = flat"), "my.properties"));
        assertTrue(effect.getMessage().startsWith("my.properties: unknown effect 'flat'"));
        BadInputException missing = assertThrows(BadInputException.class, () -> SampleLibrary.scenario("nosuch"));
        assertTrue(missing.getMessage().startsWith("nosuch: no such scenario file or sample"));
    }
}
