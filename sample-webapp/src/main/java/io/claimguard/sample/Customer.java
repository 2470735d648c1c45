package io.claimguard.sample;

import java.math.BigDecimal;
import java.util.function.Function;

/** One row of {@code customers}, as the database handed it to this request (masks included). */
record Customer(int id, String name, String email, String phone, String ssn, String cardNumber,
                BigDecimal salary, String city, String notes) {

    Object get(Column column) {
        return switch (column) {
            case ID -> id;
            case NAME -> name;
            case EMAIL -> email;
            case PHONE -> phone;
            case SSN -> ssn;
            case CARD_NUMBER -> cardNumber;
            case SALARY -> salary;
            case CITY -> city;
            case NOTES -> notes;
        };
    }

    /**
     * The row a form or a JSON body asks to save: {@code text} gives each column's submitted text,
     * where null or blank means NULL (a field the page showed empty is saved as NULL).
     *
     * @throws InvalidInputException if the name is missing or the salary is not a number
     */
    static Customer fromText(int id, Function<Column, String> text) {
        Function<Column, String> value = column -> {
            String submitted = text.apply(column);
            return submitted == null || submitted.isBlank() ? null : submitted.trim();
        };
        String name = value.apply(Column.NAME);
        if (name == null) {
            throw new InvalidInputException("a name is required");
        }
        String salary = value.apply(Column.SALARY);
        BigDecimal amount;
        try {
            amount = salary == null ? null : new BigDecimal(salary);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("the salary must be a number");
        }
        return new Customer(id, name, value.apply(Column.EMAIL), value.apply(Column.PHONE), value.apply(Column.SSN),
                value.apply(Column.CARD_NUMBER), amount, value.apply(Column.CITY), value.apply(Column.NOTES));
    }
}
