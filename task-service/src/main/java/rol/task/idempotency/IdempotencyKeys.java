package rol.task.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of {@code Idempotency-Key}, plain Java: what a key may look like, what makes two requests "the same"
 * (a fingerprint of the operation and its arguments) and what a request gets when its key was seen before.
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    /** Set on an answer that is the stored first answer, not a new execution. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    public static final int MAX_LENGTH = 255;

    // a UUID fits, and so does any client's own scheme of letters, digits and a few separators
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");

    private IdempotencyKeys() {
    }

    public static boolean valid(String key) {
        return key != null && VALID.matcher(key).matches();
    }

    /** SHA-256 over the operation's name and its arguments in a canonical form (JSON): equal requests, equal prints. */
    public static String fingerprint(String operation, String canonicalArguments) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(canonicalArguments.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The first answer as stored: status, JSON body (null for none) and the headers a client acts on. */
    public record Stored(String fingerprint, int status, String body, Map<String, String> headers) {
    }

    /** What a request with a key gets. */
    public sealed interface Outcome {
    }

    /** The key is new for this caller: run the request and store its answer. */
    public record Execute() implements Outcome {
    }

    /** The same request again: answer what was answered the first time, change nothing. */
    public record Replay(Stored first) implements Outcome {
    }

    /** The key was used for a different request: refuse (422), change nothing. */
    public record Reused() implements Outcome {
    }

    public static Outcome decide(Optional<Stored> earlier, String fingerprint) {
        if (earlier.isEmpty()) {
            return new Execute();
        }
        return earlier.get().fingerprint().equals(fingerprint) ? new Replay(earlier.get()) : new Reused();
    }
}
