package rol.platform.query;

/**
 * A LIKE pattern that finds a text anywhere in a column, with the text's own {@code %}, {@code _} and {@code \}
 * taken as characters. The clause must name the escape ({@link #ESCAPE}): Hibernate otherwise renders
 * {@code escape ''}, which turns escaping off.
 */
public final class Like {

    /** Appended to the HQL clause: {@code column like :p} + ESCAPE. */
    public static final String ESCAPE = " escape '\\'";

    private Like() {
    }

    public static String containing(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
