package io.claimguard.core;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.DuplicateKeyException;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The ClaimGuard configuration file, located in the documented order:
 * <ol>
 *   <li>system property {@value #PROPERTY}: a file path or {@code classpath:name};</li>
 *   <li>environment variable {@value #ENVIRONMENT}: the same forms;</li>
 *   <li>{@value #DEFAULT_RESOURCE} on the classpath (thread context class loader first).</li>
 * </ol>
 * Each adapter reads only its own top-level section, through {@link #section(String)}: one strict
 * YAML reader for all of them (bundled inside core's jar, so that core has no runtime
 * dependency).
 */
public final class ConfigFile {
    public static final String PROPERTY = "claimguard.config";
    public static final String ENVIRONMENT = "CLAIMGUARD_CONFIG";
    public static final String DEFAULT_RESOURCE = "claimguard.yaml";
    private static final String CLASSPATH = "classpath:";
    /** The file's top-level sections; a misspelt one ({@code jtw:}) would quietly leave what it configures off. */
    private static final Set<String> SECTIONS = Set.of("jdbc", "jwt", "audit");

    private final String location;
    private final String text;

    private ConfigFile(String location, String text) {
        this.location = location;
        this.text = text;
    }

    /**
     * @throws ConfigException if no location is configured and there is no {@value #DEFAULT_RESOURCE}
     *         on the classpath, or if the configured location cannot be read
     */
    public static ConfigFile locate() {
        String configured = System.getProperty(PROPERTY);
        if (isBlank(configured)) {
            configured = System.getenv(ENVIRONMENT);
        }
        if (!isBlank(configured)) {
            return load(configured.trim());
        }
        String text = readResource(DEFAULT_RESOURCE);
        if (text == null) {
            throw new ConfigException("no ClaimGuard configuration found: set the system property " + PROPERTY
                    + " or the environment variable " + ENVIRONMENT + " to a file path or classpath:NAME, or put "
                    + DEFAULT_RESOURCE + " on the classpath");
        }
        return new ConfigFile(CLASSPATH + DEFAULT_RESOURCE, text);
    }

    /** The location that {@link #locate()} would read now, without reading it; for caching. */
    public static String configuredLocation() {
        String configured = System.getProperty(PROPERTY);
        if (isBlank(configured)) {
            configured = System.getenv(ENVIRONMENT);
        }
        return isBlank(configured) ? CLASSPATH + DEFAULT_RESOURCE : configured.trim();
    }

    /** Reads a file path or {@code classpath:name}. */
    public static ConfigFile load(String location) {
        Objects.requireNonNull(location, "location");
        if (location.startsWith(CLASSPATH)) {
            String text = readResource(location.substring(CLASSPATH.length()));
            if (text == null) {
                throw new ConfigException("ClaimGuard configuration " + location + " is not on the classpath");
            }
            return new ConfigFile(location, text);
        }
        try {
            return new ConfigFile(location, Files.readString(Path.of(location), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new ConfigException("ClaimGuard configuration file " + location + " does not exist");
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("ClaimGuard configuration file " + location + " cannot be read: " + e, e);
        }
    }

    /** Where the text came from, for error messages. */
    public String location() {
        return location;
    }

    public String text() {
        return text;
    }

    /**
     * The top-level mapping {@code name} ({@code jdbc}, {@code jwt}, {@code audit}), if the file has one.
     *
     * @throws ConfigException if the file is empty, is not valid YAML (duplicate keys included), is
     *         not a mapping at the top level, or has a top-level section no module reads; the message
     *         gives the line and column of a syntax error but never the line itself, which may hold
     *         a secret
     */
    public Optional<ConfigSection> section(String name) {
        Object document = parse();
        if (document == null) {
            throw ConfigSection.failure(location, "the file is empty");
        }
        if (!(document instanceof Map<?, ?> root)) {
            throw ConfigSection.failure(location, "the top level must be a mapping");
        }
        new ConfigSection(location, "the top level", root).rejectUnknownKeys(SECTIONS);
        return new ConfigSection(location, "", root).section(name);
    }

    private Object parse() {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(location)
                .setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(50)
                .build();
        try {
            return new Load(settings).loadFromString(text);
        } catch (MarkedYamlEngineException e) {
            // The exception's own message quotes the offending line, which may hold a secret; the
            // problem alone names a token kind or one character. A duplicate key's problem repeats
            // the key, and a flow-style key can hold a value ({secret:"x"}), so it is not shown.
            String where = e.getProblemMark().map(m -> " at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1))
                    .orElse("");
            String problem = e instanceof DuplicateKeyException ? "a key appears twice in one mapping" : e.getProblem();
            throw ConfigSection.failure(location, "the file is not valid YAML" + where + ": " + problem);
        } catch (YamlEngineException e) {
            throw ConfigSection.failure(location, "the file is not valid YAML");
        }
    }

    private static String readResource(String name) {
        String resource = name.startsWith("/") ? name.substring(1) : name;
        // A folder on an exploded classpath (WEB-INF/classes) reads as its listing, which would then
        // pass for a configuration with no sections, that is, nothing protected: fail instead.
        if (resource.isEmpty() || resource.endsWith("/")) {
            throw new ConfigException("ClaimGuard configuration classpath:" + name + " names a folder, not a file");
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        for (ClassLoader loader : new ClassLoader[] {context, ConfigFile.class.getClassLoader()}) {
            if (loader == null) {
                continue;
            }
            URL url = loader.getResource(resource);
            if (url == null) {
                continue;
            }
            if (isFolder(url)) {
                throw new ConfigException("ClaimGuard configuration classpath:" + resource + " is a folder, not a file");
            }
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in != null) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new ConfigException("ClaimGuard configuration classpath:" + resource + " cannot be read: " + e, e);
            }
        }
        return null;
    }

    /** Only {@code file:} URLs can be checked without opening (and, in a container, locking) a jar. */
    private static boolean isFolder(URL url) {
        if (!"file".equals(url.getProtocol())) {
            return false;
        }
        try {
            return Files.isDirectory(Path.of(url.toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return "ConfigFile[" + location + "]";
    }
}
