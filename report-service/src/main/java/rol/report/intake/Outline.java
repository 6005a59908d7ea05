package rol.report.intake;

import rol.report.parse.AchievementItem;
import rol.report.parse.AchievementTheme;
import rol.report.parse.Metric;
import rol.report.parse.PlanItem;
import rol.report.parse.Problem;
import rol.report.parse.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One part of a report (plan, problems, achievements) as an editable tree, so that every correction is written once
 * for all three parts. Ids never change here: a node keeps its id through edits, merges keep the first id, and new
 * nodes get ids the caller hands in.
 */
final class Outline {

    /** The parts that can be corrected item by item; the path segment names them. */
    enum Part {
        PLAN("plan", "plan", 3),
        PROBLEMS("problems", "problem", 1),
        ACHIEVEMENTS("achievements", "achievement", 2);

        final String path;
        final String idPrefix;
        /** How deep the outline may go: problems are flat, achievements are themes with items. */
        final int maxDepth;

        Part(String path, String idPrefix, int maxDepth) {
            this.path = path;
            this.idPrefix = idPrefix;
            this.maxDepth = maxDepth;
        }

        static Optional<Part> ofPath(String path) {
            for (Part p : values()) {
                if (p.path.equals(path)) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }
    }

    static final class Node {
        String id;
        String title;
        String text;
        Span span;
        List<Node> children = new ArrayList<>();
        List<Metric> metrics = new ArrayList<>();

        Node(String id, String title, String text, Span span) {
            this.id = id;
            this.title = title;
            this.text = text;
            this.span = span;
        }
    }

    final Part part;
    final List<Node> roots;

    private Outline(Part part, List<Node> roots) {
        this.part = part;
        this.roots = roots;
    }

    static Outline read(ReportContent c, Part part) {
        List<Node> roots = new ArrayList<>();
        switch (part) {
            case PLAN -> c.plan.forEach(p -> roots.add(plan(p)));
            case PROBLEMS -> c.problems.forEach(p -> roots.add(new Node(p.id(), p.title(), p.text(), p.span())));
            case ACHIEVEMENTS -> c.achievements.forEach(t -> {
                Node theme = new Node(t.id(), t.title(), t.text(), t.span());
                theme.metrics.addAll(t.metrics());
                for (AchievementItem i : t.items()) {
                    Node item = new Node(i.id(), i.title(), i.text(), i.span());
                    item.metrics.addAll(i.metrics());
                    theme.children.add(item);
                }
                roots.add(theme);
            });
        }
        return new Outline(part, roots);
    }

    private static Node plan(PlanItem p) {
        Node n = new Node(p.id(), p.title(), p.text(), p.span());
        p.children().forEach(c -> n.children.add(plan(c)));
        return n;
    }

    void writeTo(ReportContent c) {
        switch (part) {
            case PLAN -> c.plan = roots.stream().map(Outline::toPlan).toList();
            case PROBLEMS -> c.problems = roots.stream().map(n -> new Problem(n.id, n.title, n.text, n.span)).toList();
            case ACHIEVEMENTS -> c.achievements = roots.stream().map(t -> new AchievementTheme(t.id, t.title, t.text,
                    t.span, t.children.stream().map(i -> new AchievementItem(i.id, i.title, i.text, i.span,
                    i.metrics)).toList(), t.metrics)).toList();
        }
    }

    private static PlanItem toPlan(Node n) {
        return new PlanItem(n.id, n.title, n.text, n.span, n.children.stream().map(Outline::toPlan).toList());
    }

    /** Where a node sits: its parent (null at the top), the list holding it, its index and depth (1 at the top). */
    record Place(Node parent, List<Node> siblings, int index, int depth) {
        Node node() {
            return siblings.get(index);
        }
    }

    Optional<Place> find(String id) {
        return find(null, roots, id, 1);
    }

    private static Optional<Place> find(Node parent, List<Node> list, String id, int depth) {
        for (int i = 0; i < list.size(); i++) {
            Node n = list.get(i);
            if (n.id.equals(id)) {
                return Optional.of(new Place(parent, list, i, depth));
            }
            Optional<Place> below = find(n, n.children, id, depth + 1);
            if (below.isPresent()) {
                return below;
            }
        }
        return Optional.empty();
    }

    /** Every node, depth first in document order. */
    void forEach(Consumer<Node> action) {
        walk(roots, action);
    }

    private static void walk(List<Node> list, Consumer<Node> action) {
        for (Node n : list) {
            action.accept(n);
            walk(n.children, action);
        }
    }

    /** Keeps only the metrics whose figure is still written in the text after an edit. */
    static List<Metric> metricsStillIn(List<Metric> metrics, String text) {
        String compact = text == null ? "" : text.replaceAll("\\s+", "");
        return metrics.stream().filter(m -> compact.contains(m.value() + (m.unit() == null ? "" : m.unit()))).toList();
    }
}
