package io.claimguard.sample;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The JSON API: {@code GET /api/customers}, {@code /api/customers/search?q=}, {@code /api/customers/ID},
 * and {@code PUT /api/customers/ID}, which saves the whole row from an object with every column's
 * key (null for NULL) and answers with the row as read back. A customer is an object with the keys
 * {@code id, name, email, phone, ssn, card_number, salary, city, notes}.
 */
public final class CustomerApiServlet extends CustomerServlet {
    private static final long serialVersionUID = 1L;
    /**
     * Salaries stay exact decimals, with their scale, both ways. The writer is left open: the
     * response then completes only after the request log line is written.
     */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).build();

    @Override
    void handle(String method, CustomerPath path, HttpServletRequest request, HttpServletResponse response)
            throws IOException, SQLException {
        CustomerPath.Kind kind = path.kind();
        if (kind == CustomerPath.Kind.UNKNOWN || kind == CustomerPath.Kind.EDIT) {
            notFound(request, response);
        } else if (method.equals("GET")) {
            switch (kind) {
                case LIST -> send(response, HttpServletResponse.SC_OK, objects(dao().all()));
                case SEARCH -> send(response, HttpServletResponse.SC_OK,
                        objects(dao().search(request.getParameter("q") == null ? "" : request.getParameter("q"))));
                default -> one(path.id(), request, response);
            }
        } else if (method.equals("PUT") && kind == CustomerPath.Kind.ONE) {
            if (dao().update(Customer.fromText(path.id(), fields(read(request), path.id())))) {
                one(path.id(), request, response);
            } else {
                notFound(request, response);
            }
        } else {
            methodNotAllowed(request, response);
        }
    }

    private void one(int id, HttpServletRequest request, HttpServletResponse response) throws IOException, SQLException {
        Optional<Customer> customer = dao().find(id);
        if (customer.isPresent()) {
            send(response, HttpServletResponse.SC_OK, object(customer.get()));
        } else {
            notFound(request, response);
        }
    }

    private static JsonNode read(HttpServletRequest request) throws IOException {
        try {
            JsonNode body = JSON.readTree(request.getInputStream());
            if (body == null || !body.isObject()) {
                throw new InvalidInputException("the body must be a JSON object");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("the body is not valid JSON");
        }
    }

    /** Each column's text from a body that must hold every column's key and nothing else. */
    private static Function<Column, String> fields(JsonNode body, int id) {
        for (Column column : Column.values()) {
            if (column != Column.ID && !body.has(column.key)) {
                throw new InvalidInputException("the body must hold every column; " + column.key + " is missing");
            }
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (Column.byKey(name).isEmpty()) {
                throw new InvalidInputException("unknown key " + name);
            }
        }
        JsonNode bodyId = body.get(Column.ID.key);
        if (bodyId != null && !bodyId.isNull() && !(bodyId.canConvertToInt() && bodyId.intValue() == id)) {
            throw new InvalidInputException("the body's id differs from the path's");
        }
        return column -> {
            JsonNode value = body.get(column.key);
            if (value == null || value.isNull()) {
                return null;
            }
            if (value.isNumber() && column == Column.SALARY) {
                return value.decimalValue().toPlainString();
            }
            if (!value.isTextual()) {
                throw new InvalidInputException(column.key + " must be a string or null");
            }
            return value.textValue();
        };
    }

    private static List<Map<String, Object>> objects(List<Customer> customers) {
        List<Map<String, Object>> objects = new ArrayList<>(customers.size());
        for (Customer customer : customers) {
            objects.add(object(customer));
        }
        return objects;
    }

    private static Map<String, Object> object(Customer customer) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (Column column : Column.values()) {
            object.put(column.key, customer.get(column));
        }
        return object;
    }

    private static void send(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        JSON.writeValue(response.getWriter(), body);
    }

    @Override
    void fail(HttpServletRequest request, HttpServletResponse response, int status, String message) throws IOException {
        send(response, status, Map.of("error", message));
    }
}
