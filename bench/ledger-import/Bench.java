import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * bench/ledger-import: writes an .xlsx 台账 of N rows (plain SpreadsheetML, no library), then times the preview
 * upload as office1 several times. Run through ./run.
 */
public class Bench {

    static final String[] LEADS = {"区司法局", "司法局", "区市场监管局", "区委依法治区办", "开元街道", "鲤城区司法局", "区公安局"};
    static final String[] DATES = {"2025年6月底", "年底前", "6月30日前", "长期坚持", "2025-10-31", "2025年9月", "上半年"};
    static final String[] STATES = {"推进中", "未启动", "已完成", "办理中", ""};

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].substring(2), args[i + 1]);
        }
        int rows = Integer.parseInt(a.get("rows"));
        Path ledger = Path.of(a.get("ledger"));
        Files.write(ledger, xlsx(rows));
        HttpClient http = HttpClient.newHttpClient();
        String token = token(http, a.get("keycloak"));
        int warmup = Integer.parseInt(a.get("warmup"));
        int runs = Integer.parseInt(a.get("runs"));
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < warmup + runs; i++) {
            long start = System.nanoTime();
            HttpResponse<String> res = upload(http, a.get("url"), token, Files.readAllBytes(ledger));
            long took = (System.nanoTime() - start) / 1_000_000;
            if (res.statusCode() != 201) {
                throw new IllegalStateException("upload answered " + res.statusCode() + ": " + res.body());
            }
            if (i >= warmup) {
                millis.add(took);
            }
            System.out.printf("run %d: %d ms%s%n", i + 1, took, i < warmup ? " (warm-up)" : "");
        }
        Collections.sort(millis);
        String result = String.format("ledger %d rows (%d KB): preview min %d ms, median %d ms, max %d ms over %d runs%n",
                rows, Files.size(ledger) / 1024, millis.get(0), millis.get(millis.size() / 2),
                millis.get(millis.size() - 1), runs);
        System.out.print(result);
        Files.writeString(Path.of(a.get("out")), result);
    }

    static String token(HttpClient http, String keycloak) throws IOException, InterruptedException {
        String form = "client_id=rol-cli&grant_type=password&username=office1&password=office1";
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(keycloak
                        + "/realms/rule-of-law/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(res.body());
        if (!m.find()) {
            throw new IllegalStateException("no token from Keycloak: " + res.body());
        }
        return m.group(1);
    }

    static HttpResponse<String> upload(HttpClient http, String url, String token, byte[] file)
            throws IOException, InterruptedException {
        String boundary = "bench" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"planYear\"\r\n\r\n2025\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench-ledger.xlsx\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(url + "/api/imports"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A workbook of 1,000 rows a sheet: title row merged across, header on row 2, rows below. */
    static byte[] xlsx(int rows) throws IOException {
        int sheets = Math.max(1, (rows + 999) / 1000);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            StringBuilder overrides = new StringBuilder();
            StringBuilder sheetList = new StringBuilder();
            StringBuilder rels = new StringBuilder();
            for (int s = 1; s <= sheets; s++) {
                overrides.append("<Override PartName=\"/xl/worksheets/sheet").append(s).append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
                sheetList.append("<sheet name=\"第").append(s).append("批\" sheetId=\"").append(s).append("\" r:id=\"rId").append(s).append("\"/>");
                rels.append("<Relationship Id=\"rId").append(s).append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet").append(s).append(".xml\"/>");
            }
            put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + overrides + "</Types>");
            put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            put(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>" + sheetList + "</sheets></workbook>");
            put(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + rels + "</Relationships>");
            for (int s = 1; s <= sheets; s++) {
                StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
                row(x, 1, "2025年度重点工作任务台账（第" + s + "批）");
                row(x, 2, "序号", "工作任务", "牵头单位", "配合单位", "完成时限", "进展情况", "完成情况", "备注");
                int r = 3;
                for (int i = (s - 1) * 1000; i < Math.min(rows, s * 1000); i++) {
                    row(x, r++, String.valueOf(i + 1), "第" + (i + 1) + "项：推进行政执法规范化建设，落实重大行政决策程序",
                            LEADS[i % LEADS.length], LEADS[(i + 3) % LEADS.length], DATES[i % DATES.length],
                            "已完成阶段性工作", STATES[i % STATES.length], "");
                }
                x.append("</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:H1\"/></mergeCells></worksheet>");
                put(zip, "xl/worksheets/sheet" + s + ".xml", x.toString());
            }
        }
        return bytes.toByteArray();
    }

    static void row(StringBuilder x, int r, String... cells) {
        x.append("<row r=\"").append(r).append("\">");
        for (int c = 0; c < cells.length; c++) {
            if (cells[c].isEmpty()) {
                continue;
            }
            x.append("<c r=\"").append((char) ('A' + c)).append(r).append("\" t=\"inlineStr\"><is><t>")
                    .append(cells[c].replace("&", "&amp;").replace("<", "&lt;")).append("</t></is></c>");
        }
        x.append("</row>");
    }

    static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
