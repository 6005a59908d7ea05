package rol.console;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A browser's part of the sign-in: cookies kept, redirects followed one by one (so that each Set-Cookie is seen),
 * and the OIDC test server's login form submitted.
 */
final class Browser {

    final List<String> setCookies = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();

    /** Opens a console page, signing in on the way when the console sends the browser to the OIDC server. */
    HttpResponse<String> open(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri).GET().build());
        for (int hops = 0; hops < 10 && r.statusCode() / 100 == 3; hops++) {
            URI next = r.uri().resolve(r.headers().firstValue("Location").orElseThrow());
            if (next.getPath().matches("/auth/realms/quarkus/?")) {
                // the login form: the test server answers with the code for the console's redirect URI and state
                Map<String, String> q = query(next);
                next = next.resolve("/login?redirect_uri=" + encode(q.get("redirect_uri")) + "&state=" + encode(q.get("state")));
            }
            r = send(HttpRequest.newBuilder(next).GET().build());
        }
        return r;
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        setCookies.addAll(r.headers().allValues("Set-Cookie"));
        return r;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> q = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            q.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return q;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
