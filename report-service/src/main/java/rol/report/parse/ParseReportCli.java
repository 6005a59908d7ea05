package rol.report.parse;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Prints the structured report of each file as one JSON object per line. A file the parser refuses prints
 * {"file":…,"error":messageKey,"message":…} instead, and the exit status is 1.
 *
 * <pre>bin/parse-report [--pretty] [--no-text] FILE...</pre>
 */
public final class ParseReportCli {

    private ParseReportCli() {
    }

    public static void main(String[] args) throws IOException {
        boolean pretty = false;
        boolean withText = true;
        int files = 0;
        int failed = 0;
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        ReportParser parser = new ReportParser();
        for (String arg : args) {
            switch (arg) {
                case "--pretty" -> pretty = true;
                case "--no-text" -> withText = false;
                case "-h", "--help" -> {
                    out.println("usage: parse-report [--pretty] [--no-text] FILE...");
                    return;
                }
                default -> {
                    files++;
                    var node = mapper.createObjectNode().put("file", arg);
                    try {
                        ParsedReport report = parser.parse(Files.readAllBytes(Path.of(arg)));
                        var tree = mapper.valueToTree(report);
                        node.setAll((com.fasterxml.jackson.databind.node.ObjectNode) tree);
                        node.set("planLeafCount", mapper.getNodeFactory().numberNode(report.planLeaves().size()));
                        if (!withText) node.remove("text");
                    } catch (ReportParseException e) {
                        failed++;
                        node.put("error", e.messageKey()).put("message", e.getMessage());
                    }
                    out.println(pretty ? mapper.writerWithDefaultPrettyPrinter().writeValueAsString(node)
                            : mapper.writeValueAsString(node));
                }
            }
        }
        if (files == 0) {
            System.err.println("usage: parse-report [--pretty] [--no-text] FILE...");
            System.exit(2);
        }
        if (failed > 0) System.exit(1);
    }
}
