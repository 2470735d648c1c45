package io.claimguard.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimguard.core.ConfigFile;
import io.claimguard.core.audit.RepeatThrottle;
import io.claimguard.jdbc.ClaimGuardDataSource;
import io.claimguard.jdbc.ClaimGuardDriver;
import jakarta.servlet.DispatcherType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Every fenced snippet of the README and of {@code docs/*.md}, exercised through what the product
 * itself uses, so that the documentation cannot drift from the code:
 * <ul>
 *   <li>{@code yaml}: a ClaimGuard configuration. Its top-level sections must be ones ClaimGuard
 *       reads; {@code jdbc} is loaded by {@link ClaimGuardDataSource} (the policy reader),
 *       {@code jwt} by a {@link JwtAuthFilter} started on a Jetty context whose class loader holds
 *       the file as {@code claimguard.yaml} (as {@code WEB-INF/classes} does), {@code audit} by
 *       {@link RepeatThrottle.Settings#read}. A misspelt key fails. {@code yaml fragment}: parsed
 *       only.</li>
 *   <li>{@code xml}: a {@code <configuration>} is a Logback configuration, loaded by Joran into a
 *       context of its own with no warning or error, then fed a line carrying an email address
 *       and a token: every file it writes must hold the line, and, where it redacts, neither
 *       value. Anything else (web.xml, context.xml, pom, MyBatis and JPA fragments) must be
 *       well-formed inside a root element; a ClaimGuard artifact must be a module of this
 *       build, at its version.</li>
 *   <li>{@code java}: every ClaimGuard type it names exists, and so does every member it calls on
 *       one (static, or through a variable declared with that type).</li>
 *   <li>{@code sh}, {@code bash} and untyped blocks: {@code mvn} lines name modules ({@code -pl}),
 *       profiles ({@code -P}) and test classes ({@code -Dtest}) that exist; {@code curl} lines
 *       name paths the sample application serves; {@code java -jar} lines name a jar this build
 *       makes, the revocation command's options, or benchmarks that exist; {@code openssl}
 *       lines are run when openssl is installed. In {@code sh}/{@code bash} blocks no other
 *       command is allowed.</li>
 *   <li>{@code properties}: loaded; a JDBC URL must be one ClaimGuard's driver accepts.
 *       {@code json}: each line parses. {@code text}: sample output (log lines, demo output),
 *       which no reader can check beyond the command lines it holds.</li>
 * </ul>
 * In every block, each fully qualified {@code io.claimguard} class exists and each
 * {@code jdbc:claimguard:} URL is accepted by the driver. Relative links between the Markdown
 * files, and their anchors, must resolve.
 */
class DocumentationSnippetsTest {
    private static final Path ROOT = repository();
    private static final List<String> TOP_LEVEL_SECTIONS = List.of("jdbc", "jwt", "audit");
    private static final List<String> PACKAGES = List.of("io.claimguard.core", "io.claimguard.core.audit",
            "io.claimguard.jdbc", "io.claimguard.filter", "io.claimguard.filter.revocation", "io.claimguard.filter.token",
            "io.claimguard.logging");
    private static final Pattern QUALIFIED = Pattern.compile("\\bio\\.claimguard(?:\\.[a-z]\\w*)+\\.[A-Z]\\w*");
    private static final Pattern CLAIMGUARD_URL = Pattern.compile("jdbc:claimguard:[^\\s\"'<>`)]+");
    private static final Pattern PEM_KEY = Pattern.compile("(?m)^(\\s*(?:-\\s+)?public_key_pem:\\s*)(\"?)([^\"\\s#]+)\\2");
    private static final Pattern PEM_MAP_ENTRY = Pattern.compile("(?m)^\\s*public_keys:\\s*\\{([^}]*)}");
    private static final Set<String> INFO_STRINGS = Set.of("yaml", "yaml fragment", "xml", "java", "sh", "bash", "",
            "text", "properties", "json");

    @TempDir
    Path dir;
    private String savedProperty;

    record Block(Path file, int line, String info, String text) {
        String where() {
            return ROOT.relativize(file) + ":" + line;
        }
    }

    private static Path repository() {
        String root = System.getProperty("claimguard.repository");
        assertNotNull(root, "the build passes the repository's folder as claimguard.repository");
        return Path.of(root).toAbsolutePath().normalize();
    }

    static List<Path> documents() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    static List<Block> blocks() throws IOException {
        List<Block> blocks = new ArrayList<>();
        for (Path file : documents()) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).startsWith("```")) {
                    continue;
                }
                String info = lines.get(i).substring(3).trim();
                int start = i;
                StringBuilder text = new StringBuilder();
                for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                    text.append(lines.get(i)).append('\n');
                }
                assertTrue(i < lines.size(), file + ":" + (start + 1) + ": the block never closes");
                blocks.add(new Block(file, start + 1, info, text.toString()));
            }
        }
        return blocks;
    }

    @BeforeEach
    void save() {
        savedProperty = System.getProperty(ConfigFile.PROPERTY);
        System.clearProperty(ConfigFile.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (savedProperty == null) {
            System.clearProperty(ConfigFile.PROPERTY);
        } else {
            System.setProperty(ConfigFile.PROPERTY, savedProperty);
        }
    }

    @TestFactory
    Stream<DynamicTest> everySnippet() throws IOException {
        List<Block> blocks = blocks();
        Map<String, Integer> kinds = new TreeMap<>();
        blocks.forEach(b -> kinds.merge(kind(b), 1, Integer::sum));
        System.out.println("documentation snippets by kind: " + kinds);
        assertTrue(kinds.getOrDefault("yaml", 0) >= 8 && kinds.getOrDefault("xml: logback", 0) >= 3
                && kinds.getOrDefault("java", 0) >= 2, "the documents lost their snippets? " + kinds);
        return blocks.stream().map(b -> DynamicTest.dynamicTest(b.where() + " " + kind(b), () -> check(b)));
    }

    private static String kind(Block b) {
        if (b.info().equals("xml")) {
            return b.text().contains("<configuration") ? "xml: logback" : "xml: other";
        }
        return b.info().isEmpty() ? "untyped" : b.info();
    }

    private void check(Block b) throws Exception {
        assertTrue(INFO_STRINGS.contains(b.info()), b.where() + ": unknown info string '" + b.info() + "'; known: " + INFO_STRINGS);
        checkQualifiedNames(b);
        checkClaimGuardUrls(b);
        switch (b.info()) {
            case "yaml" -> checkConfiguration(b);
            case "yaml fragment" -> ConfigFile.load(write("fragment.yaml", b.text()).toString()).section("any");
            case "xml" -> {
                if (b.text().contains("<configuration")) {
                    checkLogback(b);
                } else {
                    checkXml(b);
                }
            }
            case "java" -> checkJava(b);
            case "sh", "bash" -> checkCommands(b, true);
            case "", "text" -> checkCommands(b, false);
            case "properties" -> checkProperties(b);
            case "json" -> checkJson(b);
            default -> fail("unreachable");
        }
    }

    // ---------------------------------------------------------------- every block

    private static void checkQualifiedNames(Block b) {
        Matcher m = QUALIFIED.matcher(b.text());
        while (m.find()) {
            assertNotNull(load(m.group()), b.where() + ": no class " + m.group());
        }
    }

    private static void checkClaimGuardUrls(Block b) throws Exception {
        Matcher m = CLAIMGUARD_URL.matcher(b.text());
        ClaimGuardDriver driver = new ClaimGuardDriver();
        while (m.find()) {
            String url = m.group().replaceAll("[.,;]+$", "");
            assertTrue(driver.acceptsURL(url), b.where() + ": the driver does not accept " + url);
        }
    }

    private static Class<?> load(String name) {
        for (String candidate = name; ; ) {
            try {
                return Class.forName(candidate, false, DocumentationSnippetsTest.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                int dot = candidate.lastIndexOf('.');
                if (dot < 0) {
                    return null;
                }
                candidate = candidate.substring(0, dot) + "$" + candidate.substring(dot + 1);   // a nested class
                if (candidate.indexOf('$') != candidate.lastIndexOf('$') || !Character.isUpperCase(
                        candidate.charAt(candidate.lastIndexOf('.', candidate.indexOf('$')) + 1))) {
                    return null;
                }
            }
        }
    }

    // ---------------------------------------------------------------- yaml

    private void checkConfiguration(Block b) throws Exception {
        Set<String> sections = new LinkedHashSet<>();
        Matcher top = Pattern.compile("(?m)^([^\\s#][^:]*):").matcher(b.text());
        while (top.find()) {
            sections.add(top.group(1));
        }
        assertFalse(sections.isEmpty(), b.where() + ": no section");
        for (String section : sections) {
            assertTrue(TOP_LEVEL_SECTIONS.contains(section), b.where() + ": '" + section
                    + "' is not a section ClaimGuard reads (" + TOP_LEVEL_SECTIONS + "); mark partial blocks 'yaml fragment'");
        }
        // As in WEB-INF/classes: the file and the PEM files it names by classpath: in one folder.
        Path classes = Files.createDirectories(dir.resolve("classes-" + b.line()));
        Path file = Files.writeString(classes.resolve(ConfigFile.DEFAULT_RESOURCE), b.text(), StandardCharsets.UTF_8);
        for (String pem : pemFiles(b)) {
            assertTrue(pem.startsWith("classpath:"), b.where() + ": name PEM files by classpath: in the documentation");
            Path target = classes.resolve(pem.substring("classpath:".length()));
            if (!Files.exists(target)) {
                Fixture.pem(target, TestKeys.RSA.getPublic());
            }
        }
        ConfigFile config = ConfigFile.load(file.toString());
        if (sections.contains("audit")) {
            assertNotNull(RepeatThrottle.Settings.read(config));
        }
        if (sections.contains("jdbc")) {
            JdbcDataSource target = new JdbcDataSource();
            target.setURL("jdbc:h2:mem:docs");
            assertNotNull(new ClaimGuardDataSource(target, file.toString()), b.where());
        }
        if (sections.contains("jwt")) {
            try (URLClassLoader webApp = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
                 TestServer server = new TestServer(context -> {
                     context.setClassLoader(webApp);
                     context.addFilter(new FilterHolder(JwtAuthFilter.class), "/*",
                             EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
                 })) {
                int status = server.get("/not-a-public-path/" + b.line()).status();
                boolean required = !b.text().contains("required: false");
                assertEquals(required ? 401 : 200, status, b.where() + ": a request without a token");
            } catch (Exception e) {
                throw new AssertionError(b.where() + ": the filter does not start with this configuration: " + causes(e), e);
            }
        }
    }

    private static List<String> pemFiles(Block b) {
        List<String> files = new ArrayList<>();
        Matcher single = PEM_KEY.matcher(b.text());
        while (single.find()) {
            files.add(single.group(3));
        }
        Matcher map = PEM_MAP_ENTRY.matcher(b.text());
        while (map.find()) {
            for (String entry : map.group(1).split(",")) {
                files.add(entry.substring(entry.indexOf(':') + 1).trim().replace("\"", ""));
            }
        }
        return files;
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(Files.createTempDirectory(dir, "snippet").resolve(name), text, StandardCharsets.UTF_8);
    }

    private static String causes(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append(" | ");
            for (Throwable s : t.getSuppressed()) {
                all.append(s).append(" | ");
            }
        }
        return all.toString();
    }

    // ---------------------------------------------------------------- xml

    private void checkLogback(Block b) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs-" + b.line()));
        String xml = b.text()
                .replaceAll("<file>([^<]+)</file>", "<file>" + Matcher.quoteReplacement(logs.toString()) + "/$1</file>")
                .replaceAll("<fileNamePattern>([^<]+)</fileNamePattern>",
                        "<fileNamePattern>" + Matcher.quoteReplacement(logs.toString()) + "/$1</fileNamePattern>");
        assertTrue(!b.text().contains("<file>") || !xml.equals(b.text()));
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(context);
        joran.doConfigure(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        List<String> problems = context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getEffectiveLevel() >= Status.WARN).map(Object::toString).toList();
        assertTrue(problems.isEmpty(), b.where() + ": Logback reports " + problems);
        String email = "alice.doe@example.com";
        String token = Jws.sign("RS256", TestKeys.RSA.getPrivate(), "{\"alg\":\"RS256\",\"typ\":\"JWT\"}", "{\"sub\":\"alice\"}");
        for (String logger : List.of("io.claimguard.docs.Probe", "claimguard.audit")) {
            context.getLogger(logger).info("probe for {} with Bearer {}", email, token);
        }
        List<String> failures = context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getEffectiveLevel() >= Status.ERROR).map(Object::toString).toList();
        context.stop();
        assertTrue(failures.isEmpty(), b.where() + ": Logback reports " + failures);
        List<Path> written;
        try (Stream<Path> files = Files.walk(logs)) {
            written = files.filter(Files::isRegularFile).toList();
        }
        assertFalse(written.isEmpty(), b.where() + ": the configuration wrote no file");
        boolean redacts = b.text().contains("%redact") || b.text().contains("io.claimguard.logging.Redacting");
        for (Path log : written) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(text.contains("probe for"), b.where() + ": " + log.getFileName() + " holds no probe line: " + text);
            if (redacts) {
                assertFalse(text.contains(email) || text.contains(token), b.where() + ": not redacted: " + text);
            }
        }
    }

    private static void checkXml(Block b) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder()
                .parse(new InputSource(new StringReader("<snippet>" + b.text() + "</snippet>")));
        NodeList artifacts = doc.getElementsByTagName("artifactId");
        for (int i = 0; i < artifacts.getLength(); i++) {
            String artifact = artifacts.item(i).getTextContent().trim();
            if (artifact.startsWith("claimguard")) {
                assertTrue(Build.INSTANCE.artifacts.contains(artifact), b.where() + ": no module builds " + artifact);
                Element dependency = (Element) artifacts.item(i).getParentNode();
                NodeList version = dependency.getElementsByTagName("version");
                if (version.getLength() > 0) {
                    assertEquals(Build.INSTANCE.version, version.item(0).getTextContent().trim(), b.where());
                }
            }
        }
        NodeList classes = doc.getElementsByTagName("filter-class");
        for (int i = 0; i < classes.getLength(); i++) {
            assertNotNull(load(classes.item(i).getTextContent().trim()), b.where());
        }
    }

    // ---------------------------------------------------------------- java

    private static void checkJava(Block b) {
        String code = b.text().replaceAll("//[^\n]*", "");
        Map<String, Class<?>> types = new LinkedHashMap<>();
        Matcher word = Pattern.compile("\\b[A-Z][A-Za-z0-9]*\\b").matcher(code);
        while (word.find()) {
            Class<?> type = simpleType(word.group());
            if (type != null) {
                types.put(word.group(), type);
            } else {
                assertFalse(word.group().startsWith("ClaimGuard"), b.where() + ": no ClaimGuard type " + word.group());
            }
        }
        Matcher member = Pattern.compile("(?<![\\w.])([A-Z][A-Za-z0-9]*)\\.([A-Za-z_]\\w*)").matcher(code);
        while (member.find()) {
            Class<?> type = types.get(member.group(1));
            if (type != null) {
                assertTrue(hasMember(type, member.group(2)), b.where() + ": " + type.getName() + " has no " + member.group(2));
            }
        }
        Matcher variable = Pattern.compile("\\b([A-Z][A-Za-z0-9]*)\\s+([a-z]\\w*)\\s*=").matcher(code);
        while (variable.find()) {
            Class<?> type = types.get(variable.group(1));
            if (type == null) {
                continue;
            }
            Matcher call = Pattern.compile("(?<![\\w.])" + variable.group(2) + "\\.(\\w+)\\(").matcher(code);
            while (call.find()) {
                assertTrue(hasMember(type, call.group(1)), b.where() + ": " + type.getName() + " has no " + call.group(1));
            }
        }
        // the qualified names: their members too (new io.claimguard.jdbc.JdbcMetrics().bindTo(...))
        Matcher qualified = Pattern.compile("(" + QUALIFIED.pattern() + ")(?:\\([^)]*\\))?\\.(\\w+)").matcher(code);
        while (qualified.find()) {
            Class<?> type = load(qualified.group(1));
            assertTrue(type != null && hasMember(type, qualified.group(2)), b.where() + ": " + qualified.group());
        }
    }

    private static Class<?> simpleType(String name) {
        for (String pkg : PACKAGES) {
            Class<?> type = load(pkg + "." + name);
            if (type != null) {
                return type;
            }
        }
        return null;
    }

    private static boolean hasMember(Class<?> type, String name) {
        Stream<Member> members = Stream.of(Arrays.stream(type.getMethods()), Arrays.stream(type.getFields()))
                .flatMap(s -> s.map(Member.class::cast));
        return members.anyMatch(m -> m.getName().equals(name) && Modifier.isPublic(m.getModifiers()))
                || Arrays.stream(type.getClasses()).anyMatch(c -> c.getSimpleName().equals(name));
    }

    // ---------------------------------------------------------------- commands

    private void checkCommands(Block b, boolean commandsOnly) throws Exception {
        List<String> lines = joinContinuations(b.text());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String command = line.split("\\s+")[0];
            switch (command) {
                case "mvn" -> checkMaven(b, line);
                case "curl" -> checkCurl(b, line);
                case "java" -> {
                    if (line.contains("claimguard-cli.jar")) {
                        checkCli(b, lines.subList(i + 1, lines.size()));
                        return;
                    }
                    checkJavaCommand(b, line);
                }
                case "openssl" -> runOpenssl(b, line);
                default -> {
                    if (command.endsWith(".sh")) {
                        assertTrue(Files.isRegularFile(ROOT.resolve(command)), b.where() + ": no script " + command);
                    } else if (commandsOnly) {
                        fail(b.where() + ": a command the test cannot check: " + line);
                    }
                }
            }
        }
    }

    private static List<String> joinContinuations(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
            } else {
                lines.add(current.append(line).toString());
                current.setLength(0);
            }
        }
        return lines;
    }

    private static void checkMaven(Block b, String line) throws IOException {
        List<String> args = List.of(line.split("\\s+"));
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            String value = null;
            if (arg.equals("-pl") || arg.equals("--projects") || arg.equals("-P") || arg.equals("--activate-profiles")) {
                value = args.get(++i);
            } else if (arg.startsWith("-pl") || (arg.startsWith("-P") && arg.length() > 2)) {
                value = arg.substring(arg.startsWith("-pl") ? 3 : 2);
            }
            boolean projects = arg.startsWith("-pl") || arg.equals("--projects");
            if (value != null) {
                for (String item : value.split(",")) {
                    String name = item.replaceFirst("^[!?]+", "");
                    if (projects) {
                        assertTrue(name.startsWith(":") ? Build.INSTANCE.artifacts.contains(name.substring(1))
                                : Files.isRegularFile(ROOT.resolve(name).resolve("pom.xml")), b.where() + ": no module " + name);
                    } else {
                        assertTrue(Build.INSTANCE.profiles.contains(name), b.where() + ": no profile " + name);
                    }
                }
            }
            if (arg.startsWith("-Dtest=")) {
                for (String test : arg.substring(7).split(",")) {
                    String name = test.replaceAll("#.*", "");
                    assertTrue(Build.INSTANCE.testClasses.contains(name), b.where() + ": no test class " + name);
                }
            }
        }
    }

    private static void checkCurl(Block b, String line) throws Exception {
        Matcher url = Pattern.compile("https?://[^\\s'\"]+").matcher(line);
        assertTrue(url.find(), b.where() + ": a curl line without a URL");
        String path = URI.create(url.group()).getPath();
        assertTrue(Sample.INSTANCE.serves(path), b.where() + ": the sample serves no " + path + " (it serves "
                + Sample.INSTANCE.patterns + ")");
    }

    private static void checkCli(Block b, List<String> usage) throws Exception {
        Field field = Class.forName("io.claimguard.filter.revocation.RevocationCommand").getDeclaredField("USAGE_TEXT");
        field.setAccessible(true);
        String actual = (String) field.get(null);
        Set<String> commands = Pattern.compile("(?m)^\\s+(\\w+)").matcher(actual).results().map(r -> r.group(1))
                .collect(Collectors.toSet());
        for (String line : usage) {
            if (line.isBlank()) {
                continue;
            }
            String command = line.strip().split("\\s+")[0];
            assertTrue(commands.contains(command), b.where() + ": the revocation command has no " + command);
            Matcher option = Pattern.compile("--[a-z]+").matcher(line);
            while (option.find()) {
                assertTrue(actual.contains(option.group()), b.where() + ": the revocation command has no " + option.group());
            }
        }
    }

    private static void checkJavaCommand(Block b, String line) throws IOException {
        Matcher jar = Pattern.compile("-jar\\s+(\\S+)").matcher(line);
        assertTrue(jar.find(), b.where() + ": a java line the test cannot check: " + line);
        Path path = Path.of(jar.group(1));
        assertTrue(path.getNameCount() == 3 && path.getName(1).toString().equals("target")
                        && Files.isRegularFile(ROOT.resolve(path.getName(0)).resolve("pom.xml")),
                b.where() + ": not a module's jar: " + path);
        if (path.getName(0).toString().equals("benchmarks")) {
            Matcher benchmark = Pattern.compile("\\b([A-Z]\\w*Benchmark)\\b").matcher(line);
            while (benchmark.find()) {
                assertTrue(Build.INSTANCE.mainClasses.contains(benchmark.group(1)), b.where() + ": no " + benchmark.group(1));
            }
        }
    }

    private void runOpenssl(Block b, String line) throws Exception {
        Path work = Files.createDirectories(dir.resolve("openssl-" + b.line()));
        Files.createDirectories(work.resolve("WEB-INF/classes"));
        Process process;
        try {
            process = new ProcessBuilder(List.of(line.split("\\s+"))).directory(work.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            System.out.println(b.where() + ": openssl is not installed; its line is not run");   // the one check left out
            return;
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), b.where() + ": openssl did not finish");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), b.where() + ": " + line + ": " + output);
        Matcher out = Pattern.compile("-out\\s+(\\S+)").matcher(line);
        if (out.find() && out.group(1).endsWith("public.pem")) {
            String pem = Files.readString(work.resolve(out.group(1)), StandardCharsets.US_ASCII);
            assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----"), b.where() + ": " + pem);
            // the filter takes it as a public_key_pem
            assertNotNull(io.claimguard.filter.token.IssuerKeys.pem(Map.of("", pem)));
        }
    }

    // ---------------------------------------------------------------- properties, json

    private static void checkProperties(Block b) throws Exception {
        Properties properties = new Properties();
        properties.load(new StringReader(b.text()));
        assertFalse(properties.isEmpty(), b.where());
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key);
            if (value.startsWith("jdbc:")) {
                assertTrue(new ClaimGuardDriver().acceptsURL(value), b.where() + ": " + key + " is not a ClaimGuard URL");
            }
        }
    }

    private static void checkJson(Block b) throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String line : b.text().split("\n")) {
            if (!line.isBlank()) {
                assertTrue(json.readTree(line).isObject(), b.where());
            }
        }
    }

    // ---------------------------------------------------------------- what getting-started.md states

    /** The snippet of docs/getting-started.md whose text holds {@code marker}. */
    private static Block gettingStarted(String marker) throws IOException {
        return blocks().stream().filter(b -> b.file().endsWith("getting-started.md") && b.text().contains(marker))
                .findFirst().orElseThrow(() -> new AssertionError("getting-started.md has no snippet with " + marker));
    }

    private TestServer started(Path classes, String contextPath) throws Exception {
        URLClassLoader webApp = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        return new TestServer(context -> {
            context.setContextPath(contextPath);
            context.setClassLoader(webApp);
            context.addFilter(new FilterHolder(JwtAuthFilter.class), "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
        });
    }

    private Path classes(String name, String yaml) throws IOException {
        Path classes = Files.createDirectories(dir.resolve(name));
        Files.writeString(classes.resolve(ConfigFile.DEFAULT_RESOURCE), yaml, StandardCharsets.UTF_8);
        return classes;
    }

    /** "Which requests the filter guards": every path, static files included; patterns without the context path. */
    @Test
    void publicPaths_areInsideTheContextPath_andEverythingElseNeedsAToken() throws Exception {
        Block snippet = gettingStarted("/favicon.ico");
        try (TestServer server = started(classes("guards", snippet.text()), "/shop")) {
            for (String open : List.of("/shop/health", "/shop/static", "/shop/static/app.css", "/shop/favicon.ico")) {
                assertEquals(200, server.get(open).status(), open);
            }
            for (String guarded : List.of("/shop/index.html", "/shop/style.css", "/shop/", "/shop/healthz", "/shop/admin/x")) {
                assertEquals(401, server.get(guarded).status(), guarded);
            }
        }
        assertStartFails(classes("extension", snippet.text().replace("\"/static/*\"", "\"*.css\"")),
                "URL pattern '*.css' must start with '/'");
        assertStartFails(classes("inner-star", snippet.text().replace("\"/static/*\"", "\"/static/*.css\"")),
                "URL pattern '/static/*.css' may only end with '/*'");
    }

    /** "Keys": a jwks_uri must be https, or http on a loopback host; file: is refused. */
    @Test
    void jwksUri_mustBeHttps_orHttpOnLoopback() throws Exception {
        String yaml = gettingStarted("/favicon.ico").text();
        assertStartFails(classes("file", yaml.replace("https://id.example.com/.well-known/jwks.json", "file:///etc/jwks.json")),
                "must use https (http only on a loopback address)");
        assertStartFails(classes("http", yaml.replace("https://id.example.com/", "http://id.example.com/")),
                "must use https (http only on a loopback address)");
        try (TestServer server = started(classes("loopback", yaml.replace("https://id.example.com/.well-known/jwks.json",
                "http://127.0.0.1:9/jwks.json")), "/")) {
            assertEquals(200, server.get("/health").status());
        }
    }

    /** "Keys": a relative PEM path is read against the working directory, not the configuration's folder. */
    @Test
    void relativePemPath_isResolvedAgainstTheWorkingDirectory() throws Exception {
        String yaml = gettingStarted("classpath:issuer-public.pem").text();
        Path relative = Path.of("target", "documentation-facts", "issuer-public.pem");
        Path classes = classes("relative", yaml.replace("classpath:issuer-public.pem", relative.toString()));
        Files.createDirectories(classes.resolve(relative).getParent());
        Fixture.pem(classes.resolve(relative), TestKeys.RSA.getPublic());   // beside the configuration: not found
        assertStartFails(classes, "ClaimGuard configuration file " + relative + " does not exist");
        Files.createDirectories(Path.of(System.getProperty("user.dir")).resolve(relative).getParent());
        Fixture.pem(Path.of(System.getProperty("user.dir")).resolve(relative), TestKeys.RSA.getPublic());
        try (TestServer server = started(classes, "/")) {
            assertEquals(401, server.get("/").status());
        } finally {
            Files.deleteIfExists(Path.of(System.getProperty("user.dir")).resolve(relative));
        }
    }

    private void assertStartFails(Path classes, String expected) {
        try (TestServer server = started(classes, "/")) {
            fail("the filter started; a request got " + server.get("/").status());
        } catch (Exception e) {
            assertTrue(causes(e).contains(expected), "'" + expected + "' in: " + causes(e));
        }
    }

    /** The commands written inline, such as the README's "Two commands": checked as the blocks' are. */
    @Test
    void inlineMavenCommands_nameWhatExists() throws IOException {
        int checked = 0;
        for (Path file : documents()) {
            Matcher inline = Pattern.compile("`(mvn [^`]+)`").matcher(withoutCodeBlocks(Files.readString(file, StandardCharsets.UTF_8)));
            while (inline.find()) {
                checkMaven(new Block(file, 0, "inline", inline.group(1)), inline.group(1));
                checked++;
            }
        }
        assertTrue(checked >= 3, "the README's two commands and the report-mode demo: " + checked);
    }

    // ---------------------------------------------------------------- links

    @Test
    void relativeLinksAndAnchorsResolve() throws IOException {
        Pattern link = Pattern.compile("\\]\\(([^)\\s]+)\\)");
        List<String> broken = new ArrayList<>();
        for (Path file : documents()) {
            String text = withoutCodeBlocks(Files.readString(file, StandardCharsets.UTF_8));
            Matcher m = link.matcher(text);
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue;
                }
                int hash = target.indexOf('#');
                String path = hash < 0 ? target : target.substring(0, hash);
                Path resolved = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(ROOT.relativize(file) + ": " + target);
                } else if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
                    broken.add(ROOT.relativize(file) + ": " + target + " (no such heading)");
                }
            }
        }
        assertTrue(broken.isEmpty(), "broken links: " + broken);
    }

    private static String withoutCodeBlocks(String markdown) {
        return markdown.replaceAll("(?ms)^```.*?^```", "");
    }

    static Set<String> anchors(Path markdown) throws IOException {
        Set<String> anchors = new LinkedHashSet<>();
        for (String line : withoutCodeBlocks(Files.readString(markdown, StandardCharsets.UTF_8)).split("\n")) {
            if (line.startsWith("#")) {
                String heading = line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT);
                anchors.add(heading.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }

    // ---------------------------------------------------------------- what the build and the sample hold

    /** Artifact ids, profile ids, test and main class names of the build, read from its files. */
    private static final class Build {
        static final Build INSTANCE = new Build();
        final Set<String> artifacts = new LinkedHashSet<>();
        final Set<String> profiles = new LinkedHashSet<>();
        final Set<String> testClasses = new LinkedHashSet<>();
        final Set<String> mainClasses = new LinkedHashSet<>();
        final String version;

        private Build() {
            try (Stream<Path> files = Files.walk(ROOT)) {
                List<Path> all = files.filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/")).toList();
                for (Path pom : all.stream().filter(p -> p.getFileName().toString().equals("pom.xml")).toList()) {
                    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
                    Element project = doc.getDocumentElement();
                    for (Element child : children(project, "artifactId")) {
                        artifacts.add(child.getTextContent().trim());
                    }
                    for (Element profilesElement : children(project, "profiles")) {
                        for (Element profile : children(profilesElement, "profile")) {
                            children(profile, "id").forEach(id -> profiles.add(id.getTextContent().trim()));
                        }
                    }
                }
                for (Path java : all.stream().filter(p -> p.toString().endsWith(".java")).toList()) {
                    String name = java.getFileName().toString().replace(".java", "");
                    (java.toString().contains("/src/test/") ? testClasses : mainClasses).add(name);
                }
                Document root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve("pom.xml").toFile());
                version = children(root.getDocumentElement(), "version").get(0).getTextContent().trim();
            } catch (Exception e) {
                throw new IllegalStateException("cannot read the build in " + ROOT, e);
            }
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    /** The paths the sample application serves: its web.xml's servlet mappings and the demo's own. */
    private static final class Sample {
        static final Sample INSTANCE = new Sample();
        final List<String> patterns = new ArrayList<>();

        private Sample() {
            try {
                Path sample = ROOT.resolve("sample-webapp/src/main");
                Document web = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(sample.resolve("webapp/WEB-INF/web.xml").toFile());
                NodeList mappings = web.getElementsByTagName("servlet-mapping");
                for (int i = 0; i < mappings.getLength(); i++) {
                    for (Element p : children((Element) mappings.item(i), "url-pattern")) {
                        patterns.add(p.getTextContent().trim());
                    }
                }
                try (Stream<Path> demo = Files.list(sample.resolve("java/io/claimguard/sample/demo"))) {
                    for (Path java : demo.toList()) {
                        Matcher constant = Pattern.compile("static final String \\w*PATH = \"(/[^\"]*)\"")
                                .matcher(Files.readString(java, StandardCharsets.UTF_8));
                        while (constant.find()) {
                            patterns.add(constant.group(1));
                        }
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot read the sample's mappings", e);
            }
        }

        boolean serves(String path) {
            return patterns.stream().anyMatch(p -> p.isEmpty() ? path.equals("/")
                    : p.endsWith("/*") ? path.equals(p.substring(0, p.length() - 2)) || path.startsWith(p.substring(0, p.length() - 1))
                    : path.equals(p));
        }
    }
}
