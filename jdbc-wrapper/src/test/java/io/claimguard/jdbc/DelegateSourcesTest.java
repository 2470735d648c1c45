package io.claimguard.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The committed Delegating* sources are exactly what the generator writes today. */
class DelegateSourcesTest {
    private static final Path SOURCES = Path.of("src/main/java/io/claimguard/jdbc");

    @TestFactory
    List<DynamicTest> generatedSources_matchCommittedFiles() {
        List<DynamicTest> tests = new ArrayList<>();
        for (DelegateSourceGenerator.Target target : DelegateSourceGenerator.TARGETS) {
            tests.add(DynamicTest.dynamicTest(target.leafName(), () -> {
                String expected = DelegateSourceGenerator.generate(target);
                Path file = SOURCES.resolve(target.leafName() + ".java");
                if (Boolean.getBoolean("claimguard.regenerate")) {
                    Files.writeString(file, expected, StandardCharsets.UTF_8);
                }
                assertEquals(expected, read(file), file + " is stale: regenerate it (see its first lines)");
            }));
        }
        return tests;
    }

    /** Every ResultSet method is either hand-written in MaskingResultSet or classified by the generator. */
    @Test
    void everyResultSetMethod_isClassified() {
        List<String> unclassified = new ArrayList<>();
        for (Method method : ResultSet.class.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            boolean handWritten = isHandWritten(method);
            boolean addressed = method.getParameterCount() > 0
                    && (method.getParameterTypes()[0] == int.class || method.getParameterTypes()[0] == String.class);
            boolean update = method.getName().startsWith("update") && addressed;
            boolean labelGetter = method.getName().startsWith("get") && addressed
                    && method.getParameterTypes()[0] == String.class;
            boolean passThrough = DelegateSourceGenerator.RESULT_SET_PASS_THROUGH.contains(method.getName());
            if (!handWritten && !update && !labelGetter && !passThrough) {
                unclassified.add(method.toString());
            }
            if (method.getName().startsWith("get") && addressed && method.getParameterTypes()[0] == int.class) {
                assertTrue(handWritten, method + " reads column data and must be written in MaskingResultSet");
            }
        }
        assertTrue(unclassified.isEmpty(), "unclassified ResultSet methods: " + unclassified);
    }

    private static boolean isHandWritten(Method method) {
        try {
            Method found = MaskingResultSet.class.getMethod(method.getName(), method.getParameterTypes());
            return !found.getDeclaringClass().isInterface() && found.getDeclaringClass() == MaskingResultSet.class
                    && !Modifier.isAbstract(found.getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
