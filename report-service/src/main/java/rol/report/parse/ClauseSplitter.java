package rol.report.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits running text into list entries: a plan written as one run-on sentence of verb-led clauses becomes
 * one entry per clause; a problem list written as "主要是：A，B，C。" one entry per item. Clauses that are not
 * actions (the year, the guiding ideology, purposes like "促进…") are dropped or attached to their neighbour.
 */
final class ClauseSplitter {

    /** Openings of action clauses in plans. Data, not logic: extend when a report uses another verb. */
    private static final Pattern ACTION = Pattern.compile("^(加强|推动|推进|深化|建立|健全|完善|落实|开展|强化|提升|提高|持续|"
            + "深入|扎实|全面|积极|着力|加快|牵头|配合|发挥|组织|做好|抓好|抓实|坚持|优化|创新|探索|规范|严格|巩固|培育|打造|构建|"
            + "实施|统筹|聚焦|更好|进一步|不断|大力|切实|认真|继续|用好|用活|制定|编制|修订|建设|督促|指导|协调|整合|拓展|拓宽|扩大|"
            + "增强|夯实|防范|化解|保障|引导|鼓励|支持|召开|举办|选聘|设立|形成|开设|推广|完成|争取|力争|重点|主动|广泛|及时|定期|"
            + "学习|宣传|贯彻|研究|起草|出台|印发|修改|清理|审查|办理|开发|上线|运用|抓紧|稳步|有序|依法|监督|考核|评估|畅通|压实|"
            + "细化|明确|聚力|全力|精准|组建|谋划|部署|筹备|承办|参与|加大|落细|抓细|狠抓|突出|强力|高质量|高标准|加速|启动|试点)");
    /** Purpose clauses belong to the action before them. */
    private static final Pattern PURPOSE = Pattern.compile("^(促进|确保|助力|从而|进而|以便|以此|使|让|努力实现|为.{1,20}提供)");
    /** Framing clauses belong to the action after them. */
    private static final Pattern FRAMING = Pattern.compile("^(围绕|按照|紧扣|紧紧围绕|立足|对标|在.{1,20}(下|中|上)$)");
    /** Opening clauses that state the year, the actor or the guiding ideology. */
    private static final Pattern PREAMBLE = Pattern.compile("^\\d{4}\\s*年$|习近平|思想|精神|为指导|为统领|为引领|为主线|"
            + "^(我局|我区|我办|我委|我市|本局|我们|全区|全局)[^,]{0,4}将");

    record Clause(TextRun run) {
    }

    /** Clauses of running text split at commas and semicolons outside brackets and quotes. */
    static List<TextRun> clauses(TextRun run, boolean splitAtComma) {
        return split(run, splitAtComma ? "。;!?," : "。;!?");
    }

    /** Pieces of running text cut after each of {@code cuts} outside brackets and quotes, trimmed, none empty. */
    static List<TextRun> split(TextRun run, String cuts) {
        List<TextRun> out = new ArrayList<>();
        String m = run.match;
        int depth = 0;
        int start = 0;
        for (int i = 0; i < m.length(); i++) {
            char c = m.charAt(i);
            if ("《“(【「".indexOf(c) >= 0) depth++;
            else if ("》”)】」".indexOf(c) >= 0) depth = Math.max(0, depth - 1);
            boolean cut = depth == 0 && cuts.indexOf(c) >= 0;
            if (cut) {
                TextRun part = run.sub(start, i).trim();
                if (!part.isEmpty()) out.add(part);
                start = i + 1;
            }
        }
        TextRun rest = run.sub(start).trim();
        if (!rest.isEmpty()) out.add(rest);
        return out;
    }

    /** Actionable items of a run-on plan paragraph. */
    static List<TextRun> planItems(TextRun paragraph) {
        List<TextRun> clauses = clauses(paragraph, true);
        int i = 0;
        while (i < clauses.size() && PREAMBLE.matcher(clauses.get(i).match).find()) i++;
        List<TextRun> items = new ArrayList<>();
        TextRun pendingFrame = null;
        for (; i < clauses.size(); i++) {
            TextRun c = clauses.get(i);
            String m = c.match;
            if (FRAMING.matcher(m).find()) {
                pendingFrame = pendingFrame == null ? c : joinWithComma(pendingFrame, c);
                continue;
            }
            if (pendingFrame != null) {
                c = joinWithComma(pendingFrame, c);
                pendingFrame = null;
            }
            boolean action = ACTION.matcher(m).find();
            if (!items.isEmpty() && (PURPOSE.matcher(m).find() || !action)) {
                items.set(items.size() - 1, joinWithComma(items.get(items.size() - 1), c));
            } else {
                items.add(c);
            }
        }
        return items;
    }

    /** Entries of a list written in running text after a colon ("主要是：A，B，C。"). */
    static List<TextRun> listItems(TextRun paragraph) {
        String m = paragraph.match;
        int colon = m.indexOf(':');
        TextRun list = colon >= 0 ? paragraph.sub(colon + 1).trim() : paragraph;
        // The list ends with its sentence; what follows ("对此，我们将…") is not part of it.
        int stop = list.match.indexOf('。');
        if (stop >= 0) list = list.sub(0, stop);
        boolean semicolons = list.match.indexOf(';') >= 0;
        return clauses(list, !semicolons);
    }

    private static TextRun joinWithComma(TextRun a, TextRun b) {
        // The clauses are adjacent in the source; re-cover the comma between them so the text reads naturally.
        return a.concat(new TextRun("，", ",", new int[] {a.endOf(a.length() - 1)},
                new int[] {Math.max(a.endOf(a.length() - 1), b.startOf(0))}, a.line)).concat(b);
    }
}
