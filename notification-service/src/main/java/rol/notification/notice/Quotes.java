package rol.notification.notice;

/**
 * Chinese quotation marks for a text quoted inside a notice. The notice quotes a title in “”, so the title's own
 * quotations go one level down: “” become ‘’ (and ‘’ nested in them become “”), the way Chinese writing alternates
 * them, instead of “…“…”…” where nobody can tell which mark closes what. Straight quotes (") count as “” and
 * are paired in order.
 */
public final class Quotes {

    private Quotes() {
    }

    /** {@code text} in “”, its own quotation marks one level down; the empty string for null. */
    public static String quote(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 2).append('“');
        boolean straightOpen = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '“' -> out.append('‘');
                case '”' -> out.append('’');
                case '‘' -> out.append('“');
                case '’' -> out.append('”');
                case '"' -> {
                    out.append(straightOpen ? '’' : '‘');
                    straightOpen = !straightOpen;
                }
                default -> out.append(c);
            }
        }
        return out.append('”').toString();
    }
}
