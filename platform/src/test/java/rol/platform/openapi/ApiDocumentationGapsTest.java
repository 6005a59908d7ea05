package rol.platform.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import rol.testsupport.ApiDocumentation;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The check every service's ApiDocumentationTest runs, on documents made by hand. */
class ApiDocumentationGapsTest {

    private static final String PROBLEM = """
            {"description": "%s", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}""";

    private static JsonNode document(String operation) throws Exception {
        return new ObjectMapper().readTree("""
                {"tags": [{"name": "任务", "description": "督办任务"}],
                 "components": {"schemas": {"Problem": {}}},
                 "paths": {"/api/tasks": {"post": %s}, "/q/health": {"get": {}}}}""".formatted(operation));
    }

    @Test
    void aCompleteOperationHasNoGaps() throws Exception {
        JsonNode doc = document("""
                {"summary": "新建任务", "description": "区委依法治区办新建一项任务", "tags": ["任务"],
                 "security": [{"bearer": ["office"]}],
                 "requestBody": {"content": {"application/json": {"examples": {"一项任务": {"value": {}}}}}},
                 "responses": {"201": {"description": "成功"}, "400": %s}}""".formatted(PROBLEM.formatted("不符合要求")));
        assertEquals(List.of(), ApiDocumentation.gaps(doc));
    }

    @Test
    void everyGapIsNamed() throws Exception {
        JsonNode doc = document("""
                {"summary": "create", "tags": ["Task Resource"],
                 "requestBody": {"content": {"application/json": {"schema": {}}}},
                 "responses": {"200": {"description": "OK"}, "503": {"description": "Service Unavailable"}}}""");
        assertEquals(List.of(
                "POST /api/tasks: no summary in Chinese",
                "POST /api/tasks: no description in Chinese",
                "POST /api/tasks: tag Task Resource is not declared with a Chinese description",
                "POST /api/tasks: no example for application/json",
                "POST /api/tasks: answer 503 is not application/problem+json with the Problem schema",
                "POST /api/tasks: answer 503 has no Chinese description",
                "POST /api/tasks: no 4xx problem answer",
                "POST /api/tasks: no security requirement"), ApiDocumentation.gaps(doc));
    }

    @Test
    void anEmptyDocumentIsNotComplete() throws Exception {
        assertEquals(List.of("no shared Problem schema in components.schemas", "no /api operation at all"),
                ApiDocumentation.gaps(new ObjectMapper().readTree("{}")));
    }
}
