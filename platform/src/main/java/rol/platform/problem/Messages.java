package rol.platform.problem;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The Chinese texts of answers given to users: a service's own {@code service-messages.properties} first, then the
 * shared {@code rol/platform/problem/messages.properties}.
 */
public final class Messages {

    private static final List<ResourceBundle> BUNDLES = bundles();

    private Messages() {
    }

    private static List<ResourceBundle> bundles() {
        List<ResourceBundle> bundles = new ArrayList<>();
        try {
            bundles.add(ResourceBundle.getBundle("service-messages", Locale.ROOT));
        } catch (MissingResourceException e) {
            // a service without texts of its own
        }
        bundles.add(ResourceBundle.getBundle("rol.platform.problem.messages", Locale.ROOT));
        return List.copyOf(bundles);
    }

    public static String text(String key, Object... args) {
        for (ResourceBundle bundle : BUNDLES) {
            if (bundle.containsKey(key)) {
                String pattern = bundle.getString(key);
                return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args);
            }
        }
        return key;
    }

    public static boolean has(String key) {
        return BUNDLES.stream().anyMatch(b -> b.containsKey(key));
    }
}
