package io.claimguard.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    private static final String TEST_RESOURCE = "claimguard-test.yaml";

    @TempDir
    Path dir;

    private String savedProperty;
    private ClassLoader savedContextLoader;

    @BeforeEach
    void saveGlobals() {
        savedProperty = System.getProperty(ConfigFile.PROPERTY);
        savedContextLoader = Thread.currentThread().getContextClassLoader();
        System.clearProperty(ConfigFile.PROPERTY);
    }

    @AfterEach
    void restoreGlobals() {
        if (savedProperty == null) {
            System.clearProperty(ConfigFile.PROPERTY);
        } else {
            System.setProperty(ConfigFile.PROPERTY, savedProperty);
        }
        Thread.currentThread().setContextClassLoader(savedContextLoader);
    }

    private static String resourceText(String name) throws IOException {
        try (var in = ConfigFileTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** A context class loader that sees only {@code folder} (no parent), to stand in for a webapp's classes. */
    private static URLClassLoader loaderOver(Path folder) throws IOException {
        return new URLClassLoader(new URL[] {folder.toUri().toURL()}, null);
    }

    private static void assumeNoEnvironmentVariable() {
        String env = System.getenv(ConfigFile.ENVIRONMENT);
        assertTrue(env == null || env.isBlank(),
                "the surefire configuration must blank " + ConfigFile.ENVIRONMENT + " for these tests");
    }

    // ---- system property: file path ----

    @Test
    void locate_propertyWithFilePath_readsFile() throws IOException {
        Path file = write("cg.yaml", "jdbc:\n  on_no_subject: deny\n");
        System.setProperty(ConfigFile.PROPERTY, file.toString());
        ConfigFile config = ConfigFile.locate();
        assertEquals(file.toString(), config.location());
        assertEquals("jdbc:\n  on_no_subject: deny\n", config.text());
    }

    @Test
    void locate_propertyValueIsTrimmed() throws IOException {
        Path file = write("cg.yaml", "jwt: {}\n");
        System.setProperty(ConfigFile.PROPERTY, "  " + file + "\t");
        assertEquals(file.toString(), ConfigFile.locate().location());
        assertEquals("jwt: {}\n", ConfigFile.locate().text());
    }

    @Test
    void locate_readsUtf8() throws IOException {
        Path file = write("cg.yaml", "# Zürich — 東京\n");
        System.setProperty(ConfigFile.PROPERTY, file.toString());
        assertEquals("# Zürich — 東京\n", ConfigFile.locate().text());
    }

    @Test
    void locate_propertyWithMissingFile_errorNamesPath() {
        Path missing = dir.resolve("nope").resolve("claimguard.yaml");
        System.setProperty(ConfigFile.PROPERTY, missing.toString());
        ConfigException e = assertThrows(ConfigException.class, ConfigFile::locate);
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void locate_propertyWithFolder_fails() {
        System.setProperty(ConfigFile.PROPERTY, dir.toString());
        ConfigException e = assertThrows(ConfigException.class, ConfigFile::locate);
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
    }

    @Test
    void locate_propertyWinsOverClasspathDefault() throws IOException {
        Path classes = Files.createDirectory(dir.resolve("classes"));
        Files.writeString(classes.resolve(ConfigFile.DEFAULT_RESOURCE), "from: classpath\n");
        Path file = write("explicit.yaml", "from: property\n");
        try (URLClassLoader loader = loaderOver(classes)) {
            Thread.currentThread().setContextClassLoader(loader);
            System.setProperty(ConfigFile.PROPERTY, file.toString());
            assertEquals("from: property\n", ConfigFile.locate().text());
        }
    }

    @Test
    void locate_blankProperty_treatedAsUnset() throws IOException {
        assumeNoEnvironmentVariable();
        Path classes = Files.createDirectory(dir.resolve("classes"));
        Files.writeString(classes.resolve(ConfigFile.DEFAULT_RESOURCE), "from: classpath\n");
        try (URLClassLoader loader = loaderOver(classes)) {
            Thread.currentThread().setContextClassLoader(loader);
            System.setProperty(ConfigFile.PROPERTY, "   ");
            ConfigFile config = ConfigFile.locate();
            assertEquals("from: classpath\n", config.text());
            assertEquals("classpath:" + ConfigFile.DEFAULT_RESOURCE, config.location());
        }
    }

    // ---- system property: classpath ----

    @Test
    void locate_propertyWithClasspathName_readsResource() throws IOException {
        System.setProperty(ConfigFile.PROPERTY, "classpath:" + TEST_RESOURCE);
        ConfigFile config = ConfigFile.locate();
        assertEquals("classpath:" + TEST_RESOURCE, config.location());
        assertEquals(resourceText(TEST_RESOURCE), config.text());
        assertTrue(config.text().contains("on_unparseable: deny"), config.text());
    }

    @Test
    void locate_propertyWithNestedClasspathName_readsResource() throws IOException {
        System.setProperty(ConfigFile.PROPERTY, "classpath:config/nested.yaml");
        assertEquals(resourceText("config/nested.yaml"), ConfigFile.locate().text());
    }

    @Test
    void load_classpathNameWithLeadingSlash_readsResource() throws IOException {
        assertEquals(resourceText(TEST_RESOURCE), ConfigFile.load("classpath:/" + TEST_RESOURCE).text());
    }

    @Test
    void locate_propertyWithMissingClasspathName_errorNamesIt() {
        System.setProperty(ConfigFile.PROPERTY, "classpath:no-such-claimguard.yaml");
        ConfigException e = assertThrows(ConfigException.class, ConfigFile::locate);
        assertTrue(e.getMessage().contains("classpath:no-such-claimguard.yaml"), e.getMessage());
    }

    @Test
    void load_classpathFolder_fails() {
        // On an exploded classpath a folder reads as its listing: that must not pass for a configuration.
        for (String location : new String[] {"classpath:", "classpath:/", "classpath:io/claimguard/core",
                "classpath:io/claimguard/core/", "classpath:config"}) {
            ConfigException e = assertThrows(ConfigException.class, () -> ConfigFile.load(location), location);
            assertTrue(e.getMessage().contains("folder"), e.getMessage());
        }
    }

    @Test
    void load_classpathPrefersContextClassLoader() throws IOException {
        Path classes = Files.createDirectory(dir.resolve("classes"));
        Files.writeString(classes.resolve(TEST_RESOURCE), "from: context loader\n");
        try (URLClassLoader loader = loaderOver(classes)) {
            Thread.currentThread().setContextClassLoader(loader);
            assertEquals("from: context loader\n", ConfigFile.load("classpath:" + TEST_RESOURCE).text());
        }
    }

    @Test
    void load_classpathFallsBackToOwnLoader() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        try (URLClassLoader loader = loaderOver(empty)) {
            Thread.currentThread().setContextClassLoader(loader);
            assertEquals(resourceText(TEST_RESOURCE), ConfigFile.load("classpath:" + TEST_RESOURCE).text());
        }
    }

    @Test
    void load_classpathWithNullContextLoader_usesOwnLoader() throws IOException {
        Thread.currentThread().setContextClassLoader(null);
        assertEquals(resourceText(TEST_RESOURCE), ConfigFile.load("classpath:" + TEST_RESOURCE).text());
    }

    // ---- nothing configured ----

    @Test
    void locate_nothingConfiguredAndNoDefault_failsNamingPropertyAndVariable() {
        assumeNoEnvironmentVariable();
        assertNull(ConfigFileTest.class.getClassLoader().getResource(ConfigFile.DEFAULT_RESOURCE),
                "core's test classpath must not hold " + ConfigFile.DEFAULT_RESOURCE);
        ConfigException e = assertThrows(ConfigException.class, ConfigFile::locate);
        assertTrue(e.getMessage().contains("claimguard.config"), e.getMessage());
        assertTrue(e.getMessage().contains("CLAIMGUARD_CONFIG"), e.getMessage());
        assertTrue(e.getMessage().contains("claimguard.yaml"), e.getMessage());
    }

    @Test
    void locate_nothingConfigured_readsDefaultFromContextClassLoader() throws IOException {
        assumeNoEnvironmentVariable();
        Path classes = Files.createDirectory(dir.resolve("classes"));
        Files.writeString(classes.resolve(ConfigFile.DEFAULT_RESOURCE), "jwt:\n  required: true\n");
        try (URLClassLoader loader = loaderOver(classes)) {
            Thread.currentThread().setContextClassLoader(loader);
            ConfigFile config = ConfigFile.locate();
            assertEquals("classpath:claimguard.yaml", config.location());
            assertEquals("jwt:\n  required: true\n", config.text());
        }
    }

    @Test
    void locate_defaultResourceIsAFolder_fails() throws IOException {
        assumeNoEnvironmentVariable();
        Path classes = Files.createDirectory(dir.resolve("classes"));
        Files.createDirectory(classes.resolve(ConfigFile.DEFAULT_RESOURCE));
        try (URLClassLoader loader = loaderOver(classes)) {
            Thread.currentThread().setContextClassLoader(loader);
            ConfigException e = assertThrows(ConfigException.class, ConfigFile::locate);
            assertTrue(e.getMessage().contains("claimguard.yaml"), e.getMessage());
        }
    }

    // ---- configuredLocation ----

    @Test
    void configuredLocation_property() {
        System.setProperty(ConfigFile.PROPERTY, " /etc/claimguard.yaml ");
        assertEquals("/etc/claimguard.yaml", ConfigFile.configuredLocation());
        System.setProperty(ConfigFile.PROPERTY, "classpath:x.yaml");
        assertEquals("classpath:x.yaml", ConfigFile.configuredLocation());
    }

    @Test
    void configuredLocation_nothingConfigured_isClasspathDefault() {
        assumeNoEnvironmentVariable();
        assertEquals("classpath:claimguard.yaml", ConfigFile.configuredLocation());
        System.setProperty(ConfigFile.PROPERTY, "");
        assertEquals("classpath:claimguard.yaml", ConfigFile.configuredLocation());
    }

    @Test
    void configuredLocation_doesNotRead() {
        System.setProperty(ConfigFile.PROPERTY, dir.resolve("missing.yaml").toString());
        assertEquals(dir.resolve("missing.yaml").toString(), ConfigFile.configuredLocation());
    }

    // ---- load ----

    @Test
    void load_filePath() throws IOException {
        Path file = write("x.yaml", "a: 1\n");
        ConfigFile config = ConfigFile.load(file.toString());
        assertEquals(file.toString(), config.location());
        assertEquals("a: 1\n", config.text());
    }

    @Test
    void load_missingFile_errorNamesPath() {
        String missing = dir.resolve("missing.yaml").toString();
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFile.load(missing));
        assertTrue(e.getMessage().contains(missing), e.getMessage());
    }

    @Test
    void load_null_rejected() {
        assertThrows(NullPointerException.class, () -> ConfigFile.load(null));
    }

    @Test
    void load_invalidPath_isConfigException() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFile.load("bad\0path.yaml"));
        assertTrue(e.getMessage().contains("bad"), e.getMessage());
    }

    @Test
    void toString_namesLocationNotText() throws IOException {
        Path file = write("x.yaml", "hmac_secret: s3cr3t-value\n");
        ConfigFile config = ConfigFile.load(file.toString());
        assertTrue(config.toString().contains(file.toString()), config.toString());
        assertFalse(config.toString().contains("s3cr3t-value"), config.toString());
    }

    /** A misspelt section would leave what it configures off, silently: the filter unregistered, for one. */
    @Test
    void section_aTopLevelSectionNoModuleReads_isRefused_namingIt() throws IOException {
        ConfigFile file = ConfigFile.load(write("typo.yaml", "jtw:\n  issuer: x\njdbc:\n  columns: []\n").toString());
        ConfigException refused = assertThrows(ConfigException.class, () -> file.section("jdbc"));
        assertTrue(refused.getMessage().endsWith("the top level has an unknown key 'jtw' (known: audit, jdbc, jwt)"),
                refused.getMessage());
        ConfigFile known = ConfigFile.load(write("known.yaml", "jwt: {}\njdbc: {}\naudit: {}\n").toString());
        assertTrue(known.section("audit").isPresent());
    }
}
