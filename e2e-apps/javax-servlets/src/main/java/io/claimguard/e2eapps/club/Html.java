package io.claimguard.e2eapps.club;

/** Escaping for text and attribute values, and the page frame. */
final class Html {

    private Html() {
    }

    static String escape(Object value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (char c : value.toString().toCharArray()) {
            switch (c) {
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '&': out.append("&amp;"); break;
                case '"': out.append("&quot;"); break;
                case '\'': out.append("&#39;"); break;
                default: out.append(c);
            }
        }
        return out.toString();
    }

    static String page(String title, String user, String body) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title></head><body>\n"
                + "<p>Signed in as <span id=\"whoami\">" + escape(user) + "</span></p>\n"
                + "<h1>" + escape(title) + "</h1>\n" + body + "</body></html>\n";
    }
}
