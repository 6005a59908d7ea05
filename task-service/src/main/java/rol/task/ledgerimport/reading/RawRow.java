package rol.task.ledgerimport.reading;

import java.util.Map;

/**
 * One data row of a sheet, its cells by column. {@code row} is the row number Excel shows (1-based; for a CSV the
 * line). {@code theme} is the theme the row sits under: a merged theme cell, or a theme line spanning the table.
 */
public record RawRow(String sheet, int row, String theme, Map<ImportColumn, CellValue> cells) {

    public RawRow {
        cells = Map.copyOf(cells);
    }

    public CellValue cell(ImportColumn column) {
        return cells.getOrDefault(column, CellValue.EMPTY);
    }
}
