package rol.platform.problem;


import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Collects every broken input rule of one request, then answers 400 {@code validation} naming each field (nothing is
 * changed). The one way request bodies and parameters are checked in every service: plain code beside the rule,
 * with the texts of the message bundles (no Bean Validation: most rules depend on the stored state).
 */
public final class Violations {

    /** The request's body; 400 naming {@code body} when a request that needs one came without it. */
    public static <T> T body(T body) {
        if (body == null) {
            throw ProblemException.invalid("body", "body.missing");
        }
        return body;
    }

    private final List<Problem.FieldError> errors = new ArrayList<>();

    public Violations add(String field, String messageKey, Object... args) {
        errors.add(new Problem.FieldError(field, Messages.text(messageKey, args)));
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Text that must be present and at most {@code max} characters long; returns it stripped. */
    public String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            add(field, "field.required");
            return null;
        }
        return optional(field, value, max);
    }

    public String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (Text.hasControlCharacter(v)) {
            add(field, "field.control-character");
        } else if (v.codePointCount(0, v.length()) > max) {
            add(field, "field.too-long", max, v.codePointCount(0, v.length()));
        }
        return v;
    }

    /**
     * Checks a list member item by item: too many items and missing items are violations; each present item goes
     * to {@code check} with its field path ({@code evidence[2]}).
     */
    public <T> void each(String field, List<T> items, int maxItems, BiConsumer<String, T> check) {
        if (items == null) {
            return;
        }
        if (items.size() > maxItems) {
            add(field, "field.too-many", maxItems);
        }
        for (int i = 0; i < items.size(); i++) {
            String at = field + "[" + i + "]";
            if (items.get(i) == null) {
                add(at, "field.required");
            } else {
                check.accept(at, items.get(i));
            }
        }
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ProblemException(Problems.problem(400, "validation", null, errors, Map.of()));
        }
    }
}
