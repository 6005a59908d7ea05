package rol.platform.problem;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AllowedMethodsTest {

    private final AllowedMethods allowed = new AllowedMethods(List.of(
            new AllowedMethods.Route("GET", AllowedMethods.join("/api/tasks", null)),
            new AllowedMethods.Route("GET", AllowedMethods.join("/api/tasks", "/{id}")),
            new AllowedMethods.Route("PATCH", AllowedMethods.join("/api/tasks/", "{id}")),
            new AllowedMethods.Route("POST", AllowedMethods.join("/api/tasks", "/{id}/progress")),
            new AllowedMethods.Route("GET", AllowedMethods.join("/api/tasks", "/{id}/evidence/{fileId}")),
            new AllowedMethods.Route("PUT", AllowedMethods.join("/api/items", "/{n: [0-9]{1,3}}"))));

    @Test
    void aPathTakesTheMethodsOfEveryTemplateItMatches() {
        assertEquals(Set.of("GET", "HEAD", "PATCH", "OPTIONS"), allowed.forPath("/api/tasks/0b6f-uuid"));
        assertEquals(Set.of("GET", "HEAD", "OPTIONS"), allowed.forPath("/api/tasks/"));
        assertEquals(Set.of("POST", "OPTIONS"), allowed.forPath("api/tasks/x/progress"));
        assertEquals(Set.of("GET", "HEAD", "OPTIONS"), allowed.forPath("/api/tasks/x/evidence/y"));
    }

    @Test
    void aParameterMatchesOneSegmentOrItsOwnRegex() {
        assertEquals(Set.of(), allowed.forPath("/api/tasks/x/y"));
        assertEquals(Set.of("PUT", "OPTIONS"), allowed.forPath("/api/items/123"));
        assertEquals(Set.of(), allowed.forPath("/api/items/1234"));
        assertEquals(Set.of(), allowed.forPath("/api/items/abc"));
    }

    @Test
    void literalPartsAreNotRegex() {
        AllowedMethods dotted = new AllowedMethods(List.of(new AllowedMethods.Route("GET", "/api/ledger.xlsx")));
        assertEquals(Set.of(), dotted.forPath("/api/ledgerXxlsx"));
        assertEquals(Set.of("GET", "HEAD", "OPTIONS"), dotted.forPath("/api/ledger.xlsx"));
    }
}
