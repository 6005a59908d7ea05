package rol.task.directory;

import java.util.List;

/** A directory seed that must not be used, with every problem found (not just the first). */
public class InvalidSeedException extends RuntimeException {

    private final List<String> problems;

    public InvalidSeedException(List<String> problems) {
        super("invalid directory seed: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
