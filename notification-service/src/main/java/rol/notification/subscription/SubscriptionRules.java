package rol.notification.subscription;

import rol.notification.policy.ReminderRule;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What a subscription must look like. Plain Java: each broken rule names the field and a message key. */
public final class SubscriptionRules {

    /** One broken rule: the field as the client named it, the message key, its arguments. */
    public record Violation(String field, String key, Object... args) {
    }

    static final int MIN_SECRET = 16;
    static final int MAX_KINDS = 30;
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]*");
    /** The kinds a subscription can receive: every reminder rule, and the weekly digest ({@code WeeklyDigestJob.KIND}). */
    static final Set<String> KINDS = kinds();
    // deliberately plain: one @, no spaces, a dotted domain; the SMTP server is the final judge
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\",;]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    private SubscriptionRules() {
    }

    /**
     * @param hadSecret whether the stored subscription (on update) already has a secret, which an update may keep
     */
    public static List<Violation> check(SubscriptionInput in, boolean hadSecret) {
        List<Violation> v = new ArrayList<>();
        if (in == null) {
            v.add(new Violation("body", "body.missing"));
            return v;
        }
        if (blank(in.district())) {
            v.add(new Violation("district", "field.required"));
        } else if (!ID.matcher(in.district()).matches() || in.district().length() > 64) {
            v.add(new Violation("district", "subscription.district.pattern"));
        }
        String type = upper(in.recipientType());
        if (type == null) {
            v.add(new Violation("recipientType", "field.required"));
        } else if (!type.equals("DEPARTMENT") && !type.equals("OFFICE")) {
            v.add(new Violation("recipientType", "subscription.recipient-type.one-of"));
        } else if (type.equals("DEPARTMENT")) {
            if (blank(in.recipientId())) {
                v.add(new Violation("recipientId", "subscription.recipient-id.required"));
            } else if (!ID.matcher(in.recipientId()).matches() || in.recipientId().length() > 64) {
                v.add(new Violation("recipientId", "subscription.recipient-id.pattern"));
            }
        } else if (!blank(in.recipientId())) {
            v.add(new Violation("recipientId", "subscription.recipient-id.office"));
        }
        String channel = upper(in.channel());
        if (channel == null) {
            v.add(new Violation("channel", "field.required"));
        } else if (!channel.equals("EMAIL") && !channel.equals("WEBHOOK")) {
            v.add(new Violation("channel", "subscription.channel.one-of"));
        }
        if (blank(in.target())) {
            v.add(new Violation("target", "field.required"));
        } else if ("EMAIL".equals(channel) && !isEmail(in.target())) {
            v.add(new Violation("target", "subscription.target.email", in.target()));
        } else if ("WEBHOOK".equals(channel) && !isWebUrl(in.target())) {
            v.add(new Violation("target", "subscription.target.url", in.target()));
        }
        if ("WEBHOOK".equals(channel)) {
            if (in.secret() == null ? !hadSecret : in.secret().length() < MIN_SECRET) {
                v.add(new Violation("secret", "subscription.secret.required", MIN_SECRET));
            }
        } else if ("EMAIL".equals(channel) && in.secret() != null) {
            v.add(new Violation("secret", "subscription.secret.email"));
        }
        if (in.kinds() != null) {
            if (in.kinds().size() > MAX_KINDS) {
                v.add(new Violation("kinds", "field.too-many", MAX_KINDS));
            }
            for (int i = 0; i < in.kinds().size(); i++) {
                String kind = in.kinds().get(i);
                if (kind == null || !KIND.matcher(kind).matches()) {
                    v.add(new Violation("kinds[" + i + "]", "subscription.kind.pattern", String.valueOf(kind)));
                } else if (!KINDS.contains(kind)) {
                    // a kind nobody sends would make the subscription silently miss what the clerk meant
                    v.add(new Violation("kinds[" + i + "]", "subscription.kind.unknown", kind, String.join("、", KINDS)));
                }
            }
        }
        return v;
    }

    private static Set<String> kinds() {
        Set<String> kinds = new LinkedHashSet<>();
        for (ReminderRule rule : ReminderRule.values()) {
            kinds.add(rule.name());
        }
        kinds.add("DIGEST");
        return Collections.unmodifiableSet(kinds);
    }

    static boolean isEmail(String s) {
        return s.length() <= 254 && EMAIL.matcher(s).matches();
    }

    static boolean isWebUrl(String s) {
        if (s.length() > 2000) {
            return false;
        }
        try {
            URI uri = new URI(s);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static String upper(String s) {
        return blank(s) ? null : s.trim().toUpperCase(Locale.ROOT);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
