package rol.platform.problem;

import java.util.List;
import java.util.Map;

/** Builds problems from the message bundle so that every service words the same situation the same way. */
public final class Problems {

    public static final String TYPE_PREFIX = "urn:rol:problem:";

    private Problems() {
    }

    public static Problem problem(int status, String kind, String instance, List<Problem.FieldError> errors,
                                  Map<String, Object> extensions, Object... detailArgs) {
        String detailKey = kind + ".detail";
        return new Problem(TYPE_PREFIX + kind, Messages.text(kind + ".title"), status,
                Messages.has(detailKey) ? Messages.text(detailKey, detailArgs) : null, instance, errors, extensions);
    }

    /** The generic problem for an HTTP status that the application did not describe itself. */
    public static Problem forStatus(int status, String instance) {
        String kind = "http-" + status;
        if (!Messages.has(kind + ".title")) {
            kind = status >= 500 ? "http-500" : "http-400";
        }
        Problem generic = problem(status, kind, instance, List.of(), Map.of());
        return new Problem(generic.type(), generic.title(), status, generic.detail(), instance, List.of(), Map.of());
    }
}
