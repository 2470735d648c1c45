package io.claimguard.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimguard.core.GuardContext;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every SQLException that leaves the driver passes one scrubber. Under a real database, a driver
 * stand-in forwards every call until it is switched to failing; then every call that may throw
 * SQLException throws one quoting a protected value (with a cause and a next exception quoting it
 * too), and every warning quotes it. With the agent's transaction involving a hidden column, each
 * method of each wrapper (connection, statement, prepared and callable statement, result set,
 * metadata and its results) that declares SQLException is called: what comes out must not carry
 * the value. The walk is by reflection over the JDBC interfaces, so a method added to a wrapper
 * without passing the scrubber fails here.
 *
 * <p>The result set's getters are called on column 1, ssn, which the agent sees masked. A getter
 * of a column shown in clear passes the driver's error on as it is (a conversion error quotes
 * that column's value, which the subject may see, and applications keep the driver's exception
 * type): {@link ReadPathsTest} holds that part, so the metadata result here, all in clear, is
 * walked without its getters.
 */
@ExtendWith(ConformancePolicy.class)
class ScrubbedErrorsTest {
    /** The fixture's ssn, which the agent never sees whole. */
    private static final String SECRET = "123-45-6789";

    static List<TestDatabase> databases() {
        return TestDatabase.available();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void everyWrapperMethod_scrubsTheDriversErrors(TestDatabase db) throws Exception {
        db.prepare();
        Failing failing = new Failing();
        List<String> leaks = new ArrayList<>();
        int calls = 0;
        try (Connection connection = new ClaimGuardDataSource(failing.dataSource(db)).getConnection();
             GuardContext.Scope ignored = GuardContext.open(Subjects.AGENT)) {
            connection.setAutoCommit(false);
            Statement statement = connection.createStatement();
            ResultSet result = statement.executeQuery("SELECT ssn, name FROM cg_customers");
            PreparedStatement prepared = connection.prepareStatement("SELECT ssn, name FROM cg_customers WHERE id = ?");
            CallableStatement callable = connection.prepareCall("{? = call abs(?)}");
            DatabaseMetaData metaData = connection.getMetaData();
            ResultSet metaRows = metaData.getTables(null, null, "%", null);
            Map<Class<?>, Object> wrappers = Map.of(Connection.class, connection, Statement.class, statement,
                    PreparedStatement.class, prepared, CallableStatement.class, callable, ResultSet.class, result,
                    DatabaseMetaData.class, metaData);
            for (Map.Entry<Class<?>, Object> target : wrappers.entrySet()) {
                for (Method method : sqlMethods(target.getKey())) {
                    involveAHiddenColumn(connection, failing);
                    calls++;
                    leaks.addAll(call(target.getValue(), method, failing));
                }
            }
            for (Method method : sqlMethods(ResultSet.class)) {
                if (!isColumnGetter(method)) {   // its columns are shown in clear: see the class comment
                    involveAHiddenColumn(connection, failing);
                    leaks.addAll(call(metaRows, method, failing));
                }
            }
            failing.on = false;
            connection.rollback();
        }
        System.out.println(db + ": " + calls + " wrapper methods called, " + failing.thrown + " driver errors raised");
        assertEquals(List.of(), leaks, db + ": errors that left the driver with a protected value");
        assertTrue(failing.thrown > calls / 2, "the stand-in was hardly reached: " + failing.thrown + " of " + calls);
    }

    /** A statement of the agent's transaction reads ssn, which the agent may not see. */
    private static void involveAHiddenColumn(Connection connection, Failing failing) throws SQLException {
        failing.on = false;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT ssn FROM cg_customers")) {
            rs.next();
        }
        failing.on = true;
    }

    private static boolean isColumnGetter(Method method) {
        Class<?>[] types = method.getParameterTypes();
        return method.getName().startsWith("get") && types.length > 0 && (types[0] == int.class || types[0] == String.class);
    }

    private static List<Method> sqlMethods(Class<?> type) {
        Set<String> seen = new TreeSet<>();
        List<Method> methods = new ArrayList<>();
        Arrays.stream(type.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .filter(m -> Arrays.asList(m.getExceptionTypes()).contains(SQLException.class)
                        || m.getReturnType() == SQLWarning.class)
                .sorted(Comparator.comparing(Method::toGenericString))
                .filter(m -> seen.add(m.getName() + Arrays.toString(m.getParameterTypes())))
                .forEach(methods::add);
        return methods;
    }

    /** Calls {@code method} with plain arguments; returns what leaked, if anything. */
    private static List<String> call(Object wrapper, Method method, Failing failing) {
        String name = wrapper.getClass().getSimpleName() + "." + method.getName()
                + Arrays.toString(method.getParameterTypes());
        Received received = new Received();
        try {
            if (method.invoke(wrapper, arguments(method)) instanceof SQLWarning warning) {
                received.warnings(name, warning);
            }
        } catch (InvocationTargetException e) {
            received.exception(name, e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        return received.leaks();
    }

    private static Object[] arguments(Method method) {
        Class<?>[] types = method.getParameterTypes();
        Object[] arguments = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> type = types[i];
            arguments[i] = type == int.class ? 1 : type == long.class ? 1L : type == boolean.class ? Boolean.TRUE
                    : type == short.class ? (short) 1 : type == byte.class ? (byte) 1 : type == float.class ? 1f
                    : type == double.class ? 1d : type == String.class ? "name" : type == Class.class ? Object.class
                    : type == int[].class ? new int[] {1} : type == String[].class ? new String[] {"name"}
                    : type == Map.class ? Map.of() : null;
        }
        return arguments;
    }

    /** Forwards to the real driver, or fails every call quoting the value while {@link #on}. */
    private static final class Failing {
        volatile boolean on;
        int thrown;

        /** A DataSource whose connections are stand-ins for the database's own. */
        DataSource dataSource(TestDatabase db) {
            return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                    (self, method, args) -> method.getName().equals("getConnection")
                            ? proxy(Connection.class, DriverManager.getConnection(db.rawUrl)) : null);
        }

        private Object proxy(Class<?> type, Object target) {
            InvocationHandler handler = (self, method, args) -> {
                if (method.getDeclaringClass() == Object.class) {
                    return method.invoke(target, args);
                }
                boolean throwsSql = Arrays.asList(method.getExceptionTypes()).contains(SQLException.class);
                if (on && method.getReturnType() == SQLWarning.class) {
                    return new SQLWarning("truncated '" + SECRET + "'", "01004");
                }
                if (on && throwsSql) {
                    thrown++;
                    SQLException error = new SQLException("duplicate key (ssn)=(" + SECRET + ")", "23505", 0,
                            new SQLException("cause " + SECRET));
                    error.setNextException(new SQLException("next " + SECRET));
                    throw error;
                }
                Object result;
                try {
                    result = method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
                Class<?> returned = method.getReturnType();
                if (result != null && returned.isInterface() && returned.getPackageName().equals("java.sql")) {
                    return proxy(returned, result);
                }
                return result;
            };
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler);
        }
    }
}
