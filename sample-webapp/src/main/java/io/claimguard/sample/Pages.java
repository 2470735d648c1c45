package io.claimguard.sample;

import io.claimguard.sample.demo.DemoMode;
import io.claimguard.sample.demo.Persona;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.security.Principal;
import java.util.List;
import java.util.Optional;

/**
 * The HTML of every page: a header with the signed-in user ({@code #whoami}), the demo banner in
 * demo mode, and customers in a table ({@code #customers}, one {@code tr[data-id]} per row, each
 * cell's class the column's name). An empty cell is a NULL.
 */
final class Pages {
    private static final String STYLE = """
            body { margin: 0; font: 14px/1.45 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #1f2933; background: #f4f6f8; }
            header { display: flex; align-items: center; gap: 20px; padding: 10px 24px; background: #243b53; color: #fff; }
            header .app { font-size: 17px; font-weight: bold; color: #fff; text-decoration: none; }
            header form { margin-left: auto; }
            header input { padding: 4px 8px; border: 0; border-radius: 3px; width: 220px; }
            header .user { color: #bcccdc; }
            #whoami { color: #fff; font-weight: bold; }
            main { padding: 16px 24px 32px; }
            h1 { font-size: 20px; margin: 4px 0 12px; }
            .count { color: #52606d; margin: -6px 0 12px; }
            .banner { background: #fffbea; border: 1px solid #f0b429; border-radius: 4px; padding: 8px 14px; margin-bottom: 16px; }
            .banner ul { margin: 4px 0 0; padding-left: 20px; }
            .banner .you { font-weight: bold; }
            .banner code { background: #fff3c4; padding: 0 3px; }
            table { border-collapse: collapse; background: #fff; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
            th, td { padding: 5px 10px; border-bottom: 1px solid #e4e7eb; text-align: left; vertical-align: baseline; white-space: nowrap; }
            th { background: #d9e2ec; font-weight: bold; }
            tr:nth-child(even) td { background: #f9fafb; }
            td.phone, td.ssn, td.card_number { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 13px; }
            td.salary { text-align: right; }
            td.notes { white-space: normal; min-width: 220px; }
            td:empty::after { content: "\\2014"; color: #9aa5b1; font-family: "DejaVu Sans", sans-serif; }
            .actions { margin: 14px 0; }
            .button, button { display: inline-block; padding: 6px 14px; border: 0; border-radius: 3px; background: #334e68; color: #fff; font: inherit; text-decoration: none; cursor: pointer; }
            form.edit { background: #fff; padding: 16px; max-width: 560px; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
            form.edit label { display: block; margin: 8px 0 2px; font-weight: bold; }
            form.edit input { width: 100%; box-sizing: border-box; padding: 5px 8px; border: 1px solid #bcccdc; border-radius: 3px; font: inherit; }
            form.edit input[readonly] { background: #f0f4f8; }
            .hint { color: #52606d; }
            a.cancel { margin-left: 12px; color: #334e68; }
            """;

    private Pages() {
    }

    /** The name of who is asking: the principal, or "anonymous". */
    static String who(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        return principal == null ? "anonymous" : principal.getName();
    }

    /** Writes a whole page around {@code body} (HTML). */
    static void send(HttpServletRequest request, HttpServletResponse response, int status, String title, String body)
            throws IOException {
        String home = request.getContextPath() + "/customers";
        StringBuilder html = new StringBuilder(8192)
                .append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append(" · Customer support</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<header><a class=\"app\" href=\"").append(escape(home)).append("\">Customer support</a>")
                .append("<span class=\"user\">Signed in as <span id=\"whoami\">").append(escape(who(request))).append("</span></span>")
                .append("<form method=\"get\" action=\"").append(escape(home)).append("/search\">")
                .append("<input type=\"search\" name=\"q\" placeholder=\"Search name, email or city\" value=\"")
                .append(escape(orEmpty(request.getParameter("q")))).append("\"></form></header>\n<main>\n");
        if (DemoMode.enabled()) {
            html.append(demoBanner(request));
        }
        html.append("<h1>").append(escape(title)).append("</h1>\n").append(body).append("</main>\n</body>\n</html>\n");
        response.setStatus(status);
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(html.toString());
    }

    private static String demoBanner(HttpServletRequest request) {
        Optional<Persona> current = Persona.bySubject(who(request));
        StringBuilder html = new StringBuilder("<div class=\"banner\" id=\"demo-banner\"><strong>Demo mode.</strong> ")
                .append("Each request carries a token from <code>").append(escape(request.getContextPath()))
                .append("/demo/token?persona=…</code>; what a page shows depends on whose token it is:<ul>");
        for (Persona persona : Persona.values()) {
            boolean you = current.filter(persona::equals).isPresent();
            html.append("<li").append(you ? " class=\"you\"" : "").append(">").append(escape(persona.title()))
                    .append(" (<code>").append(persona.id()).append("</code>, ").append(escape(persona.subject()))
                    .append(")").append(you ? ", you" : "").append(": ").append(escape(persona.sees())).append("</li>");
        }
        return html.append("</ul></div>\n").toString();
    }

    /** The customers table; names link to their detail pages. */
    static String table(HttpServletRequest request, List<Customer> customers) {
        StringBuilder html = new StringBuilder(customers.size() * 400 + 512).append("<table id=\"customers\">\n<thead><tr>");
        for (Column column : Column.values()) {
            html.append("<th class=\"").append(column.key).append("\">").append(escape(column.label)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (Customer customer : customers) {
            html.append("<tr data-id=\"").append(customer.id()).append("\">");
            for (Column column : Column.values()) {
                String text = text(customer.get(column));
                html.append("<td class=\"").append(column.key).append("\">");
                if (column == Column.NAME) {
                    html.append("<a href=\"").append(escape(detailPath(request, customer.id()))).append("\">")
                            .append(escape(text)).append("</a>");
                } else {
                    html.append(escape(text));
                }
                html.append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }

    /** A form with every column, filled with what this request was shown; it saves the whole row. */
    static String editForm(HttpServletRequest request, Customer customer) {
        StringBuilder html = new StringBuilder(2048).append("<form class=\"edit\" id=\"edit-customer\" method=\"post\" action=\"")
                .append(escape(detailPath(request, customer.id()))).append("\">\n");
        for (Column column : Column.values()) {
            html.append("<label for=\"").append(column.key).append("\">").append(escape(column.label)).append("</label>")
                    .append("<input id=\"").append(column.key).append("\" name=\"").append(column.key).append("\" value=\"")
                    .append(escape(text(customer.get(column)))).append("\"").append(column == Column.ID ? " readonly" : "")
                    .append(">\n");
        }
        return html.append("<p class=\"hint\">Saving stores every field as it stands here.</p>")
                .append("<button type=\"submit\" id=\"save\">Save</button> <a class=\"cancel\" href=\"")
                .append(escape(detailPath(request, customer.id()))).append("\">Cancel</a>\n</form>\n").toString();
    }

    static String detailPath(HttpServletRequest request, int id) {
        return request.getContextPath() + "/customers/" + id;
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String text(Object value) {
        if (value instanceof BigDecimal amount) {
            return amount.toPlainString();
        }
        return value == null ? "" : value.toString();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
