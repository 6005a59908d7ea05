package rol.platform.lights;

import java.util.Objects;
import java.util.Optional;

/**
 * A task's light with its reason and a one-line explanation carrying the numbers (for logs and tooltips; the UI
 * words come from the reason).
 */
public record LightVerdict(LightReason reason, String explanation) {

    public LightVerdict {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(explanation, "explanation");
    }

    /** Empty for drafts and finished tasks. */
    public Optional<TrafficLight> light() {
        return Optional.ofNullable(reason.light());
    }
}
