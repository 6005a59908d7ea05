package rol.notification.notice;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a notice from its kind's Qute template, {@code templates/notice/<kind>.txt} (kind in lower case with
 * hyphens): the first line is the title, the rest the body.
 */
@ApplicationScoped
public class NoticeTexts {

    public record Rendered(String title, String body) {
    }

    @Inject
    Engine engine;

    public Rendered render(String kind, Map<String, Object> values) {
        String name = "notice/" + kind.toLowerCase(Locale.ROOT).replace('_', '-');
        Template template = engine.getTemplate(name);
        if (template == null) {
            throw new IllegalStateException("no template " + name + " for notice kind " + kind);
        }
        String text = template.data(values).render().strip();
        int nl = text.indexOf('\n');
        return nl < 0 ? new Rendered(text, "") : new Rendered(text.substring(0, nl).strip(), text.substring(nl + 1).strip());
    }

    /** 2025年6月30日 */
    public static String chineseDate(LocalDate d) {
        return d == null ? "未设定" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
