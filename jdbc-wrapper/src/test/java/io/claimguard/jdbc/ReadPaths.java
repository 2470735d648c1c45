package io.claimguard.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The one shared source of read paths (Convention 13): every getter of column or parameter data
 * that {@link ResultSet} or {@link CallableStatement} declares, found by reflection, by index and
 * by label, each expanded with every argument recipe for its further parameters.
 *
 * <p>A getter is a method named {@code get*} whose first parameter is an {@code int} or a
 * {@code String}. A getter whose further parameters have no recipe here is not silently skipped:
 * {@link #of} fails, so a getter added to JDBC cannot go untested.
 */
final class ReadPaths {
    /** The classes getObject(column, Class) is asked for; the ones a mask cannot produce must fail, not leak. */
    static final List<Class<?>> OBJECT_TYPES = List.of(String.class, Object.class, CharSequence.class,
            Integer.class, Long.class, Short.class, Byte.class, Double.class, Float.class, BigDecimal.class,
            BigInteger.class, Boolean.class, java.sql.Date.class, Time.class, Timestamp.class, LocalDate.class,
            LocalTime.class, LocalDateTime.class, OffsetDateTime.class, OffsetTime.class, Instant.class,
            UUID.class, byte[].class, Clob.class, NClob.class, Blob.class, SQLXML.class, Array.class,
            Reader.class, InputStream.class, URL.class, Ref.class, RowId.class, ResultSet.class);

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    private static final TimeZone TOKYO = TimeZone.getTimeZone("Asia/Tokyo");
    /** Recipes for a getter's parameters after the column, by their types. */
    private static final Map<List<Class<?>>, List<Recipe>> RECIPES = recipes();

    private ReadPaths() {
    }

    /** Arguments for the parameters after the column, fresh for every call (a Calendar is mutable). */
    record Recipe(String description, Supplier<Object[]> arguments) {
    }

    /** One way to read a value: a getter, by index or by label, with its further arguments. */
    record ReadPath(Method method, Recipe recipe) {

        boolean byLabel() {
            return method.getParameterTypes()[0] == String.class;
        }

        /** Whether the getter returns a primitive, which cannot say NULL except through wasNull. */
        boolean primitive() {
            return method.getReturnType().isPrimitive();
        }

        /** Reads through this path from a result set or callable statement, rendering the value at once. */
        Outcome read(Object target, int index, String label) {
            Object[] extra = recipe.arguments().get();
            Object[] arguments = new Object[extra.length + 1];
            arguments[0] = byLabel() ? label : (Object) index;
            System.arraycopy(extra, 0, arguments, 1, extra.length);
            Object value;
            try {
                value = method.invoke(target, arguments);
            } catch (InvocationTargetException e) {
                return Outcome.failed(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            try {
                boolean wasNull = target instanceof ResultSet rs ? rs.wasNull() : ((CallableStatement) target).wasNull();
                return Outcome.of(value, wasNull);
            } catch (Exception e) {
                return Outcome.failed(e);
            }
        }

        @Override
        public String toString() {
            String parameters = Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                    .reduce((a, b) -> a + ", " + b).orElse("");
            return method.getName() + "(" + parameters + ")"
                    + (recipe.description().isEmpty() ? "" : " with " + recipe.description());
        }
    }

    /**
     * What one read gave: a value rendered at once (streams, readers and LOBs are read to the end),
     * or the exception it threw.
     *
     * @param type     the value's class, or null; "java.sql.ResultSet" for any cursor
     * @param texts    the value as text, in every plausible decoding (bytes as UTF-8, UTF-16BE and
     *                 ISO-8859-1); empty for null
     * @param value    the value itself (streams already consumed)
     * @param error    the exception, or null
     * @param wasNull  wasNull() right after the read
     */
    record Outcome(String type, List<String> texts, Object value, Throwable error, boolean wasNull) {

        static Outcome of(Object value, boolean wasNull) throws Exception {
            if (value == null) {
                return new Outcome(null, List.of(), null, null, wasNull);
            }
            String type = value instanceof ResultSet ? ResultSet.class.getName() : value.getClass().getName();
            return new Outcome(type, render(value), value, null, wasNull);
        }

        static Outcome failed(Throwable error) {
            return new Outcome(null, List.of(), null, error, false);
        }

        boolean isNull() {
            return error == null && value == null;
        }

        /** Whether the value is SQL NULL as a getter shows it: null, 0 or false. */
        boolean isNullOrZero() {
            return error == null && (value == null || value.equals(Boolean.FALSE)
                    || (value instanceof Number n && n.doubleValue() == 0d));
        }

        /** Every text this outcome shows, the exception messages of its cause chain included. */
        List<String> everythingShown() {
            List<String> shown = new ArrayList<>(texts);
            for (Throwable t = error; t != null; t = t.getCause()) {
                shown.add(String.valueOf(t.getMessage()));
                shown.add(t.toString());
            }
            return shown;
        }

        /** For comparing with the raw driver: the value's class and content, or the exception's class and SQLState. */
        String comparable() {
            if (error != null) {
                String state = error instanceof SQLException e ? e.getSQLState() : "-";
                return "error " + error.getClass().getName() + " " + state;
            }
            return type + " " + (texts.isEmpty() ? "null" : String.join(" | ", texts)) + " wasNull=" + wasNull;
        }

        @Override
        public String toString() {
            return error != null ? "threw " + error : type + " " + texts + " wasNull=" + wasNull;
        }
    }

    /** Every data getter of {@code api} ({@code ResultSet.class} or {@code CallableStatement.class}). */
    static List<Method> getters(Class<?> api) {
        List<Method> getters = new ArrayList<>();
        for (Method method : api.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || !method.getName().startsWith("get")
                    || method.getParameterCount() == 0 || method.getDeclaringClass() != api) {
                continue;
            }
            Class<?> first = method.getParameterTypes()[0];
            if (first == int.class || first == String.class) {
                getters.add(method);
            }
        }
        getters.sort(Comparator.comparing(Method::toGenericString));
        return getters;
    }

    /** The getters of {@code api} with no argument recipe: must be empty. */
    static List<Method> withoutRecipe(Class<?> api) {
        return getters(api).stream().filter(m -> !RECIPES.containsKey(tail(m))).toList();
    }

    /**
     * Every read path of {@code api}.
     *
     * @throws IllegalStateException naming every getter that has no argument recipe
     */
    static List<ReadPath> of(Class<?> api) {
        List<Method> missing = withoutRecipe(api);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no argument recipe for " + missing + ": add one to ReadPaths");
        }
        List<ReadPath> paths = new ArrayList<>();
        for (Method getter : getters(api)) {
            for (Recipe recipe : RECIPES.get(tail(getter))) {
                paths.add(new ReadPath(getter, recipe));
            }
        }
        return paths;
    }

    /** The read paths of {@code api} that address by index (byLabel false) or by label (true). */
    static List<ReadPath> of(Class<?> api, boolean byLabel) {
        return of(api).stream().filter(p -> p.byLabel() == byLabel).toList();
    }

    private static List<Class<?>> tail(Method method) {
        Class<?>[] types = method.getParameterTypes();
        return List.of(Arrays.copyOfRange(types, 1, types.length));
    }

    private static Map<List<Class<?>>, List<Recipe>> recipes() {
        Map<List<Class<?>>, List<Recipe>> recipes = new LinkedHashMap<>();
        recipes.put(List.of(), List.of(new Recipe("", () -> new Object[0])));
        recipes.put(List.of(int.class), List.of(new Recipe("scale 2", () -> new Object[] {2})));
        recipes.put(List.of(Calendar.class), List.of(
                new Recipe("a UTC calendar", () -> new Object[] {Calendar.getInstance(UTC)}),
                new Recipe("a Tokyo calendar", () -> new Object[] {Calendar.getInstance(TOKYO)})));
        recipes.put(List.of(Map.class), List.of(
                new Recipe("an empty type map", () -> new Object[] {Map.of()}),
                new Recipe("a type map", () -> new Object[] {Map.of("VARCHAR", String.class)})));
        List<Recipe> types = new ArrayList<>();
        for (Class<?> type : OBJECT_TYPES) {
            types.add(new Recipe(type.getSimpleName() + ".class", () -> new Object[] {type}));
        }
        recipes.put(List.of(Class.class), List.copyOf(types));
        return Map.copyOf(recipes);
    }

    /** The value as text, in every decoding a caller could apply; content, never identity. */
    static List<String> render(Object value) throws Exception {
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof byte[] bytes) {
            return List.of(new String(bytes, StandardCharsets.UTF_8), new String(bytes, StandardCharsets.UTF_16BE),
                    new String(bytes, StandardCharsets.ISO_8859_1));
        }
        if (value instanceof InputStream in) {
            try (in) {
                return render(in.readAllBytes());
            }
        }
        if (value instanceof Reader reader) {
            StringWriter out = new StringWriter();
            try (reader) {
                reader.transferTo(out);
            }
            return List.of(out.toString());
        }
        if (value instanceof Clob clob) {
            return List.of(clob.getSubString(1, (int) clob.length()));
        }
        if (value instanceof Blob blob) {
            return render(blob.getBytes(1, (int) blob.length()));
        }
        if (value instanceof SQLXML xml) {
            return List.of(xml.getString());
        }
        if (value instanceof Array array) {
            return render(array.getArray());
        }
        if (value instanceof Ref ref) {
            return List.of(ref.getBaseTypeName() + " " + render(ref.getObject()));
        }
        if (value instanceof RowId rowId) {
            List<String> texts = new ArrayList<>(render(rowId.getBytes()));
            texts.add(rowId.toString());
            return texts;
        }
        if (value instanceof ResultSet cursor) {
            StringBuilder rows = new StringBuilder();
            while (cursor.next()) {
                for (int i = 1; i <= cursor.getMetaData().getColumnCount(); i++) {
                    rows.append(cursor.getString(i)).append('|');
                }
                rows.append('\n');
            }
            return List.of(rows.toString());
        }
        if (value instanceof java.util.Date date) {
            return List.of(date + " @" + date.getTime());
        }
        if (value.getClass().isArray()) {
            List<String> elements = new ArrayList<>();
            for (int i = 0; i < java.lang.reflect.Array.getLength(value); i++) {
                Object element = java.lang.reflect.Array.get(value, i);
                elements.add(element == null ? "null" : String.join(" | ", render(element)));
            }
            return List.of(elements.toString());
        }
        return List.of(String.valueOf(value));
    }
}
