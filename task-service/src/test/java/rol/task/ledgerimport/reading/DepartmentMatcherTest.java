package rol.task.ledgerimport.reading;

import org.junit.jupiter.api.Test;
import rol.task.suggestion.DepartmentDirectory;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DepartmentMatcherTest {

    private final DepartmentMatcher matcher = new DepartmentMatcher(DepartmentDirectory.forDistrict("licheng"));

    @Test
    void theNamesOfficesWriteResolveExactly() {
        for (String name : List.of("区司法局", "司法局", "鲤城区司法局", "泉州市鲤城区司法局")) {
            DepartmentMatch m = matcher.match(name);
            assertEquals(DepartmentMatch.Kind.EXACT, m.kind(), name);
            assertEquals("judicial-bureau", m.departmentId(), name);
        }
        assertEquals("rule-of-law-office", matcher.match("区委依法治区办").departmentId());
        assertEquals("market-regulation", matcher.match("市监局").departmentId());
    }

    @Test
    void aSubUnitStandsForItsUnit() {
        assertEquals("judicial-bureau", matcher.match("行政复议科").departmentId());
    }

    @Test
    void aLooseNameIsTakenWithAWarningWhenOneUnitIsClearlyClosest() {
        DepartmentMatch m = matcher.match("区公安局");
        assertEquals(DepartmentMatch.Kind.FUZZY, m.kind());
        assertEquals("public-security", m.departmentId());
        assertFalse(m.candidates().isEmpty());
    }

    @Test
    void anUnknownNameIsNotGuessed() {
        DepartmentMatch m = matcher.match("区法制办");
        assertNull(m.departmentId());
        assertTrue(m.kind() == DepartmentMatch.Kind.UNKNOWN || m.kind() == DepartmentMatch.Kind.UNSURE);
    }

    @Test
    void aNameNotCloseEnoughOffersTheCandidates() {
        DepartmentMatch m = matcher.match("区委社会部");
        assertEquals(DepartmentMatch.Kind.UNSURE, m.kind(), m.toString());
        assertNull(m.departmentId());
        assertEquals("social-work-department", m.candidates().get(0).departmentId(), m.toString());
    }

    @Test
    void aCellWithSeveralNamesGivesEach() {
        List<DepartmentMatch> all = matcher.matchAll("区发改局、区财政局，区司法局和区公安分局");
        assertEquals(List.of("development-reform", "finance", "judicial-bureau", "public-security"),
                all.stream().map(DepartmentMatch::departmentId).toList());
    }
}
