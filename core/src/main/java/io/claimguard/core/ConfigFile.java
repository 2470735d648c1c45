package io.claimguard.core;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The ClaimGuard configuration file, located in the documented order:
 * <ol>
 *   <li>system property {@value #PROPERTY}: a file path or {@code classpath:name};</li>
 *   <li>environment variable {@value #ENVIRONMENT}: the same forms;</li>
 *   <li>{@value #DEFAULT_RESOURCE} on the classpath (thread context class loader first).</li>
 * </ol>
 * Each adapter parses only its own section; this class only finds and reads the text, so that
 * core stays free of dependencies.
 */
public final class ConfigFile {
    public static final String PROPERTY = "claimguard.config";
    public static final String ENVIRONMENT = "CLAIMGUARD_CONFIG";
    public static final String DEFAULT_RESOURCE = "claimguard.yaml";
    private static final String CLASSPATH = "classpath:";

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
