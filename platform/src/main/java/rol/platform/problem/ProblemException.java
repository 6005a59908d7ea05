package rol.platform.problem;

import java.util.List;
import java.util.Map;

/** Thrown by application code to answer with a problem; the mapper turns it into {@code application/problem+json}. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + ": " + problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** A problem whose title comes from the bundle key {@code <kind>.title} and detail from {@code <kind>.detail}. */
    public static ProblemException of(int status, String kind, Object... detailArgs) {
        return new ProblemException(Problems.problem(status, kind, null, List.of(), Map.of(), detailArgs));
    }

    public static ProblemException notFound(String what, Object id) {
        return of(404, "not-found", Messages.text("noun." + what), id);
    }

    /**
     * 409: the action does not fit the current state. Names the state and the actions that are allowed now, so the
     * client can offer those instead.
     */
    public static ProblemException stateConflict(String what, String state, List<String> allowedActions) {
        return new ProblemException(Problems.problem(409, "state-conflict", null, List.of(),
                Map.of("state", state, "allowedActions", allowedActions),
                Messages.text("noun." + what), Messages.text("state." + what + "." + state)));
    }

    public static ProblemException invalid(String field, String messageKey, Object... args) {
        return new ProblemException(Problems.problem(400, "validation", null,
                List.of(new Problem.FieldError(field, Messages.text(messageKey, args))), Map.of()));
    }
}
