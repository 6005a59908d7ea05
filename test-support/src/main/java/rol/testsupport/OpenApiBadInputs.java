package rol.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Bad requests generated from a service's own OpenAPI document ({@code /q/openapi}), so that an endpoint added later
 * is covered without anyone writing its cases: every path and query parameter gets values that are not of its kind
 * (injection strings, absurd numbers, NUL bytes), and every JSON body (the document's own example, sent to a real
 * resource) gets broken in each way a client or an attacker can break it, field by field.
 */
public final class OpenApiBadInputs {

    /** Where the generated requests go: a real resource for each path parameter, and who sends them. */
    public interface Target {
        /** An existing resource's id for {@code param} of {@code path}, e.g. a task id for {@code /api/tasks/{id}}. */
        String pathValue(String path, String param);

        /** Signs in as the user who may call the operation, so that the body is read at all. */
        void signIn(String method, String path);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*");
    private static final Pattern ENUM_LIKE = Pattern.compile("[A-Z][A-Z_]+");
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
    private static final List<String> BAD_PATH_VALUES = List.of(
            "1' OR '1'='1", "<script>alert(1)</script>", "99999999999999999999999");
    private static final int OVERSIZE = 100_000;

    private OpenApiBadInputs() {
    }

    /** Reads the document of the service RestAssured points at. */
    public static JsonNode document() {
        try {
            return JSON.readTree(RestAssured.given().accept("application/json").get("/q/openapi?format=json").asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every generated case for every {@code /api} operation of {@code document}, but those skipped: an operation
     * ("POST /api/x"), or one class of case for it ("empty body: POST /api/x", for a body that may be left out).
     */
    public static List<BadInputCorpus.Case> cases(JsonNode document, Target target, List<String> skipped) {
        List<BadInputCorpus.Case> out = new ArrayList<>();
        ApiDocumentation.operations(document).forEach((name, op) -> {
            if (skipped.contains(name)) {
                return;
            }
            String method = name.substring(0, name.indexOf(' '));
            String template = name.substring(name.indexOf(' ') + 1);
            JsonNode example = jsonExample(op);
            pathParameterCases(out, method, template, example, target);
            queryParameterCases(out, method, template, op, target);
            if (example != null) {
                List<BadInputCorpus.Case> body = new ArrayList<>();
                bodyCases(body, method, template, example, target);
                body.stream().filter(c -> !skipped.contains(c.kind() + ": " + name)).forEach(out::add);
            }
        });
        return out;
    }

    private static void pathParameterCases(List<BadInputCorpus.Case> out, String method, String template,
                                           JsonNode example, Target target) {
        var m = PATH_PARAM.matcher(template);
        while (m.find()) {
            String param = m.group(1);
            for (String bad : BAD_PATH_VALUES) {
                String path = fill(template, target, param, bad);
                out.add(new BadInputCorpus.Case("path id: injection/overflow", method + " " + path, () -> {
                    target.signIn(method, template);
                    RequestSpecification spec = RestAssured.given().urlEncodingEnabled(false);
                    if (example != null) {
                        spec.contentType("application/json").body(example.toString());
                    }
                    return BadInputCorpus.Answer.of(spec.request(method, path));
                }));
            }
        }
    }

    private static void queryParameterCases(List<BadInputCorpus.Case> out, String method, String template, JsonNode op,
                                            Target target) {
        for (JsonNode p : op.path("parameters")) {
            if (!"query".equals(p.path("in").asText())) {
                continue;
            }
            String param = p.path("name").asText();
            JsonNode schema = p.path("schema");
            boolean freeText = "string".equals(schema.path("type").asText()) && !schema.has("format") && !schema.has("enum")
                    && !schema.has("$ref");
            // free text may hold anything printable; what it may not hold is a NUL byte, which PostgreSQL refuses
            List<String> values = freeText ? List.of("%00abc") : List.of("1'%20OR%20'1'='1", "99999999999999999999999");
            for (String value : values) {
                String path = fill(template, target, null, null) + "?" + param + "=" + value;
                out.add(new BadInputCorpus.Case(freeText ? "query text: NUL byte" : "query value: injection/overflow",
                        method + " " + path, () -> {
                    target.signIn(method, template);
                    return BadInputCorpus.Answer.of(RestAssured.given().urlEncodingEnabled(false).request(method, path));
                }));
            }
        }
    }

    private static void bodyCases(List<BadInputCorpus.Case> out, String method, String template, JsonNode example,
                                  Target target) {
        String path = fill(template, target, null, null);
        String name = method + " " + template;
        String text = example.toString();
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        raw(out, "empty body", name, method, path, target, template, new byte[0], "Content-Type: application/json");
        raw(out, "truncated body", name, method, path, target, template,
                text.substring(0, text.length() / 2).getBytes(StandardCharsets.UTF_8), "Content-Type: application/json");
        raw(out, "missing content type", name, method, path, target, template, utf8);
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
            raw(out, "wrong content type", name + " as " + type, method, path, target, template, utf8, "Content-Type: " + type);
        }
        raw(out, "invalid UTF-8", name, method, path, target, template, withBytes(example, new byte[]{(byte) 0xC3, 0x28, (byte) 0xFF}),
                "Content-Type: application/json");
        raw(out, "mixed encodings (GBK in UTF-8)", name, method, path, target, template,
                withBytes(example, "司法局整改".getBytes(Charset.forName("GBK"))), "Content-Type: application/json");
        raw(out, "deeply nested JSON", name, method, path, target, template,
                ("[".repeat(20_000) + "]".repeat(20_000)).getBytes(StandardCharsets.UTF_8), "Content-Type: application/json");
        json(out, "wrong JSON shape", name + " as an array", method, path, target, template, "[" + text + "]");
        fields(example, "", (field, value) -> {
            if (value.isTextual()) {
                String s = value.asText();
                json(out, "NUL byte in text", name + " " + field, method, path, target, template,
                        replaced(example, field, new TextNode("整改\u0000" + s)));
                json(out, "oversize text", name + " " + field, method, path, target, template,
                        replaced(example, field, new TextNode("法".repeat(OVERSIZE))));
                if (DATE.matcher(s).matches()) {
                    for (String date : List.of("9999-12-31", "1900-01-01", "2025-02-30")) {
                        json(out, "absurd or impossible date", name + " " + field + "=" + date, method, path, target, template,
                                replaced(example, field, new TextNode(date + s.substring(10))));
                    }
                } else if (ENUM_LIKE.matcher(s).matches()) {
                    json(out, "unknown enum value", name + " " + field, method, path, target, template,
                            replaced(example, field, new TextNode("NOT_A_" + s)));
                }
            } else if (value.isNumber()) {
                for (String number : List.of("1e400", "99999999999999999999999", "-1")) {
                    json(out, "huge or negative number", name + " " + field + "=" + number, method, path, target, template,
                            replaced(example, field, null).replace("\"" + MARK + "\"", number));
                }
            } else if (value.isBoolean()) {
                json(out, "wrong JSON type", name + " " + field, method, path, target, template,
                        replaced(example, field, new TextNode("是")));
            }
        });
    }

    private static final String MARK = "@@number@@";

    private static void raw(List<BadInputCorpus.Case> out, String kind, String name, String method, String path,
                            Target target, String template, byte[] body, String... headers) {
        out.add(new BadInputCorpus.Case(kind, name, () -> {
            target.signIn(method, template);
            List<String> all = new ArrayList<>(List.of(headers));
            all.add("Content-Length: " + body.length);
            all.add("Accept: application/json");
            return BadInputCorpus.Answer.of(ProblemAnswers.raw(method, path, body, all.toArray(String[]::new)));
        }));
    }

    private static void json(List<BadInputCorpus.Case> out, String kind, String name, String method, String path,
                             Target target, String template, String body) {
        out.add(new BadInputCorpus.Case(kind, name, () -> {
            target.signIn(method, template);
            return BadInputCorpus.Answer.of(RestAssured.given().urlEncodingEnabled(false)
                    .contentType("application/json; charset=UTF-8").body(body.getBytes(StandardCharsets.UTF_8))
                    .request(method, path));
        }));
    }

    /** The example with {@code field} (a JSON pointer) set to {@code value}, or to a marker for a raw number when null. */
    private static String replaced(JsonNode example, String field, JsonNode value) {
        JsonNode copy = example.deepCopy();
        JsonNode parent = copy.at(field.substring(0, field.lastIndexOf('/')));
        String last = field.substring(field.lastIndexOf('/') + 1);
        JsonNode v = value == null ? new TextNode(MARK) : value;
        if (parent instanceof ObjectNode o) {
            o.set(last, v);
        } else if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(last), v);
        }
        return copy.toString();
    }

