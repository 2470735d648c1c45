package io.claimguard.sample;

/** What a path below {@code /customers} or {@code /api/customers} asks for. */
record CustomerPath(Kind kind, int id) {
    enum Kind { LIST, SEARCH, ONE, EDIT, UNKNOWN }

    private static final CustomerPath UNKNOWN = new CustomerPath(Kind.UNKNOWN, 0);

    /** @param pathInfo the servlet's path info: null, {@code /search}, {@code /ID} or {@code /ID/edit} */
    static CustomerPath parse(String pathInfo) {
        if (pathInfo == null || pathInfo.equals("/")) {
            return new CustomerPath(Kind.LIST, 0);
        }
        if (pathInfo.equals("/search")) {
            return new CustomerPath(Kind.SEARCH, 0);
        }
        String[] parts = pathInfo.substring(1).split("/", -1);
        if (!parts[0].matches("[0-9]{1,9}")) {
            return UNKNOWN;
        }
        int id = Integer.parseInt(parts[0]);
        if (parts.length == 1) {
            return new CustomerPath(Kind.ONE, id);
        }
        return parts.length == 2 && parts[1].equals("edit") ? new CustomerPath(Kind.EDIT, id) : UNKNOWN;
    }
}
