package rol.task.ledger;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The ledger as CSV: UTF-8 with a byte order mark (without it Excel reads the Chinese as the local code page),
 * RFC 4180 (CRLF line ends; a field with a comma, quote or line break in double quotes, quotes doubled).
 */
public final class LedgerCsv {

    private LedgerCsv() {
    }

    public static void write(List<LedgerRow> rows, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write('\uFEFF');
        line(w, LedgerRow.HEADERS);
        for (LedgerRow row : rows) {
            line(w, row.cells());
        }
        w.flush();
    }

    private static void line(Writer w, String[] cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(field(cells[i]));
        }
        w.write("\r\n");
    }

    /** One field, quoted when it must be; text that Excel would run as a formula is kept as text. */
    static String field(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("[-+]?\\d+(\\.\\d+)?%?")) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
