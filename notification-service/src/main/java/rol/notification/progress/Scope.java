package rol.notification.progress;

import rol.notification.rollup.ScopeKind;

import java.util.Arrays;
import java.util.Optional;

/** The scopes the API and the events name, with the rule package's kind behind each (plan years are a column). */
public enum Scope {
    DISTRICT("district", ScopeKind.DISTRICT),
    DEPARTMENT("department", ScopeKind.DEPARTMENT),
    PLAN("plan", ScopeKind.WORK_PLAN),
    ISSUER("issuer", ScopeKind.ISSUER);

    private final String word;
    private final ScopeKind kind;

    Scope(String word, ScopeKind kind) {
        this.word = word;
        this.kind = kind;
    }

    /** As in {@code ?scope=} and in {@code rollup.updated.v1}. */
    public String word() {
        return word;
    }

    public ScopeKind kind() {
        return kind;
    }

    public static Optional<Scope> ofWord(String word) {
        return Arrays.stream(values()).filter(s -> s.word.equals(word)).findFirst();
    }

    public static Optional<Scope> of(ScopeKind kind) {
        return Arrays.stream(values()).filter(s -> s.kind == kind).findFirst();
    }
}
