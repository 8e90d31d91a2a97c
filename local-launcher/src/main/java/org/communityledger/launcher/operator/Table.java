package org.communityledger.launcher.operator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows in aligned columns, headers first. A missing value prints as "-", a value of several lines as one. The
 * last column is not padded, so a long reason does not push the others apart. Widths count characters: CJK
 * text in a column before the last would misalign it, so such text (names, reasons) belongs in the last column.
 */
public final class Table {

    private final List<String[]> rows = new ArrayList<>();

    public Table(String... headers) {
        rows.add(headers);
    }

    public Table row(Object... cells) {
        if (cells.length != rows.get(0).length) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of "
                    + rows.get(0).length + " columns");
        }
        rows.add(Arrays.stream(cells).map(Table::cell).toArray(String[]::new));
        return this;
    }

    /** One line per row: a reason may span lines (a parser's message with its location), a cell may not. */
    private static String cell(Object value) {
        return value == null ? "-" : value.toString().strip().replaceAll("\\s*\\R\\s*", " ").replace('\t', ' ');
    }

    public String render(String indent) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int column = 0; column < columns; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int column = 0; column < columns; column++) {
                line.append(column == columns - 1 ? row[column] : pad(row[column], widths[column] + 2));
            }
            text.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return text.toString();
    }

    private static String pad(String cell, int width) {
        return cell + " ".repeat(width - cell.length());
    }
}
