package rol.task.departments;

import rol.platform.problem.Text;
import rol.platform.problem.Violations;

import java.util.regex.Pattern;

/**
 * A unit's contact as the office enters it: 联系人 and 联系电话 (both needed once any part is given), 电子邮箱 and
 * 办公地址 optional. Personal data: shown only to those {@code DepartmentResource} lets read it, and never put into
 * events. Values are kept as written (stripped): offices read them back as they typed them.
 */
public record UnitContact(String name, String phone, String email, String address) {

    public static final int MAX_NAME = 30;
    public static final int MAX_PHONE = 40;
    public static final int MAX_EMAIL = 254;
    public static final int MAX_ADDRESS = 200;

    // 0595-22561234, (0595)22561234, 22561234; 13812345678, 138-1234-5678, +86 13812345678; each optionally with an
    // extension: 转801, -801, #801, ext.801, x801. Spaces are ignored (0595 2256 1234).
    private static final Pattern PHONE = Pattern.compile(
            "(?:(?:\\+?86-?)?1[3-9]\\d-?\\d{4}-?\\d{4}|(?:0\\d{2,3}-?|\\(0\\d{2,3}\\))?[2-9]\\d{6,7})"
                    + "(?:(?:转|-|#|ext\\.?|x)\\d{1,6})?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
                    + "\\.[A-Za-z]{2,}");

    /** Whether {@code phone} (stripped) is one number the way offices write them. */
    public static boolean isPhone(String phone) {
        return PHONE.matcher(phone.replaceAll("\\s+", "")).matches();
    }

    public static boolean isEmail(String email) {
        return EMAIL.matcher(email).matches();
    }

    /**
     * Checks the four fields (named {@code contactName} … in errors) into {@code v}; returns the contact, or null
     * when all four are empty (the unit has no contact) or one is broken.
     */
    public static UnitContact read(Violations v, String name, String phone, String email, String address) {
        String n = v.optional("contactName", name, MAX_NAME);
        String p = v.optional("contactPhone", phone, MAX_PHONE);
        String e = v.optional("contactEmail", email, MAX_EMAIL);
        String a = v.optional("contactAddress", address, MAX_ADDRESS);
        if (n == null && p == null && e == null && a == null) {
            return null;
        }
        boolean ok = true;
        if (n == null) {
            v.add("contactName", "department.contact.incomplete");
            ok = false;
        }
        if (p == null) {
            v.add("contactPhone", "department.contact.incomplete");
            ok = false;
        } else if (clean(p, MAX_PHONE) && !isPhone(p)) {
            v.add("contactPhone", "department.contact.phone");
            ok = false;
        }
        if (e != null && clean(e, MAX_EMAIL) && !isEmail(e)) {
            v.add("contactEmail", "department.contact.email");
            ok = false;
        }
        return ok ? new UnitContact(n, p, e, a) : null;
    }

    // a value Violations.optional already refused (too long, control characters) gets no second message
    private static boolean clean(String value, int max) {
        return value.codePointCount(0, value.length()) <= max && !Text.hasControlCharacter(value);
    }
}