    /** The example's text with raw bytes put into its first string value (or in front, when it has none). */
    private static byte[] withBytes(JsonNode example, byte[] bytes) {
        String marked = example.toString();
        int quote = marked.indexOf(":\"");
        byte[] head = marked.substring(0, quote < 0 ? 0 : quote + 2).getBytes(StandardCharsets.UTF_8);
        byte[] tail = marked.substring(quote < 0 ? 0 : quote + 2).getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + bytes.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bytes, 0, all, head.length, bytes.length);
        System.arraycopy(tail, 0, all, head.length + bytes.length, tail.length);
        return all;
    }

    /** Visits every leaf of the example with its JSON pointer; of an array, only the first element. */
    private static void fields(JsonNode node, String pointer, java.util.function.BiConsumer<String, JsonNode> visit) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                fields(e.getValue(), pointer + "/" + e.getKey(), visit);
            }
        } else if (node instanceof ArrayNode a) {
            if (!a.isEmpty()) {
                fields(a.get(0), pointer + "/0", visit);
            }
        } else if (!(node instanceof ContainerNode<?>) && !pointer.isEmpty()) {
            visit.accept(pointer, node);
        }
    }

    private static JsonNode jsonExample(JsonNode op) {
        JsonNode content = op.path("requestBody").path("content");
        for (String type : List.of("application/json", "application/merge-patch+json")) {
            JsonNode media = content.path(type);
            if (media.has("example")) {
                return parse(media.get("example"));
            }
            Iterator<JsonNode> examples = media.path("examples").elements();
            if (examples.hasNext()) {
                return parse(examples.next().path("value"));
            }
        }
        return null;
    }

    private static JsonNode parse(JsonNode example) {
        try {
            return example.isTextual() ? JSON.readTree(example.asText()) : example;
        } catch (IOException e) {
            return new TextNode(example.asText());
        }
    }

    /** The path with every parameter set to a real resource, but {@code badParam} set to {@code badValue}. */
    private static String fill(String template, Target target, String badParam, String badValue) {
        var m = PATH_PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String param = m.group(1);
            String value = param.equals(badParam) ? encode(badValue) : target.pathValue(template, param);
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Signs in nobody in particular: for services whose test sets the identity once. */
    public static Target target(Map<String, String> values, Consumer<String> signIn) {
        return new Target() {
            @Override
            public String pathValue(String path, String param) {
                return values.getOrDefault(path + "#" + param, values.getOrDefault(param, java.util.UUID.randomUUID().toString()));
            }

            @Override
            public void signIn(String method, String path) {
                signIn.accept(method + " " + path);
            }
        };
    }
}
