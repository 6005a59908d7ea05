package rol.report.parse;

import java.util.List;

/** A theme of the achievements part; {@code metrics} are the figures in its own text outside its items. */
public record AchievementTheme(String id, String title, String text, Span span, List<AchievementItem> items,
                               List<Metric> metrics) {
    public AchievementTheme {
        items = List.copyOf(items);
        metrics = List.copyOf(metrics);
    }
}
