package rol.notification.notice;

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
     * department without a configured head gets one notice, not two).
     */
    public static List<Addressee> resolve(Set<Recipient> recipients, String district, String lead, List<String> co,
                                          Map<String, String> heads) {
        Map<String, Addressee> out = new LinkedHashMap<>();
        for (Recipient r : recipients) {
            switch (r) {
                case LEAD -> {
                    if (lead != null) {
                        add(out, new Addressee(DEPARTMENT, lead, lead));
                    }
                }
                case CO -> co.forEach(d -> add(out, new Addressee(DEPARTMENT, d, d)));
                case OFFICE -> add(out, new Addressee(OFFICE, district, "区委依法治区办"));
                case LEAD_HEAD -> {
                    if (lead != null) {
                        String head = heads.get(lead);
                        add(out, head != null ? new Addressee(USER, head, lead + "主要负责人")
                                : new Addressee(DEPARTMENT, lead, lead + "主要负责人"));
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
