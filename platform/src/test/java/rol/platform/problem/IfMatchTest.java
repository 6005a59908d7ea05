package rol.platform.problem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of If-Match header, well-formed and not, as every service reads it. */
class IfMatchTest {

    @Test
    void absentOrStarMeansNoPrecondition() {
        assertTrue(IfMatch.parse(null).matches(7));
        assertTrue(IfMatch.parse("*").matches(7));
        assertTrue(IfMatch.parse(" * ").matches(0));
    }

    @Test
    void aTagMatchesItsVersionOnly() {
        IfMatch m = IfMatch.parse("\"3\"");
        assertTrue(m.matches(3));
        assertFalse(m.matches(4));
        assertFalse(m.matches(2));
    }

    @Test
    void aWeakTagCountsAsItsVersion() {
        assertTrue(IfMatch.parse("W/\"3\"").matches(3));
        assertFalse(IfMatch.parse("W/\"3\"").matches(4));
    }

    @Test
    void aListMatchesAnyOfItsVersions() {
        IfMatch m = IfMatch.parse("\"1\", W/\"3\" ,\"5\"");
        assertTrue(m.matches(1));
        assertTrue(m.matches(3));
        assertTrue(m.matches(5));
        assertFalse(m.matches(2));
    }

    @Test
    void aStaleVersionIs412OfTheServicesKind() {
        ProblemException e = assertThrows(ProblemException.class, () -> IfMatch.parse("\"2\"").require(3, "http-412"));
        assertEquals(412, e.problem().status());
        assertEquals(Problems.TYPE_PREFIX + "http-412", e.problem().type());
        IfMatch.parse("\"3\"").require(3, "http-412");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
            "",                        // empty
            "   ",                     // blank
            "3",                       // missing quotes
            "\"3",                     // one quote missing
            "3\"",
            "W/3",                     // a weak tag without quotes
            "w/\"3\"",                 // the weak prefix is W/, upper case
            "W/ \"3\"",
            "\"abc\"",                 // garbage inside quotes
            "abc",                     // garbage
            "\"\"",                    // an empty tag is no version
            "\"-1\"",
            "\"3.0\"",
            "\"1234567890123456789\"", // more digits than a version has
            "\"1\",,\"2\"",            // a list with a hole
            "\"1\",",                  // a list ending in a comma
            "\"1\" \"2\"",             // a list without its comma
            "*, \"1\"",                // a star is the whole header or nothing
            "\"1\"; \"2\"",
    })
    void aMalformedHeaderIs400InChinese(String header) {
        ProblemException e = assertThrows(ProblemException.class, () -> IfMatch.parse(header));
        Problem p = e.problem();
        assertEquals(400, p.status());
        assertEquals(Problems.TYPE_PREFIX + "if-match-malformed", p.type());
        assertEquals("版本标记格式不正确", p.title());
        assertTrue(p.detail().contains("If-Match") && p.detail().contains("刷新"), p.detail());
        assertTrue(p.detail().contains("“" + header + "”"), p.detail());
    }

    @Test
    void aLongMalformedHeaderIsShownShortened() {
        String header = "x".repeat(500);
        Problem p = assertThrows(ProblemException.class, () -> IfMatch.parse(header)).problem();
        assertTrue(p.detail().contains("x".repeat(60) + "…"), p.detail());
        assertFalse(p.detail().contains("x".repeat(61)), p.detail());
    }
}
