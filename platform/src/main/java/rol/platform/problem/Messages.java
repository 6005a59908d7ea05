package rol.platform.problem;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The Chinese texts of answers given to users, from {@code rol/platform/problem/messages.properties}. */
public final class Messages {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("rol.platform.problem.messages", Locale.ROOT);

    private Messages() {
    }

    public static String text(String key, Object... args) {
        String pattern;
        try {
            pattern = BUNDLE.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args);
    }

    public static boolean has(String key) {
        return BUNDLE.containsKey(key);
    }
}
