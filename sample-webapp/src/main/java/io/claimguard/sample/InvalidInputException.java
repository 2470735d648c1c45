package io.claimguard.sample;

/** A submitted form or JSON body that cannot be saved; the message tells the caller why and holds no value. */
final class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidInputException(String message) {
        super(message);
    }
}
