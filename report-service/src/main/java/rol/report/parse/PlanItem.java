package rol.report.parse;

import java.util.List;

/** A next-year plan entry; an entry without children is an actionable leaf, one with children is a theme. */
public record PlanItem(String id, String title, String text, Span span, List<PlanItem> children) {
    public PlanItem {
        children = List.copyOf(children);
    }

    public boolean leaf() {
        return children.isEmpty();
    }
}
