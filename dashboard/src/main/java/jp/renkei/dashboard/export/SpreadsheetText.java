package jp.renkei.dashboard.export;

/**
 * Formula injection (CSV injection): a spreadsheet treats a cell beginning with = + - @ (or a tab or carriage
 * return before one) as a formula. Every text cell of an export goes through {@link #neutralized}, which puts an
 * apostrophe in front, the form Excel and LibreOffice show as the text itself. Numbers are written from numeric values,
 * never from text, so a negative number stays a number.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    public static String neutralized(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return startsLikeAFormula(text) ? "'" + text : text;
    }

    public static boolean startsLikeAFormula(String text) {
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                || first == '＝' || first == '＋' || first == '－' || first == '＠';
    }
}
