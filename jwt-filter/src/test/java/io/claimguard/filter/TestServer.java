package io.claimguard.filter;

import io.claimguard.core.GuardContext;
import io.claimguard.core.Subject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real Jetty 12 server on a loopback port, with the filter in front of a servlet that reports
 * what the application sees: the subject in GuardContext, the principal and a role check.
 */
final class TestServer implements AutoCloseable {
    private final Server server;
    private final int port;

    /** What the application saw on one request. */
    static final class Seen extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().print(describe(request));
        }
    }

    static String describe(HttpServletRequest request) {
        String subject = GuardContext.current().map(Subject::id).orElse("-");
        String principal = request.getUserPrincipal() == null ? "-" : request.getUserPrincipal().getName();
        return "subject=" + subject + " principal=" + principal + " remoteUser=" + request.getRemoteUser()
                + " admin=" + request.isUserInRole("admin");
    }

    TestServer(Filter filter) throws Exception {
        this(context -> context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC)));
    }

    TestServer(Consumer<ServletContextHandler> setup) throws Exception {
        this(64 * 1024, setup);   // let the filter's own 8 KiB cap decide, not Jetty's
    }

    TestServer(int requestHeaderBytes, Consumer<ServletContextHandler> setup) throws Exception {
        this(requestHeaderBytes, rootContext(), setup);
    }

    /** Serves {@code context} as it is, such as a web application read from its WEB-INF/web.xml. */
    TestServer(ServletContextHandler context) throws Exception {
        this(64 * 1024, context, c -> { });
    }

    private TestServer(int requestHeaderBytes, ServletContextHandler context, Consumer<ServletContextHandler> setup)
            throws Exception {
        server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(requestHeaderBytes);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        setup.accept(context);
        if (context.getServletHandler().getServlets().length == 0) {
            context.addServlet(new ServletHolder(new Seen()), "/*");
        }
        server.setHandler(handlerOf(context));
        server.start();
        port = connector.getLocalPort();
    }

    /**
     * A context at "/", built as both of Jetty's servlet environments allow: these tests also run,
     * renamed to javax.servlet, on Jetty's ee8 environment against the javax build of the filter.
     */
    private static ServletContextHandler rootContext() {
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        return context;
    }

    /** The context as the server takes it: an ee10 context is a handler, an ee8 context supplies one. */
    @SuppressWarnings("unchecked")
    private static Handler handlerOf(Object context) {
        return context instanceof Handler handler ? handler : ((Supplier<Handler>) context).get();
    }

    int port() {
        return port;
    }

    Response get(String path, String... headerLines) throws IOException {
        return getFrom("127.0.0.1", path, headerLines);
    }

    /** GET with {@code Authorization: Bearer token}. */
    Response bearer(String token) throws IOException {
        return get("/app", "Authorization: Bearer " + token);
    }

    /** GET with {@code Authorization: Bearer token}, from the loopback address {@code client}, such as 127.0.0.2. */
    Response bearerFrom(String client, String token) throws IOException {
        return getFrom(client, "/app", "Authorization: Bearer " + token);
    }

    /** The status of {@link #bearerFrom}, unchecked: for conditions that tests poll in lambdas. */
    int statusFrom(String client, String token) {
        try {
            return bearerFrom(client, token).status();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status of {@link #bearer}, unchecked. */
    int status(String token) {
        return statusFrom("127.0.0.1", token);
    }

    private Response getFrom(String client, String path, String... headerLines) throws IOException {
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        request.append("\r\n");
        return send(client, request.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    Response send(byte[] raw) throws IOException {
        return send("127.0.0.1", raw);
    }

    private Response send(String client, byte[] raw) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(client, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(raw);
            out.flush();
            InputStream in = socket.getInputStream();
            return Response.parse(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
        }
    }

    record Response(int status, Map<String, List<String>> headers, String body) {
        static Response parse(String raw) {
            int end = raw.indexOf("\r\n\r\n");
            String head = end < 0 ? raw : raw.substring(0, end);
            String body = end < 0 ? "" : raw.substring(end + 4);
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
            if ("chunked".equals(header(headers, "transfer-encoding"))) {
                body = unchunk(body);
            }
            return new Response(status, headers, body);
        }

        String header(String name) {
            return header(headers, name);
        }

        private static String header(Map<String, List<String>> headers, String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }

        private static String unchunk(String body) {
            StringBuilder out = new StringBuilder();
            int at = 0;
            while (true) {
                int eol = body.indexOf("\r\n", at);
                int size = Integer.parseInt(body.substring(at, eol).trim(), 16);
                if (size == 0) {
                    return out.toString();
                }
                out.append(body, eol + 2, eol + 2 + size);
                at = eol + 2 + size + 2;
            }
        }
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
