package rol.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What Jackson refuses becomes a 400 naming the field where Jackson tells us which one. No service body has an enum
 * member today; this covers the kind for when one does.
 */
class JsonProblemsTest {

    enum Colour { RED, GREEN }

    record Light(Colour colour, LocalDate since, List<Integer> counts) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private static Problem answer(String body) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> JSON.readValue(body, Light.class));
        Response r = new ProblemMappers().json(e, null);
        assertEquals(Problem.MEDIA_TYPE, r.getMediaType().toString());
        return (Problem) r.getEntity();
    }

    @Test
    void anUnknownEnumValueNamesTheField() {
        Problem p = answer("{\"colour\": \"PURPLE\"}");
        assertEquals(400, p.status());
        assertEquals("colour", p.errors().get(0).field());
        assertTrue(p.errors().get(0).message().contains("“colour”"), p.errors().get(0).message());
    }

    @Test
    void anImpossibleDateNamesTheField() {
        assertEquals("since", answer("{\"since\": \"2026-13-45\"}").errors().get(0).field());
    }

    @Test
    void aWrongTypeInsideAListNamesTheElement() {
        assertEquals("counts[1]", answer("{\"counts\": [1, \"many\"]}").errors().get(0).field());
    }

    @Test
    void brokenJsonSaysWhereAndNamesNoField() {
        Problem p = answer("{\"colour\": ");
        assertEquals(Problems.TYPE_PREFIX + "malformed-json", p.type());
        assertTrue(p.errors().isEmpty());
        assertTrue(p.detail().contains("第 1 行"), p.detail());
    }
}
