package rol.platform.problem;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which HTTP methods a path takes, from the resources' path templates. A 405 must name them in {@code Allow}
 * (RFC 9110, 15.5.6) and RESTEasy leaves the header out.
 */
public final class AllowedMethods {

    /** One resource method: its HTTP method and its whole path template ({@code /api/tasks/{id}}). */
    public record Route(String method, String template) {
    }

    private final Map<Pattern, Set<String>> methodsByPath = new LinkedHashMap<>();

    public AllowedMethods(Collection<Route> routes) {
        Map<String, Pattern> patterns = new LinkedHashMap<>();
        for (Route r : routes) {
            Pattern p = patterns.computeIfAbsent(normalize(r.template()), AllowedMethods::compile);
            methodsByPath.computeIfAbsent(p, k -> new TreeSet<>()).add(r.method());
        }
    }

    /** The methods that path takes, with HEAD beside GET and OPTIONS (both answered by RESTEasy); empty if none. */
    public Set<String> forPath(String path) {
        Set<String> out = new TreeSet<>();
        String normalized = normalize(path);
        methodsByPath.forEach((pattern, methods) -> {
            if (pattern.matcher(normalized).matches()) {
                out.addAll(methods);
            }
        });
        if (out.contains("GET")) {
            out.add("HEAD");
        }
        if (!out.isEmpty()) {
            out.add("OPTIONS");
        }
        return out;
    }

    static String normalize(String path) {
        String p = ("/" + path).replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** {@code {name}} matches one segment, {@code {name: regex}} its regex; everything else literally. */
    static Pattern compile(String template) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                regex.append(Pattern.quote(template.substring(i)));
                break;
            }
            if (open > i) {
                regex.append(Pattern.quote(template.substring(i, open)));
            }
            int depth = 0;
            int close = open;
            for (; close < template.length(); close++) {
                char c = template.charAt(close);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            String param = template.substring(open + 1, close);
            int colon = param.indexOf(':');
            regex.append(colon < 0 ? "[^/]+" : "(?:" + param.substring(colon + 1).strip() + ")");
            i = close + 1;
        }
        return Pattern.compile(regex.toString());
    }

    /** Joins a class's and a method's {@code @Path}. */
    public static String join(String classPath, String methodPath) {
        return normalize((classPath == null ? "" : classPath) + "/" + (methodPath == null ? "" : methodPath));
    }
}
