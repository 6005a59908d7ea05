package rol.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every refused request must look like, whoever refused it (our code, RESTEasy or Vert.x): RFC 9457
 * {@code application/problem+json} with the status, a Chinese title and detail a clerk can read, and nothing of the
 * server's insides (no exception names, no stack trace).
 */
public final class ProblemAnswers {

    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemAnswers() {
    }

    /** Checks a RestAssured answer; returns it for the checks particular to the case. */
    public static ValidatableResponse assertProblem(Response answer, int status) {
        assertProblem(status, answer.statusCode(), answer.contentType(), answer.asString());
        return answer.then();
    }

    /** Checks an answer taken apart by hand; returns its body. */
    public static JsonNode assertProblem(int expectedStatus, int status, String contentType, String body) {
        assertEquals(expectedStatus, status, body);
        assertNotNull(contentType, "no Content-Type; body: " + body);
        assertTrue(contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json"), contentType + ": " + body);
        assertFalse(body.contains("Exception") || body.contains("\tat ") || body.contains("<html"), body);
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
        assertEquals(expectedStatus, problem.path("status").asInt(), body);
        assertTrue(problem.path("type").asText().startsWith("urn:rol:problem:"), body);
        assertTrue(CHINESE.matcher(problem.path("title").asText()).find(), "title in Chinese: " + body);
        assertTrue(CHINESE.matcher(problem.path("detail").asText()).find(), "detail in Chinese: " + body);
        return problem;
    }

    /** An answer read off the wire, header names in lower case. */
    public record RawAnswer(int status, Map<String, String> headers, String body) {

        public JsonNode assertProblem(int expectedStatus) {
            return ProblemAnswers.assertProblem(expectedStatus, status, headers.get("content-type"), body);
        }
    }

    /**
     * Sends a request exactly as written, for what an HTTP client library will not send: no Content-Type at all, or
     * a Content-Length larger than the body that follows. {@code headers} are whole lines without CRLF.
     */
    public static RawAnswer raw(String method, String path, byte[] body, String... headers) {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n");
            for (String h : headers) {
                head.append(h).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RawAnswer parse(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        assertTrue(end > 0, "no complete answer: " + text);
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] rest = Arrays.copyOfRange(bytes, end + 4, bytes.length);
        byte[] body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? dechunk(rest) : rest;
        return new RawAnswer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(chunked);
        while (true) {
            StringBuilder size = new StringBuilder();
            for (int c = in.read(); c != '\n' && c != -1; c = in.read()) {
                if (c != '\r') {
                    size.append((char) c);
                }
            }
            int n = size.isEmpty() ? 0 : Integer.parseInt(size.toString().split(";")[0].trim(), 16);
            if (n == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(n));
            in.skip(2);
        }
    }
}
