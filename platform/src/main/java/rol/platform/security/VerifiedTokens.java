package rol.platform.security;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens whose signature and claims have been verified, with what the verification produced, until they expire.
 * Verifying an RS256 token costs more than the rest of a small request (docs/benchmarks.md), while a client sends
 * the same token with every call until it renews it. Only tokens that passed verification are ever put here, keyed
 * by the whole token text, so a token changed in any character (signature, claims) is a miss and is verified anew.
 * Plain Java: the caller passes the time.
 */
public final class VerifiedTokens<V> {

    private record Entry<V>(V value, long expiresAt) {
    }

    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final int capacity;

    /** @param capacity how many tokens are kept at most; beyond it, expired ones go first, then everything */
    public VerifiedTokens(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** What verifying {@code token} produced, while {@code now} (epoch seconds) is before its expiry. */
    public Optional<V> get(String token, long now) {
        Entry<V> e = entries.get(token);
        if (e == null) {
            return Optional.empty();
        }
        if (now >= e.expiresAt()) {
            entries.remove(token, e);
            return Optional.empty();
        }
        return Optional.of(e.value());
    }

    /**
     * Keeps a verified token until {@code expiresAt} (epoch seconds, the token's {@code exp}); a token already expired
     * at {@code now} is not kept.
     */
    public void put(String token, V value, long expiresAt, long now) {
        if (expiresAt <= now) {
            return;
        }
        if (entries.size() >= capacity && !entries.containsKey(token)) {
            entries.values().removeIf(e -> e.expiresAt() <= now);
            if (entries.size() >= capacity) {
                // more live tokens than expected: start again rather than track recency on every hit
                entries.clear();
            }
        }
        entries.put(token, new Entry<>(value, expiresAt));
    }

    public int size() {
        return entries.size();
    }
}
