package io.claimguard.sample;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what the sample's pages promise to hold: {@code #whoami}, the {@code #customers} table and form inputs. */
final class HtmlPage {
    private static final Pattern WHOAMI = Pattern.compile("<span id=\"whoami\">([^<]*)</span>");
    private static final Pattern TABLE = Pattern.compile("<table id=\"customers\">(.*?)</table>", Pattern.DOTALL);
    private static final Pattern ROW = Pattern.compile("<tr data-id=\"(\\d+)\">(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td class=\"([a-z_]+)\">(.*?)</td>", Pattern.DOTALL);
    private static final Pattern INPUT = Pattern.compile("<input id=\"([a-z_]+)\" name=\"\\1\" value=\"([^\"]*)\"");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private final String html;

    HtmlPage(String html) {
        this.html = html;
    }

    String whoami() {
        Matcher m = WHOAMI.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no #whoami in the page");
        }
        return unescape(m.group(1));
    }

    /** The table's rows by id; an empty cell (NULL) as null. */
    Map<Integer, Map<Column, String>> rows() {
        Matcher table = TABLE.matcher(html);
        if (!table.find()) {
            throw new AssertionError("no #customers table in the page");
        }
        Map<Integer, Map<Column, String>> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(table.group(1));
        while (row.find()) {
            Map<Column, String> cells = new EnumMap<>(Column.class);
            Matcher cell = CELL.matcher(row.group(2));
            while (cell.find()) {
                String text = unescape(TAG.matcher(cell.group(2)).replaceAll(""));
                cells.put(Column.byKey(cell.group(1)).orElseThrow(), text.isEmpty() ? null : text);
            }
            rows.put(Integer.valueOf(row.group(1)), cells);
        }
        return rows;
    }

    /** The edit form's inputs by name, as a browser would submit them (empty text for an empty field). */
    Map<String, String> inputs() {
        Map<String, String> inputs = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(html);
        while (input.find()) {
            inputs.put(input.group(1), unescape(input.group(2)));
        }
        return inputs;
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
