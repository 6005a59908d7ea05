package rol.notification.notice;

import rol.notification.department.DepartmentNames;
import rol.notification.policy.Recipient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where one notice goes: {@code DEPARTMENT} (department id), {@code OFFICE} (district id) or {@code USER} (user
 * name), and how the text addresses the reader.
 */
public record Addressee(String type, String id, String salutation) {

    public static final String DEPARTMENT = "DEPARTMENT";
    public static final String OFFICE = "OFFICE";
    public static final String USER = "USER";

    /**
     * The addressees of a reminder: each department, the office or user once even when two roles name it (a lead
     * department without a configured head gets one notice, not two). Departments are addressed by their names.
     */
    public static List<Addressee> resolve(Set<Recipient> recipients, String district, String lead, List<String> co,
                                          Map<String, String> heads, DepartmentNames names) {
        Map<String, Addressee> out = new LinkedHashMap<>();
        for (Recipient r : recipients) {
            switch (r) {
                case LEAD -> {
                    if (lead != null) {
                        add(out, new Addressee(DEPARTMENT, lead, names.of(lead)));
                    }
                }
                case CO -> co.forEach(d -> add(out, new Addressee(DEPARTMENT, d, names.of(d))));
                case OFFICE -> add(out, new Addressee(OFFICE, district, "区委依法治区办"));
                case LEAD_HEAD -> {
                    if (lead != null) {
                        String head = heads.get(lead);
                        String salutation = names.of(lead) + "主要负责人";
                        add(out, head != null ? new Addressee(USER, head, salutation)
                                : new Addressee(DEPARTMENT, lead, salutation));
                    }
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    private static void add(Map<String, Addressee> out, Addressee a) {
        out.putIfAbsent(a.type() + "|" + a.id(), a);
    }
}
