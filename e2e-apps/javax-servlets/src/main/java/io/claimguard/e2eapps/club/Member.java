package io.claimguard.e2eapps.club;

/** One row of {@code members}, every column as the form shows it. */
final class Member {

    /** The columns in the order the pages show them, the id first. */
    static final String[] COLUMNS = {"id", "name", "email", "phone", "city", "iban", "notes"};

    int id;
    String name;
    String email;
    String phone;
    String city;
    String iban;
    String notes;

    String get(String column) {
        switch (column) {
            case "id": return Integer.toString(id);
            case "name": return name;
            case "email": return email;
            case "phone": return phone;
            case "city": return city;
            case "iban": return iban;
            case "notes": return notes;
            default: throw new IllegalArgumentException(column);
        }
    }
}
