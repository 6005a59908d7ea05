package rol.task.ledgerimport.reading;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a 台账 file (.xlsx, .xls or .csv) into its data rows: on every sheet, the header row is looked for in the
 * first {@value #HEADER_SEARCH} rows (a title row above it is common), merged cells give their value to every cell
 * they cover (a lead department merged down several rows leads each), and theme lines (一、…, merged across the
 * table) set the theme of the rows below. Whole-file faults are {@link ImportRejected}.
 */
public final class WorkbookReader {

    static final int HEADER_SEARCH = 15;
    /** How many error cells a rejection names at most. */
    static final int NAMED_ERRORS = 10;

    private final int maxRows;

    public WorkbookReader(int maxRows) {
        this.maxRows = maxRows;
    }

    public List<RawRow> read(byte[] content, String fileName) {
        if (content.length == 0) {
            throw new ImportRejected(400, "import-empty");
        }
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(new ByteArrayInputStream(content))) {
            magic = FileMagic.valueOf(in);
        } catch (IOException e) {
            throw new ImportRejected(415, "import-not-spreadsheet");
        }
        return switch (magic) {
            case OOXML -> workbook(content);
            case OLE2 -> ole2(content);
            default -> {
                if (CsvText.looksLikeText(content) && (lower(fileName).endsWith(".csv") || CsvText.hasSeparators(content))) {
                    yield csv(content, fileName);
                }
                throw new ImportRejected(415, "import-not-spreadsheet");
            }
        };
    }

    /** OLE2 is an old .xls, or an .xlsx that Excel encrypted with a password (it then holds EncryptionInfo). */
    private List<RawRow> ole2(byte[] content) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            if (fs.getRoot().hasEntry("EncryptionInfo")) {
                throw new ImportRejected(400, "import-encrypted");
            }
        } catch (IOException e) {
            throw new ImportRejected(415, "import-not-spreadsheet");
        }
        return workbook(content);
    }

    private List<RawRow> workbook(byte[] content) {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            List<RawRow> rows = new ArrayList<>();
            List<String> errorCells = new ArrayList<>();
            int total = 0;
            for (Sheet sheet : wb) {
                total += sheet.getLastRowNum() + 1;
                if (total > maxRows + HEADER_SEARCH * wb.getNumberOfSheets()) {
                    throw new ImportRejected(413, "import-too-many-rows", String.valueOf(maxRows));
                }
                rows.addAll(new SheetReader(sheet, errorCells).rows());
            }
            return checked(rows, errorCells);
        } catch (EncryptedDocumentException e) {
            throw new ImportRejected(400, "import-encrypted");
        } catch (ImportRejected e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // POI reports a zip bomb as an IOException naming it; anything else is a file it cannot read
            String message = String.valueOf(e.getMessage()) + (e.getCause() == null ? "" : e.getCause().getMessage());
            if (message.contains("Zip bomb") || message.contains("ZipSecureFile")) {
                throw new ImportRejected(400, "import-zip-bomb");
            }
            throw new ImportRejected(415, "import-not-spreadsheet");
        }
    }

    private List<RawRow> csv(byte[] content, String fileName) {
        List<List<String>> lines = CsvText.parse(content);
        if (lines.size() > maxRows + HEADER_SEARCH) {
            throw new ImportRejected(413, "import-too-many-rows", String.valueOf(maxRows));
        }
        String sheet = fileName == null ? "CSV" : fileName.replaceFirst("\\.[^.]*$", "");
        List<RawRow> rows = new TableReader(sheet).rows(lines.size(), (r, c) -> {
            List<String> line = lines.get(r);
            return c < line.size() ? CellValue.text(CsvText.unprotect(line.get(c))) : CellValue.EMPTY;
        }, r -> lines.get(r).size(), (r, c) -> false);
        return checked(rows, List.of());
    }

    private List<RawRow> checked(List<RawRow> rows, List<String> errorCells) {
        if (!errorCells.isEmpty()) {
            throw new ImportRejected(422, "import-formula-errors", errorCells.size(),
                    String.join("、", errorCells.subList(0, Math.min(NAMED_ERRORS, errorCells.size()))));
        }
        if (rows.isEmpty()) {
            throw new ImportRejected(422, "import-no-header");
        }
        if (rows.size() > maxRows) {
            throw new ImportRejected(413, "import-too-many-rows", String.valueOf(maxRows));
        }
        return rows;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    /** One sheet of a workbook: its cells with merged regions resolved to their top-left cell. */
    private static final class SheetReader {
        private final Sheet sheet;
        private final List<String> errorCells;
        private final Map<Long, CellRangeAddress> merged = new HashMap<>();
        private final DataFormatter formatter = new DataFormatter(Locale.CHINA);

        SheetReader(Sheet sheet, List<String> errorCells) {
            this.sheet = sheet;
            this.errorCells = errorCells;
            for (CellRangeAddress region : sheet.getMergedRegions()) {
                for (int r = region.getFirstRow(); r <= region.getLastRow(); r++) {
                    for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
                        merged.put(key(r, c), region);
                    }
                }
            }
        }

        List<RawRow> rows() {
            return new TableReader(sheet.getSheetName()).rows(sheet.getLastRowNum() + 1, this::value, r -> {
                Row row = sheet.getRow(r);
                return row == null ? 0 : Math.max(0, row.getLastCellNum());
            }, this::wideMerge);
        }

        private CellValue value(int r, int c) {
            CellRangeAddress region = merged.get(key(r, c));
            int row = region == null ? r : region.getFirstRow();
            int col = region == null ? c : region.getFirstColumn();
            Row line = sheet.getRow(row);
            Cell cell = line == null ? null : line.getCell(col);
            if (cell == null) {
                return CellValue.EMPTY;
            }
            CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
            return switch (type) {
                case ERROR -> {
                    String ref = sheet.getSheetName() + "!" + new CellReference(row, col).formatAsString(false);
                    if (!errorCells.contains(ref)) {
                        errorCells.add(ref);
                    }
                    yield new CellValue("", null, true);
                }
                case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                        ? new CellValue(formatter.formatCellValue(cell), dateOf(cell), false)
                        : new CellValue(cell.getCellType() == CellType.FORMULA
                                ? formatter.formatRawCellContents(cell.getNumericCellValue(), cell.getCellStyle().getDataFormat(),
                                cell.getCellStyle().getDataFormatString())
                                : formatter.formatCellValue(cell), null, false);
                case STRING -> CellValue.text(cell.getStringCellValue());
                case BOOLEAN -> CellValue.text(String.valueOf(cell.getBooleanCellValue()));
                default -> CellValue.EMPTY;
            };
        }

        private static LocalDate dateOf(Cell cell) {
            return cell.getLocalDateTimeCellValue().toLocalDate();
        }

        /** A cell merged across several columns of one row: how theme lines are drawn. */
        private boolean wideMerge(int r, int c) {
            CellRangeAddress region = merged.get(key(r, c));
            return region != null && region.getLastColumn() - region.getFirstColumn() >= 2;
        }

        private static long key(int r, int c) {
            return ((long) r << 16) | c;
        }
    }

    /** A table of cells, as a sheet or a CSV gives it: finds the header, then reads the rows below it. */
    private record TableReader(String sheet) {

        interface Cells {
            CellValue at(int row, int column);
        }

        interface Width {
            int of(int row);
        }

        interface Merge {
            boolean wide(int row, int column);
        }

        List<RawRow> rows(int rowCount, Cells cells, Width width, Merge merge) {
            int headerRow = -1;
            Map<Integer, ImportColumn> columns = Map.of();
            for (int r = 0; r < Math.min(HEADER_SEARCH, rowCount) && headerRow < 0; r++) {
                Map<Integer, ImportColumn> found = header(cells, r, width.of(r));
                if (found.containsValue(ImportColumn.TASK) && found.size() >= 2) {
                    headerRow = r;
                    columns = found;
                }
            }
            if (headerRow < 0) {
                return List.of();
            }
            List<RawRow> rows = new ArrayList<>();
            String theme = null;
            for (int r = headerRow + 1; r < rowCount; r++) {
                Map<ImportColumn, CellValue> line = new EnumMap<>(ImportColumn.class);
                for (Map.Entry<Integer, ImportColumn> e : columns.entrySet()) {
                    CellValue v = cells.at(r, e.getKey());
                    if (!v.blank()) {
                        line.put(e.getValue(), v);
                    }
                }
                if (line.isEmpty()) {
                    continue;
                }
                String themeLine = themeLine(line, r, columns, merge);
                if (themeLine != null) {
                    theme = themeLine;
                    continue;
                }
                if (!line.containsKey(ImportColumn.TASK) && !line.containsKey(ImportColumn.LEAD)) {
                    continue; // a footer (填表人, 联系电话) or a note under the table
                }
                rows.add(new RawRow(sheet, r + 1, line.containsKey(ImportColumn.THEME)
                        ? line.get(ImportColumn.THEME).text() : theme, line));
            }
            return rows;
        }

        private static Map<Integer, ImportColumn> header(Cells cells, int r, int width) {
            Map<Integer, ImportColumn> found = new HashMap<>();
            for (int c = 0; c < width; c++) {
                int column = c;
                ImportColumn.of(cells.at(r, c).text()).ifPresent(col -> {
                    if (!found.containsValue(col)) {
                        found.put(column, col);
                    }
                });
            }
            return found;
        }

        /**
         * A theme line: one text across the row (a cell merged over the table, or the only cell filled) that is
         * numbered like a theme (一、 （一） 第一) or drawn merged across columns. Else null.
         */
        private static String themeLine(Map<ImportColumn, CellValue> line, int r, Map<Integer, ImportColumn> columns,
                                        Merge merge) {
            if (line.values().stream().map(CellValue::text).distinct().count() != 1) {
                return null;
            }
            String text = line.values().iterator().next().text();
            boolean wide = columns.keySet().stream().anyMatch(c -> merge.wide(r, c));
            boolean numbered = text.matches("^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+).*");
            boolean onlyCell = line.size() == 1 && !line.containsKey(ImportColumn.TASK);
            return wide || numbered && (onlyCell || line.size() > 1) ? text.replaceFirst(
                    "^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])\\s*", "") : null;
        }
    }
}
