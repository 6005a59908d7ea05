package rol.task.ledgerimport.reading;

import java.time.LocalDate;

/**
 * One cell as read: its text as shown, the date when the cell is a date (an Excel date cell), and whether it holds
 * a formula whose result is an error (#REF!, #DIV/0!…).
 */
public record CellValue(String text, LocalDate date, boolean formulaError) {

    public static final CellValue EMPTY = new CellValue("", null, false);

    public CellValue {
        text = text == null ? "" : text.strip();
    }

    public static CellValue text(String text) {
        return new CellValue(text, null, false);
    }

    public boolean blank() {
        return text.isEmpty() && date == null && !formulaError;
    }
}
