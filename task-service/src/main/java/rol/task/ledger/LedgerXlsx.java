package rol.task.ledger;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import rol.platform.lights.TrafficLight;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The ledger as an Excel workbook, the way it is printed for a meeting: a title row with the export date, a bold
 * header that stays in view (frozen) and repeats on every printed page, wrapped text in set column widths,
 * landscape A4 one page wide, the 红黄绿灯 cell filled with its colour. Written with SXSSF, so that a large ledger
 * streams rather than sits in memory.
 */
public final class LedgerXlsx {

    public static final String TITLE = "督办事项台账";
    public static final String SHEET = "督办台账";

    /** Column widths in Excel's units (a digit's width; a Chinese character takes about two). */
    private static final int[] WIDTHS = {6, 60, 26, 32, 12, 12, 8, 60, 20, 38};

    /** The light column's index in {@link LedgerRow#HEADERS}. */
    private static final int LIGHT = 8;

    /** Fill colours (RGB) of the light cell: Excel's standard red, yellow and green, which print as such. */
    private static final Map<TrafficLight, String> FILLS = Map.of(
            TrafficLight.RED, "FF0000", TrafficLight.YELLOW, "FFFF00", TrafficLight.GREEN, "00B050");

    private LedgerXlsx() {
    }

    public static void write(List<LedgerRow> rows, LocalDate exported, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            wb.setCompressTempFiles(true);
            SXSSFSheet sheet = wb.createSheet(SHEET);
            int last = LedgerRow.HEADERS.length - 1;
            for (int c = 0; c <= last; c++) {
                sheet.setColumnWidth(c, WIDTHS[c] * 256);
            }

            Row title = sheet.createRow(0);
            title.setHeightInPoints(30);
            Cell titleCell = title.createCell(0);
            titleCell.setCellValue(TITLE + "（导出日期：" + exported + "，共 " + rows.size() + " 项）");
            titleCell.setCellStyle(titleStyle(wb));
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));

            CellStyle headerStyle = headerStyle(wb);
            Row header = sheet.createRow(1);
            for (int c = 0; c <= last; c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(LedgerRow.HEADERS[c]);
                cell.setCellStyle(headerStyle);
            }

            CellStyle text = bodyStyle(wb, HorizontalAlignment.LEFT);
            CellStyle centred = bodyStyle(wb, HorizontalAlignment.CENTER);
            Map<TrafficLight, CellStyle> lit = new EnumMap<>(TrafficLight.class);
            for (TrafficLight light : TrafficLight.values()) {
                lit.put(light, lightStyle(wb, light));
            }
            int r = 2;
            for (LedgerRow row : rows) {
                Row line = sheet.createRow(r++);
                String[] cells = row.cells();
                for (int c = 0; c <= last; c++) {
                    Cell cell = line.createCell(c);
                    if (c == 0) {
                        cell.setCellValue(row.number());
                    } else {
                        cell.setCellValue(cells[c]);
                    }
                    if (c == LIGHT && row.lightColour() != null) {
                        cell.setCellStyle(lit.get(row.lightColour()));
                    } else {
                        cell.setCellStyle(c == 0 || c == 4 || c == 5 || c == 6 || c == LIGHT ? centred : text);
                    }
                }
            }

            sheet.createFreezePane(0, 2);
            sheet.setAutoFilter(new CellRangeAddress(1, Math.max(1, r - 1), 0, last));
            sheet.setRepeatingRows(new CellRangeAddress(0, 1, -1, -1));
            sheet.getPrintSetup().setLandscape(true);
            sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
            sheet.setFitToPage(true);
            wb.write(out);
        }
    }

    private static CellStyle titleStyle(SXSSFWorkbook wb) {
        Font font = wb.createFont();
        font.setBold(true);
        font.setFontHeightInPoints((short) 16);
        CellStyle style = wb.createCellStyle();
        style.setFont(font);
        style.setAlignment(HorizontalAlignment.CENTER);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        return style;
    }

    private static CellStyle headerStyle(SXSSFWorkbook wb) {
        Font font = wb.createFont();
        font.setBold(true);
        CellStyle style = wb.createCellStyle();
        style.setFont(font);
        style.setAlignment(HorizontalAlignment.CENTER);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        style.setWrapText(true);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        borders(style);
        return style;
    }

    private static CellStyle bodyStyle(SXSSFWorkbook wb, HorizontalAlignment alignment) {
        CellStyle style = wb.createCellStyle();
        style.setAlignment(alignment);
        style.setVerticalAlignment(VerticalAlignment.TOP);
        style.setWrapText(true);
        borders(style);
        return style;
    }

    /** Centred like the other short columns, filled with the light's colour; white text on red and green. */
    private static CellStyle lightStyle(SXSSFWorkbook wb, TrafficLight light) {
        XSSFCellStyle style = (XSSFCellStyle) bodyStyle(wb, HorizontalAlignment.CENTER);
        style.setFillForegroundColor(new XSSFColor(HexFormat.of().parseHex(FILLS.get(light)), null));
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        XSSFFont font = (XSSFFont) wb.createFont();
        font.setBold(true);
        if (light != TrafficLight.YELLOW) {
            font.setColor(IndexedColors.WHITE.getIndex());
        }
        style.setFont(font);
        return style;
    }

    private static void borders(CellStyle style) {
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
    }
}
