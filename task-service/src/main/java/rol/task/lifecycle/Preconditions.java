package rol.task.lifecycle;

import rol.platform.problem.ProblemException;

/**
 * {@code If-Match} against the version a client last read (the ETag of GET): a stale one is 412, so that nobody
 * overwrites a change they have not seen. Without the header the request runs; JPA's {@code @Version} still keeps
 * two concurrent writers from losing either's change.
 */
public final class Preconditions {

    private Preconditions() {
    }

    public static void check(String ifMatch, long version) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return;
        }
        for (String tag : ifMatch.split(",")) {
            String t = tag.strip();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.startsWith("\"") && t.endsWith("\"") && t.length() >= 2) {
                t = t.substring(1, t.length() - 1);
            }
            if (t.equals(String.valueOf(version))) {
                return;
            }
        }
        throw ProblemException.of(412, "stale-version", version);
    }
}
