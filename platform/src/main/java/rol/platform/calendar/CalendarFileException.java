package rol.platform.calendar;

import java.util.List;

/** The holiday calendar file is unreadable or inconsistent; {@link #problems()} lists every problem found. */
public class CalendarFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public CalendarFileException(String source, List<String> problems) {
        super(source + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
