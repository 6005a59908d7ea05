package rol.task.ledgerimport.reading;

import rol.task.suggestion.ChineseText;

import java.util.List;
import java.util.Optional;

/**
 * The columns a 台账 is read by, each with the headings offices give it. A heading matches when, without spaces and
 * punctuation, it equals a synonym or starts with one (完成时限（2025年） is a deadline).
 */
public enum ImportColumn {
    /** 任务编号: the task id the ledger export writes; a re-import matches on it. */
    TASK_ID("任务编号", "任务ID"),
    NUMBER("序号", "编号"),
    THEME("主题", "类别", "分类", "板块", "重点领域"),
    TASK("任务", "工作事项", "整改任务", "整改事项", "整改措施", "工作任务", "重点任务", "任务内容", "事项", "具体任务", "工作内容"),
    LEAD("牵头单位", "牵头部门", "责任牵头单位"),
    CO("配合单位", "责任单位", "协办单位", "配合部门"),
    DEADLINE("完成时限", "办结时限", "完成时间", "时间节点", "时限"),
    PERCENT("进度", "完成进度"),
    PROGRESS("进展情况", "推进情况", "落实情况", "最新反馈"),
    STATE("状态", "完成情况", "办理状态"),
    CLOSED_ON("办结日期", "销号日期", "办结时间"),
    NOTE("备注");

    private final List<String> headings;

    ImportColumn(String... headings) {
        this.headings = List.of(headings);
    }

    public List<String> headings() {
        return headings;
    }

    /** The column a heading names; exact synonyms win over prefixes, longer prefixes over shorter. */
    public static Optional<ImportColumn> of(String heading) {
        String h = compact(heading);
        if (h.isEmpty()) {
            return Optional.empty();
        }
        ImportColumn best = null;
        int bestLength = 0;
        for (ImportColumn c : values()) {
            for (String s : c.headings) {
                if (h.equals(s)) {
                    return Optional.of(c);
                }
                if (h.startsWith(s) && s.length() > bestLength && h.length() <= s.length() + 8) {
                    best = c;
                    bestLength = s.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    static String compact(String text) {
        if (text == null) {
            return "";
        }
        return ChineseText.normalize(text).replaceAll("[\\s\\p{P}\\p{S}]", "");
    }
}
