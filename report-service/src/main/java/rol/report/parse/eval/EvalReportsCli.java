package rol.report.parse.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import rol.report.parse.ReportParseException;
import rol.report.parse.ReportParser;

/**
 * Measures the parser against hand annotations: for each document and each annotated field, what was expected
 * and what was read, then the totals per field and overall.
 *
 * <pre>bin/eval-reports [--failures] DIR EXPECTED.json</pre>
 */
public final class EvalReportsCli {

    private EvalReportsCli() {
    }

    public static void main(String[] args) throws IOException {
        boolean failuresOnly = args.length > 0 && args[0].equals("--failures");
        List<String> rest = List.of(args).subList(failuresOnly ? 1 : 0, args.length);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (rest.size() != 2) {
            System.err.println("usage: eval-reports [--failures] DIR EXPECTED.json");
            System.exit(2);
        }
        Path dir = Path.of(rest.get(0));
        JsonNode expected = new ObjectMapper().readTree(Path.of(rest.get(1)).toFile());
        ReportParser parser = new ReportParser();
        Map<String, int[]> perField = new LinkedHashMap<>();
        int passed = 0;
        int total = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> doc = it.next();
            if (doc.getKey().startsWith("_")) continue;
            List<FieldCheck> checks = new ArrayList<>();
            try {
                checks.addAll(Annotations.check(parser.parse(Files.readAllBytes(dir.resolve(doc.getKey()))), doc.getValue()));
            } catch (ReportParseException | IOException e) {
                checks.add(new FieldCheck("document", "parsed", e.getClass().getSimpleName() + ": " + e.getMessage(), false));
            }
            int docPassed = (int) checks.stream().filter(FieldCheck::passed).count();
            out.printf("%s  %d/%d%n", doc.getKey(), docPassed, checks.size());
            for (FieldCheck c : checks) {
                int[] f = perField.computeIfAbsent(c.field(), k -> new int[2]);
                f[1]++;
                if (c.passed()) f[0]++;
                if (failuresOnly && c.passed()) continue;
                out.printf("  %s %-18s expected %s%n  %s %-18s read     %s%n", c.passed() ? "ok  " : "FAIL", c.field(),
                        c.expected(), "    ", "", c.read());
            }
            passed += docPassed;
            total += checks.size();
        }
        out.println();
        out.println("field               passed");
        perField.forEach((field, f) -> out.printf("%-18s  %d/%d (%s)%n", field, f[0], f[1], percent(f[0], f[1])));
        out.printf("%-18s  %d/%d (%s)%n", "TOTAL", passed, total, percent(passed, total));
    }

    private static String percent(int a, int b) {
        return b == 0 ? "-" : String.format("%.1f%%", 100.0 * a / b);
    }
}
