package io.claimguard.jdbc.mask;

/** What every mask shares: the spec it was written as, which is also how it prints. */
abstract class SpecifiedMask implements ColumnMask {
    private final String spec;

    SpecifiedMask(String spec) {
        this.spec = spec;
    }

    @Override
    public final String spec() {
        return spec;
    }

    @Override
    public final String toString() {
        return spec;
    }
}
