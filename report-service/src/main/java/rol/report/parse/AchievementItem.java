package rol.report.parse;

import java.util.List;

public record AchievementItem(String id, String title, String text, Span span, List<Metric> metrics) {
    public AchievementItem {
        metrics = List.copyOf(metrics);
    }
}
