package rol.report.intake;

import rol.report.parse.Contact;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Masks contact names and phone numbers for every role but the office: 陈丽铭 → 陈**, 13959291990 → 139****1990.
 * A masked value has the length of the original, so that masking the stored text leaves every span valid.
 */
final class PersonalData {

    private final Map<String, String> replacements = new LinkedHashMap<>();

    /** Nothing to mask (the office sees everything). */
    static final PersonalData NONE = new PersonalData();

    static PersonalData of(Iterable<Contact> contacts) {
        PersonalData m = new PersonalData();
        for (Contact c : contacts) {
            if (c == null) {
                continue;
            }
            // a one-character name is masked in the contact only: replacing it everywhere would ruin the text
            if (c.name() != null && c.name().strip().length() >= 2) {
                m.replacements.put(c.name().strip(), name(c.name().strip()));
            }
            if (c.phone() != null && c.phone().strip().length() >= 5) {
                m.replacements.put(c.phone().strip(), phone(c.phone().strip()));
            }
        }
        return m;
    }

    String text(String s) {
        if (s == null) {
            return null;
        }
        for (var e : replacements.entrySet()) {
            s = s.replace(e.getKey(), e.getValue());
        }
        return s;
    }

    Contact contact(Contact c) {
        if (c == null || this == NONE) {
            return c;
        }
        return new Contact(c.name() == null ? null : name(c.name()), c.phone() == null ? null : phone(c.phone()),
                c.span());
    }

    static String name(String name) {
        if (name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(name.length() - first);
    }

    /** Keeps the first three and the last four characters of a long number, the last two of a short one. */
    static String phone(String phone) {
        int n = phone.length();
        if (n >= 8) {
            return phone.substring(0, 3) + "*".repeat(n - 7) + phone.substring(n - 4);
        }
        return "*".repeat(Math.max(0, n - 2)) + phone.substring(Math.max(0, n - 2));
    }
}
