package rol.e2e;

import io.restassured.RestAssured;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A mailbox of the stack's GreenMail, read through its REST API, and the text of a plain-text message in it. */
record Mailbox(String address) {

    private static final Pattern ENCODING = Pattern.compile("(?im)^Content-Transfer-Encoding:\\s*(\\S+)");
    private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([\\w-]+)");

    /** The messages as GreenMail's REST API lists them; GreenMail creates the user with its first message. */
    List<Map<String, Object>> messages() {
        int port = Integer.parseInt(RunningSystem.STACK.environment().get("STACK_SMTP_API_PORT"));
        var response = RestAssured.given().baseUri("http://127.0.0.1").port(port).urlEncodingEnabled(false)
                .get("/api/user/" + address + "/messages/INBOX/");
        if (response.statusCode() != 200) {
            return List.of();
        }
        return response.jsonPath().getList("$");
    }

    /** The decoded body of a single-part text message (GreenMail gives the raw MIME text as {@code mimeMessage}). */
    static String text(Map<String, Object> message) {
        String mime = (String) message.get("mimeMessage");
        int split = mime.indexOf("\r\n\r\n");
        String headers = split < 0 ? mime : mime.substring(0, split);
        String body = split < 0 ? "" : mime.substring(split + 4);
        Matcher cs = CHARSET.matcher(headers);
        Charset charset = cs.find() ? Charset.forName(cs.group(1)) : StandardCharsets.UTF_8;
        Matcher enc = ENCODING.matcher(headers);
        String encoding = enc.find() ? enc.group(1).toLowerCase(Locale.ROOT) : "7bit";
        return switch (encoding) {
            case "base64" -> new String(Base64.getMimeDecoder().decode(body), charset);
            case "quoted-printable" -> new String(quotedPrintable(body), charset);
            default -> body;
        };
    }

    private static byte[] quotedPrintable(String body) {
        String joined = body.replace("=\r\n", "").replace("=\n", ""); // soft line breaks
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && i + 2 < joined.length()) {
                out.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }
}
