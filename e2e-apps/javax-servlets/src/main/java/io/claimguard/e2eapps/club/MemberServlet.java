package io.claimguard.e2eapps.club;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The member register, one servlet for {@code /members} and everything below it:
 * <pre>
 * GET  /members              every member, and the one viewed last in this session
 * GET  /members/{id}         one member
 * GET  /members/{id}/edit    the form
 * POST /members/{id}         save the form: every column of the row, whatever was changed
 * </pre>
 */
public class MemberServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(MemberServlet.class);
    private static final Pattern PATH = Pattern.compile("/?|/(\\d+)(/edit)?");
    static final String LAST_VIEWED = "club.lastViewed";

    private transient ClubStartup.Connections connections;

    @Override
    public void init() throws ServletException {
        connections = (ClubStartup.Connections) getServletContext().getAttribute(ClubStartup.CONNECTIONS);
        if (connections == null) {
            throw new ServletException("the club did not start");
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        Matcher path = path(request, response);
        if (path == null) {
            return;
        }
        HttpSession session = request.getSession();
        try (Connection connection = connections.open()) {
            if (path.group(1) == null) {
                List<Member> members = select(connection, "SELECT id, name, email, phone, city, iban, notes FROM members ORDER BY id", null);
                Object last = session.getAttribute(LAST_VIEWED);
                String lastViewed = last == null ? "" : "<p>Last viewed: <a id=\"lastViewed\" href=\"" + request.getContextPath()
                        + "/members/" + last + "\">" + Html.escape(last) + "</a></p>\n";
                send(response, Html.page("Members", user(request), lastViewed + table(members)));
                return;
            }
            int id = Integer.parseInt(path.group(1));
            List<Member> found = select(connection, "SELECT id, name, email, phone, city, iban, notes FROM members WHERE id = ?", id);
            if (found.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            Member member = found.get(0);
            session.setAttribute(LAST_VIEWED, id);
            if (path.group(2) == null) {
                send(response, Html.page(member.name, user(request), table(found)));
            } else {
                send(response, Html.page("Edit " + member.name, user(request), form(request, member)));
            }
        } catch (SQLException e) {
            throw new ServletException("reading members failed", e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        request.setCharacterEncoding("UTF-8");
        Matcher path = path(request, response);
        if (path == null) {
            return;
        }
        if (path.group(1) == null || path.group(2) != null) {
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        Member member = new Member();
        member.id = Integer.parseInt(path.group(1));
        member.name = field(request, "name");
        member.email = field(request, "email");
        member.phone = field(request, "phone");
        member.city = field(request, "city");
        member.iban = field(request, "iban");
        member.notes = field(request, "notes");
        LOG.debug("saving member {}: email {}, phone {}, IBAN {}", member.id, member.email, member.phone, member.iban);
        try (Connection connection = connections.open();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE members SET name = ?, email = ?, phone = ?, city = ?, iban = ?, notes = ? WHERE id = ?")) {
            update.setString(1, member.name);
            update.setString(2, member.email);
            update.setString(3, member.phone);
            update.setString(4, member.city);
            update.setString(5, member.iban);
            update.setString(6, member.notes);
            update.setInt(7, member.id);
            if (update.executeUpdate() == 0) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        } catch (SQLException e) {
            LOG.warn("member {} not saved: {}", member.id, e.getMessage());
            response.sendError("42501".equals(e.getSQLState()) ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            return;
        }
        LOG.info("member {} saved", member.id);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + "/members/" + member.id);
    }

    private static List<Member> select(Connection connection, String sql, Integer id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            if (id != null) {
                select.setInt(1, id);
            }
            List<Member> members = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Member member = new Member();
                    member.id = rows.getInt("id");
                    member.name = rows.getString("name");
                    member.email = rows.getString("email");
                    member.phone = rows.getString("phone");
                    member.city = rows.getString("city");
                    member.iban = rows.getString("iban");
                    member.notes = rows.getString("notes");
                    members.add(member);
                }
            }
            return members;
        }
    }

    private static Matcher path(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String info = request.getPathInfo() == null ? "" : request.getPathInfo();
        Matcher path = PATH.matcher(info);
        if (!path.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return null;
        }
        return path;
    }

    private static String table(List<Member> members) {
        StringBuilder html = new StringBuilder("<table id=\"members\">\n<tr><th>No.</th><th>Name</th><th>Email</th><th>Phone</th>"
                + "<th>City</th><th>IBAN</th><th>Notes</th></tr>\n");
        for (Member member : members) {
            html.append("<tr data-id=\"").append(member.id).append("\">");
            for (String column : Member.COLUMNS) {
                html.append("<td class=\"").append(column).append("\">").append(Html.escape(member.get(column))).append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    private static String form(HttpServletRequest request, Member member) {
        StringBuilder html = new StringBuilder("<form method=\"post\" action=\"").append(request.getContextPath())
                .append("/members/").append(member.id).append("\">\n");
        for (String column : Member.COLUMNS) {
            if (!column.equals("id")) {
                html.append("<label>").append(column).append(" <input id=\"").append(column).append("\" name=\"").append(column)
                        .append("\" value=\"").append(Html.escape(member.get(column))).append("\"></label>\n");
            }
        }
        return html.append("<button type=\"submit\">Save</button>\n</form>\n").toString();
    }

    /** A form field; an empty one is no value (NULL). */
    private static String field(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null || value.trim().isEmpty() ? null : value.trim();
    }

    private static String user(HttpServletRequest request) {
        return request.getUserPrincipal() == null ? "" : request.getUserPrincipal().getName();
    }

    private static void send(HttpServletResponse response, String html) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(html);
    }
}
