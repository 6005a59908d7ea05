package rol.report.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Header and tail facts: issuing organ, document number, signatory, recipients, copies, dates, title, contact.
 * Values are taken from the display text (original script); rules read the matching view.
 */
final class MetadataExtractor {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})\\s*年");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})[-./年](\\d{1,2})[-./月](\\d{1,2})");
    private static final Pattern LIST_SEPARATORS = Pattern.compile("[、,;，；]");
    private static final Pattern ORGAN = Pattern.compile("^(.{2,30}?(局|政府|委员会|办公室|厅|院|委|办|所|中心|部|处|会))");
    /** A header line that names an organ (not a tool-bar word or a person's name). */
    private static final Pattern ORGAN_LINE = Pattern.compile(
            "(局|政府|委员会|委|办公室|办|厅|院|所|中心|部|处|会|司|署|街道|办事处|镇|乡|室|队|站|小组)$");
    private static final Pattern CONTACT_NAME = Pattern.compile(
            "联\\s*系\\s*人\\s*[:]?\\s*([\\p{IsHan}]{2,4}?)(?=[\\s,;)]|联系|电话|手机|$)");
    private static final Pattern PHONE = Pattern.compile("(?<!\\d)(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}|\\d{7,8})(?!\\d)");

    final List<Block> blocks;
    final Map<String, TextRun> webMeta;
    /** How {@link #issuer()} found the issuer, and how sure it is. */
    Finding issuerFinding = new Finding("issuer", "none", 0);

    MetadataExtractor(List<Block> blocks, Map<String, TextRun> webMeta) {
        this.blocks = blocks;
        this.webMeta = webMeta;
    }

    Block first(Block.Role role) {
        for (Block b : blocks) if (b.role == role) return b;
        return null;
    }

    TextRun title() {
        Block b = first(Block.Role.TITLE);
        return b == null ? null : b.run;
    }

    /**
     * The header's "XXX文件" or organ line; else web metadata 发布机构; else, for a government work report, the
     * government named by its title, speaker or session line; else the title's organ; else the signature.
     */
    String issuer() {
        for (Block b : blocks) {
            if (b.role == Block.Role.HEADER_ORG) {
                String t = b.run.text.replaceAll("[\\s\u3000]+", "");
                if (t.endsWith("文件")) t = t.substring(0, t.length() - 2);
                if (!t.isEmpty() && ORGAN_LINE.matcher(t).find()) return found(t, "header", 0.95);
            }
        }
        TextRun organ = webMeta.getOrDefault("发布机构", webMeta.get("发文机关"));
        if (organ != null && !organ.isEmpty()) return found(organ.text, "web-metadata", 0.9);
        String government = government();
        if (government != null) return government;
        TextRun title = title();
        if (title != null) {
            int about = title.match.indexOf("关于");
            String prefix = about > 0 ? title.text.substring(0, about).strip() : null;
            if (prefix == null) {
                Matcher m = ORGAN.matcher(title.match);
                if (m.find()) prefix = title.text.substring(0, m.end(1));
            }
            if (prefix != null && !prefix.isEmpty()) return found(prefix, "title-organ", 0.75);
        }
        for (Block b : blocks) {
            if (b.role == Block.Role.SIGNATURE) return found(b.run.text.strip(), "signature", 0.6);
        }
        return null;
    }

    private String found(String issuer, String method, double confidence) {
        issuerFinding = new Finding("issuer", method, confidence);
        return issuer;
    }

    /** For a government work report: the government named by the title, else the speaker, else the session line. */
    private String government() {
        TextRun title = title();
        String compactTitle = title == null ? "" : compact(title.text);
        if (!compactTitle.contains("政府工作报告")) return null;
        String fromTitle = GovernmentIssuer.fromTitle(compactTitle);
        if (fromTitle != null) return found(fromTitle, "title", 0.9);
        Block speaker = first(Block.Role.SPEAKER);
        String fromSpeaker = speaker == null ? null : GovernmentIssuer.fromSpeaker(compact(speaker.run.text));
        if (fromSpeaker != null) return found(fromSpeaker, "speaker", 0.85);
        Block session = first(Block.Role.SESSION);
        String fromSession = session == null ? null : GovernmentIssuer.fromSession(compact(session.run.text));
        return fromSession == null ? null : found(fromSession, "session", 0.8);
    }

    private static String compact(String s) {
        return s.replaceAll("[\\s\u3000]+", "");
    }

    String docNumber() {
        for (Block b : blocks) {
            if (b.role == Block.Role.DOC_NUMBER) return found(b.run);
        }
        for (String key : new String[] {"备注/文号", "文号", "发文字号", "备注"}) {
            TextRun r = webMeta.get(key);
            if (r != null && Tokeniser.DOC_NUMBER.matcher(r.match).find()) return found(r);
        }
        return null;
    }

    private static String found(TextRun r) {
        Matcher m = Tokeniser.DOC_NUMBER.matcher(r.match);
        return m.find() ? r.text.substring(m.start(), m.end()).replaceAll("\\s+", "") : r.text;
    }

    String signatory() {
        for (Block b : blocks) {
            if (b.role == Block.Role.SIGNATORY) {
                int colon = b.run.match.indexOf(':');
                String v = b.run.text.substring(colon + 1).strip();
                return v.isEmpty() ? null : v;
            }
        }
        return null;
    }

    List<String> recipients() {
        Block b = first(Block.Role.RECIPIENTS);
        if (b == null) return List.of();
        String t = b.run.text.strip();
        t = t.substring(0, t.length() - 1); // the colon
        if (t.startsWith("主送")) t = t.substring(2).replaceFirst("^[:：]", "");
        return split(t);
    }

    List<String> copiedTo() {
        List<String> out = new ArrayList<>();
        for (Block b : blocks) {
            if (b.role == Block.Role.COPY_TO) {
                int colon = b.run.match.indexOf(':');
                out.addAll(split(b.run.text.substring(colon + 1)));
            }
        }
        return out;
    }

    private static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        for (String part : LIST_SEPARATORS.split(s)) {
            String p = part.strip().replaceAll("[。.]$", "").strip();
            if (!p.isEmpty()) out.add(p);
        }
        return out;
    }

    /** The signing date; else the printing date (印发); else the web page's document date. */
    LocalDate issuedOn() {
        LocalDate printed = null;
        LocalDate signed = null;
        for (Block b : blocks) {
            if (b.role != Block.Role.DATE) continue;
            LocalDate d = parseDate(b.run.match);
            if (d == null) continue;
            if (b.run.match.contains("印") || b.run.match.contains("发布")) printed = d;
            else signed = d;
        }
        if (signed != null) return signed;
        if (printed != null) return printed;
        LocalDate delivered = sessionDate();
        if (delivered != null) return delivered;
        for (String key : new String[] {"成文日期", "公文生成日期", "生成日期", "发文日期", "发布日期"}) {
            TextRun r = webMeta.get(key);
            if (r != null) {
                LocalDate d = parseDate(r.match);
                if (d != null) return d;
            }
        }
        return null;
    }

    /** The date of the session line ("——2026年1月26日在…会议上"), when there is one. */
    private LocalDate sessionDate() {
        Block b = first(Block.Role.SESSION);
        if (b == null) return null;
        Matcher m = Tokeniser.SESSION.matcher(b.run.match);
        try {
            return m.matches() ? LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))) : null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    static LocalDate parseDate(String m) {
        Matcher d = Tokeniser.DATE.matcher(m.strip());
        try {
            if (d.matches()) {
                if (d.group(1) != null) {
                    return LocalDate.of(Integer.parseInt(d.group(1)), Integer.parseInt(d.group(2)), Integer.parseInt(d.group(3)));
                }
                StringBuilder y = new StringBuilder();
                for (char c : d.group(5).toCharArray()) y.append(c == '〇' || c == '零' ? 0 : Enumerator.ordinal(String.valueOf(c)));
                return LocalDate.of(Integer.parseInt(y.toString()), Enumerator.ordinal(d.group(6)), Enumerator.ordinal(d.group(7)));
            }
            Matcher iso = ISO_DATE.matcher(m);
            if (iso.find()) {
                return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    static Integer firstYear(String match) {
        Matcher m = YEAR.matcher(match);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    static List<Integer> years(String match) {
        List<Integer> out = new ArrayList<>();
        Matcher m = YEAR.matcher(match);
        while (m.find()) out.add(Integer.valueOf(m.group(1)));
        return out;
    }

    /** The report year: the title's first year, else the first year of the body's opening. */
    int reportYear() {
        TextRun title = title();
        if (title != null) {
            Integer y = firstYear(title.match);
            // A government work report is named for the year it is delivered in and reviews the year before.
            if (y != null) return title.match.contains("政府工作报告") ? y - 1 : y;
        }
        LocalDate delivered = sessionDate();
        // A report delivered at a session (政府工作报告) reviews the year before it.
        if (delivered != null) return delivered.getYear() - 1;
        int seen = 0;
        for (Block b : blocks) {
            if (b.role != Block.Role.BODY) continue;
            Integer y = firstYear(b.run.match.length() > 40 ? b.run.match.substring(0, 40) : b.run.match);
            if (y != null) return y;
            if (++seen > 4) break;
        }
        LocalDate issued = issuedOn();
        return issued == null ? 0 : issued.getYear() - 1;
    }

    Contact contact() {
        for (Block b : blocks) {
            TextRun r = b.run;
            if (b.role != Block.Role.CONTACT && !(b.role == Block.Role.BODY && r.match.contains("联系人"))) continue;
            Matcher name = CONTACT_NAME.matcher(r.match);
            Matcher phone = PHONE.matcher(r.match);
            String n = name.find() ? r.text.substring(name.start(1), name.end(1)) : null;
            String p = phone.find() ? r.text.substring(phone.start(1), phone.end(1)) : null;
            if (n != null || p != null) return new Contact(n, p, r.span());
        }
        return null;
    }
}
