package io.claimguard.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A copy of a WAR, changed in place the way a user changes one by hand: jars added to
 * {@code WEB-INF/lib}, files added or replaced, one piece of {@code web.xml} rewritten.
 */
final class War implements AutoCloseable {

    /** {@code name-1.2.3.jar} or {@code name-1.2.3-SNAPSHOT.jar}: the artifact's name is what comes before the version. */
    private static final Pattern VERSIONED_JAR = Pattern.compile("(.+?)-\\d[^/]*\\.jar");

    private final FileSystem zip;

    private War(FileSystem zip) {
        this.zip = zip;
    }

    /** Copies {@code source} to {@code target} and opens the copy for changes. */
    static War copy(Path source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        return new War(FileSystems.newFileSystem(target, Map.of()));
    }

    /** A new, empty WAR at {@code target}. */
    static War create(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Files.deleteIfExists(target);
        return new War(FileSystems.newFileSystem(target, Map.of("create", "true")));
    }

    /** Adds the jar to {@code WEB-INF/lib}. */
    War addLibrary(Path jar) throws IOException {
        Path lib = Files.createDirectories(zip.getPath("/WEB-INF/lib"));
        Files.copy(jar, lib.resolve(jar.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
        return this;
    }

    /**
     * Adds every jar of {@code folder} to {@code WEB-INF/lib} unless the WAR already has that artifact,
     * in which case the versions must agree: two versions of one library in a webapp is a broken WAR.
     */
    War addMissingLibraries(Path folder) throws IOException {
        Map<String, String> present = new HashMap<>();
        for (String jar : libraries()) {
            present.put(artifactName(jar), jar);
        }
        try (Stream<Path> jars = Files.list(folder)) {
            for (Path jar : (Iterable<Path>) jars.sorted()::iterator) {
                String name = jar.getFileName().toString();
                String already = present.get(artifactName(name));
                if (already == null) {
                    addLibrary(jar);
                } else if (!already.equals(name)) {
                    throw new IllegalStateException("the WAR has " + already + ", the deployment needs " + name);
                }
            }
        }
        return this;
    }

    /** The file names in {@code WEB-INF/lib}. */
    List<String> libraries() throws IOException {
        Path lib = zip.getPath("/WEB-INF/lib");
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                jars.forEach(jar -> names.add(jar.getFileName().toString()));
            }
        }
        return names;
    }

    /** Writes (or replaces) the entry. */
    War put(String entry, byte[] content) throws IOException {
        Path path = zip.getPath(entry);
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        Files.write(path, content);
        return this;
    }

    War put(String entry, String content) throws IOException {
        return put(entry, content.getBytes(StandardCharsets.UTF_8));
    }

    String read(String entry) throws IOException {
        return Files.readString(zip.getPath(entry), StandardCharsets.UTF_8);
    }

    /** The text of {@code entry} in the WAR at {@code war}, which stays unchanged. */
    static String read(Path war, String entry) throws IOException {
        try (FileSystem zip = FileSystems.newFileSystem(war, Map.of())) {
            return Files.readString(zip.getPath(entry), StandardCharsets.UTF_8);
        }
    }

    /** The names of the files in {@code folder} of the WAR at {@code war}, sorted. */
    static List<String> list(Path war, String folder) throws IOException {
        try (FileSystem zip = FileSystems.newFileSystem(war, Map.of()); Stream<Path> files = Files.list(zip.getPath(folder))) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    /** Replaces the one occurrence of {@code from} in the entry; none, or more than one, is an error. */
    War replaceOnce(String entry, String from, String to) throws IOException {
        String text = read(entry);
        int at = text.indexOf(from);
        if (at < 0 || text.indexOf(from, at + 1) >= 0) {
            throw new IllegalStateException(entry + " must hold exactly one '" + from + "'");
        }
        return put(entry, text.substring(0, at) + to + text.substring(at + from.length()));
    }

    private static String artifactName(String jar) {
        Matcher versioned = VERSIONED_JAR.matcher(jar);
        return versioned.matches() ? versioned.group(1) : jar;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
