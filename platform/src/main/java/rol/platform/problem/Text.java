package rol.platform.problem;

/**
 * What text the system stores: any character a person can type, but no control character other than tab and line
 * breaks. A NUL byte in particular cannot be stored by PostgreSQL at all, and the other control characters only come
 * from broken clients or attacks (they would also break the Excel ledger and the mails).
 */
public final class Text {

    private Text() {
    }

    /** True when {@code value} holds a control character that is neither a tab nor a line break. */
    public static boolean hasControlCharacter(String value) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
