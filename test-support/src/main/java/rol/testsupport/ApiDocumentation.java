package rol.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the OpenAPI document a service generates must say about every {@code /api} operation, so that its Swagger UI
 * explains the API without the source: a Chinese summary and description, a tag declared with a description, an
 * example for a request body, at least one 4xx problem answer, every 4xx/5xx answer in the shared {@code Problem}
 * schema, and a security requirement.
 */
public final class ApiDocumentation {

    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    private ApiDocumentation() {
    }

    /**
     * Fetches the running service's {@code /q/openapi}, fails naming every gap, and returns the document for the
     * checks particular to the service.
     */
    public static ValidatableResponse assertComplete() {
        ValidatableResponse answer = RestAssured.given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200);
        JsonNode document;
        try {
            document = new ObjectMapper().readTree(answer.extract().asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> gaps = gaps(document);
        assertEquals(List.of(), gaps, String.join("\n", gaps));
        return answer;
    }

    /** Every gap of the document, one line each ("POST /api/tasks: no example for application/json"). */
    public static List<String> gaps(JsonNode document) {
        List<String> gaps = new ArrayList<>();
        Map<String, JsonNode> tags = new HashMap<>();
        document.path("tags").forEach(t -> tags.put(t.path("name").asText(), t));
        if (!document.path("components").path("schemas").has("Problem")) {
            gaps.add("no shared Problem schema in components.schemas");
        }
        boolean globalSecurity = !document.path("security").isEmpty();
        Map<String, JsonNode> operations = operations(document);
        if (operations.isEmpty()) {
            gaps.add("no /api operation at all");
        }
        operations.forEach((name, op) -> {
            for (String member : List.of("summary", "description")) {
                if (!CHINESE.matcher(op.path(member).asText()).find()) {
                    gaps.add(name + ": no " + member + " in Chinese");
                }
            }
            if (op.path("tags").isEmpty()) {
                gaps.add(name + ": no tag");
            }
            op.path("tags").forEach(t -> {
                if (!CHINESE.matcher(tags.getOrDefault(t.asText(), op).path("description").asText()).find()) {
                    gaps.add(name + ": tag " + t.asText() + " is not declared with a Chinese description");
                }
            });
            JsonNode content = op.path("requestBody").path("content");
            if (op.has("requestBody") && content.isEmpty()) {
                gaps.add(name + ": a request body without content");
            }
            content.fields().forEachRemaining(media -> {
                if (media.getValue().path("examples").isEmpty() && !media.getValue().has("example")) {
                    gaps.add(name + ": no example for " + media.getKey());
                }
            });
            responses(name, op, globalSecurity, gaps);
        });
        return gaps;
    }

    private static void responses(String name, JsonNode op, boolean globalSecurity, List<String> gaps) {
        boolean clientProblem = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = op.path("responses").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> response = it.next();
            String status = response.getKey();
            if (!status.startsWith("4") && !status.startsWith("5")) {
                continue;
            }
            boolean problem = PROBLEM_REF.equals(response.getValue().path("content")
                    .path("application/problem+json").path("schema").path("$ref").asText());
            if (!problem) {
                gaps.add(name + ": answer " + status + " is not application/problem+json with the Problem schema");
            }
            if (!CHINESE.matcher(response.getValue().path("description").asText()).find()) {
                gaps.add(name + ": answer " + status + " has no Chinese description");
            }
            clientProblem |= problem && status.startsWith("4");
        }
        if (!clientProblem) {
            gaps.add(name + ": no 4xx problem answer");
        }
        if (!globalSecurity && op.path("security").isEmpty()) {
            gaps.add(name + ": no security requirement");
        }
    }

    /** The operations under {@code /api}, named "METHOD path". */
    static Map<String, JsonNode> operations(JsonNode document) {
        Map<String, JsonNode> operations = new TreeMap<>();
        document.path("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/api/")) {
                for (String method : METHODS) {
                    if (path.getValue().has(method)) {
                        operations.put(method.toUpperCase() + " " + path.getKey(), path.getValue().get(method));
                    }
                }
            }
        });
        return operations;
    }
}
