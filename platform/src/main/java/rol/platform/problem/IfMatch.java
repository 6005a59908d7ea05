package rol.platform.problem;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code If-Match} header of a write, read the one way every service reads it. Our ETags are versions
 * ({@code "3"}); a client sends back the one it last read, so that it overwrites no change it has not seen.
 *
 * <ul>
 *   <li>absent or {@code *}: no precondition;</li>
 *   <li>{@code "3"}, or a list {@code "2", "3"}: the write runs when one of them is the stored version, else 412;</li>
 *   <li>{@code W/"3"} counts as {@code "3"}: a proxy that compresses answers may weaken the ETag it passes on, and
 *       a version number means the same either way;</li>
 *   <li>anything else (empty, unquoted, not a version, a broken list) is 400 {@code if-match-malformed}: a client
 *       that sends it has a bug, and running its write unchecked could overwrite someone's change.</li>
 * </ul>
 */
public final class IfMatch {

    /** No precondition. */
    public static final IfMatch ANY = new IfMatch(Set.of());

    private static final Pattern TAG = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");
    private static final int SHOWN = 60;

    /** The versions the client accepts; empty for any. */
    private final Set<Long> versions;

    private IfMatch(Set<Long> versions) {
        this.versions = versions;
    }

    /** The header as received (null when absent); 400 problem+json when it is malformed. */
    public static IfMatch parse(String header) {
        if (header == null || header.strip().equals("*")) {
            return ANY;
        }
        Set<Long> versions = new HashSet<>();
        for (String element : header.split(",", -1)) {
            Matcher m = TAG.matcher(element.strip());
            if (!m.matches()) {
                throw malformed(header);
            }
            versions.add(Long.parseLong(m.group(1)));
        }
        return new IfMatch(Set.copyOf(versions));
    }

    public boolean matches(long version) {
        return versions.isEmpty() || versions.contains(version);
    }

    /** 412 of the service's own kind (its detail names the stored version) when the client's copy is not this one. */
    public void require(long version, String staleKind) {
        if (!matches(version)) {
            throw ProblemException.of(412, staleKind, version);
        }
    }

    private static ProblemException malformed(String header) {
        String shown = header.length() > SHOWN ? header.substring(0, SHOWN) + "…" : header;
        return ProblemException.of(400, "if-match-malformed", shown);
    }
}
