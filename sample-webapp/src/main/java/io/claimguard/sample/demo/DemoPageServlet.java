package io.claimguard.sample.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /demo/}: the demo as a plain browser can use it, without a bearer header of its own.
 * Pick a persona: the page's script asks the demo identity provider for that persona's token and
 * calls the JSON API with it, as a single-page application does, and shows the customers as that
 * persona gets them; the cells that differ from what the compliance officer (who may see every
 * column) gets are marked as masked.
 */
final class DemoPageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String PATH = "/demo/";

    private static final String SCRIPT = """
            const table = document.getElementById('customers');
            async function view(persona) {
              const token = await (await fetch('token?persona=' + persona)).text();
              const response = await fetch('../api/customers', {headers: {Authorization: 'Bearer ' + token}});
              if (!response.ok) { throw new Error('the API answered ' + response.status); }
              return response.json();
            }
            function cell(row, value, masked) {
              const td = row.insertCell();
              td.textContent = value === null ? '' : String(value);
              if (masked) { td.className = 'masked'; td.title = 'masked for this persona'; }
            }
            async function show(persona) {
              const [seen, everything] = await Promise.all([view(persona), view('compliance')]);
              table.tHead.innerHTML = '';
              table.tBodies[0].innerHTML = '';
              const keys = Object.keys(everything[0] || {});
              const head = table.tHead.insertRow();
              keys.forEach(key => { const th = document.createElement('th'); th.textContent = key; head.appendChild(th); });
              seen.forEach((customer, i) => {
                const row = table.tBodies[0].insertRow();
                keys.forEach(key => cell(row, customer[key], customer[key] !== everything[i][key]));
              });
              document.getElementById('persona').textContent = document.querySelector('[data-persona=' + persona + ']').dataset.title;
              document.querySelectorAll('[data-persona]').forEach(b => b.classList.toggle('chosen', b.dataset.persona === persona));
            }
            document.querySelectorAll('[data-persona]').forEach(button => button.addEventListener('click', () => {
              window.shown = show(button.dataset.persona).catch(error => {
                document.getElementById('persona').textContent = error.message;
                throw error;
              });
            }));
            """;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StringBuilder page = new StringBuilder(4096).append("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>ClaimGuard demo · each persona's view</title>
                <style>
                body { font-family: sans-serif; margin: 2em; }
                button { margin: 0 .5em .5em 0; padding: .4em .8em; }
                button.chosen { font-weight: bold; }
                table { border-collapse: collapse; margin-top: 1em; }
                th, td { border: 1px solid #ccc; padding: .2em .5em; text-align: left; }
                td.masked { background: #fde2c8; }
                </style></head><body>
                <h1>Customers, as each persona sees them</h1>
                <p>Pick a persona. This page asks the demo identity provider for that persona's token and calls
                the JSON API with it, as a single-page application would. Cells marked like
                <span style="background:#fde2c8">this</span> differ from what the compliance officer, who may see
                every column, is shown: ClaimGuard masked them.</p>
                <div>
                """);
        for (Persona persona : Persona.values()) {
            page.append("<button type=\"button\" data-persona=\"").append(persona.id()).append("\" data-title=\"")
                    .append(persona.title()).append("\" title=\"").append(persona.sees()).append("\">")
                    .append(persona.title()).append("</button>\n");
        }
        page.append("</div>\n<h2 id=\"persona\"></h2>\n<table id=\"customers\"><thead></thead><tbody></tbody></table>\n<script>\n")
                .append(SCRIPT).append("</script>\n</body></html>\n");
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(page.toString());
    }
}
