package io.claimguard.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The sample application (and the legacy-style applications of {@code e2e-apps}, whose pages
 * mark rows and form fields the same way) seen from outside, over HTTP: its pages and JSON read
 * back as rows of text (column name to value, null for NULL), keyed by id. Salaries read as plain decimals
 * ({@code 112500.00}) from both.
 */
final class SampleApp {

    /** Decimals exactly as written: {@code 112500.00} stays that, not {@code 112500}. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    private static final Pattern ROW = Pattern.compile("<tr data-id=\"(\\d+)\">(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td class=\"([A-Za-z_]+)\">(.*?)</td>", Pattern.DOTALL);
    private static final Pattern INPUT = Pattern.compile("<input id=\"([A-Za-z_]+)\" name=\"\\1\" value=\"([^\"]*)\"");
    private static final Pattern WHOAMI = Pattern.compile("<span id=\"whoami\">([^<]*)</span>");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    private final Http http;
    private final Function<String, URI> uri;

    /** {@code uri} turns a path under the application's context path into a full URI. */
    SampleApp(Http http, Function<String, URI> uri) {
        this.http = http;
        this.uri = uri;
    }

    HttpResponse<String> get(String path, String token) {
        return http.get(uri.apply(path), token);
    }

    /** A GET in the HTTP session {@code cookie} ({@code JSESSIONID=...}). */
    HttpResponse<String> get(String path, String token, String cookie) {
        return http.get(uri.apply(path), token, cookie);
    }

    /** A form POST of {@code fields}, as the browser sends the edit form. */
    HttpResponse<String> postForm(String path, String token, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue() == null ? "" : field.getValue()))
                .collect(Collectors.joining("&"));
        return http.send("POST", uri.apply(path), token, "application/x-www-form-urlencoded", body);
    }

    /** A JSON PUT of the row, every column's key with its text (salary as a number), null for NULL. */
    HttpResponse<String> putJson(String path, String token, Map<String, String> row) {
        Map<String, Object> object = new LinkedHashMap<>();
        row.forEach((column, value) -> object.put(column,
                value == null ? null : column.equals("id") ? Integer.valueOf(value)
                        : column.equals("salary") ? new BigDecimal(value) : value));
        try {
            return http.send("PUT", uri.apply(path), token, "application/json", JSON.writeValueAsString(object));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows of a JSON answer: an array of customers, or one customer. */
    static Map<String, Map<String, String>> jsonRows(String body) {
        return jsonRows(body, Persona.COLUMNS);
    }

    /** The rows of a JSON answer, an array of objects or one object, each with every one of {@code columns} (the first is the id). */
    static Map<String, Map<String, String>> jsonRows(String body, List<String> columns) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON: " + abbreviate(body), e);
        }
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (JsonNode customer : tree.isArray() ? tree : JSON.createArrayNode().add(tree)) {
            Map<String, String> row = new LinkedHashMap<>();
            for (String column : columns) {
                JsonNode value = customer.get(column);
                if (value == null) {
                    throw new IllegalStateException("no " + column + " in " + abbreviate(body));
                }
                row.put(column, value.isNull() ? null : value.isNumber() ? value.decimalValue().toPlainString() : value.asText());
            }
            rows.put(row.get(columns.get(0)), row);
        }
        return rows;
    }

    /** The rows of the {@code #customers} table of a page; an empty cell is a NULL. */
    static Map<String, Map<String, String>> htmlRows(String html) {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            Map<String, String> cells = new LinkedHashMap<>();
            Matcher cell = CELL.matcher(row.group(2));
            while (cell.find()) {
                String text = unescape(TAG.matcher(cell.group(2)).replaceAll(""));
                cells.put(cell.group(1), text.isEmpty() ? null : text);
            }
            rows.put(row.group(1), cells);
        }
        return rows;
    }

    /** The edit form's fields; an empty one, which the application saves as NULL, is null. */
    static Map<String, String> formFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(html);
        while (input.find()) {
            String value = unescape(input.group(2));
            fields.put(input.group(1), value.isEmpty() ? null : value);
        }
        return fields;
    }

    /** The page header's principal name. */
    static String whoami(String html) {
        Matcher whoami = WHOAMI.matcher(html);
        return whoami.find() ? unescape(whoami.group(1)) : null;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&#039;", "'").replace("&amp;", "&");
    }

    /** {@code text} as a query-string value. */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
