package io.claimguard.sample;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON API's customers as rows of text, in the form {@link Seed} and {@link Visibility} use:
 * each column's value as text (salary as plain decimal, as stored), JSON null as null.
 */
final class JsonRows {
    static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();

    private JsonRows() {
    }

    /** An array of customers, by id. */
    static Map<Integer, Map<Column, String>> rows(String body) throws IOException {
        Map<Integer, Map<Column, String>> rows = new LinkedHashMap<>();
        for (JsonNode object : JSON.readTree(body)) {
            rows.put(object.get("id").intValue(), row(object));
        }
        return rows;
    }

    /** One customer. */
    static Map<Column, String> row(String body) throws IOException {
        return row(JSON.readTree(body));
    }

    static Map<Column, String> row(JsonNode object) {
        Map<Column, String> row = new EnumMap<>(Column.class);
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            row.put(Column.byKey(field.getKey()).orElseThrow(), value.isNull() ? null
                    : value.isNumber() ? value.decimalValue().toPlainString() : value.textValue());
        }
        return row;
    }

    /** One customer as an object to edit and send back. */
    static ObjectNode object(String body) throws IOException {
        return (ObjectNode) JSON.readTree(body);
    }
}
