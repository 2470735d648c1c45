package io.claimguard.jdbc;

import io.claimguard.jdbc.analysis.WriteBack;
import java.sql.ParameterMetaData;
import java.sql.SQLException;

/**
 * The driver's parameter metadata as the application's text numbers its parameters, for a
 * statement whose driver text has write-back flags added ({@link WriteBack}).
 */
final class MovedParameterMetaData implements ParameterMetaData {
    private final ParameterMetaData delegate;
    private final WriteBack writeBack;

    MovedParameterMetaData(ParameterMetaData delegate, WriteBack writeBack) {
        this.delegate = delegate;
        this.writeBack = writeBack;
    }

    private int moved(int param) {
        return writeBack.position(param);
    }

    @Override
    public int getParameterCount() {
        return writeBack.parameterCount();
    }

    @Override
    public int isNullable(int param) throws SQLException {
        return delegate.isNullable(moved(param));
    }

    @Override
    public boolean isSigned(int param) throws SQLException {
        return delegate.isSigned(moved(param));
    }

    @Override
    public int getPrecision(int param) throws SQLException {
        return delegate.getPrecision(moved(param));
    }

    @Override
    public int getScale(int param) throws SQLException {
        return delegate.getScale(moved(param));
    }

    @Override
    public int getParameterType(int param) throws SQLException {
        return delegate.getParameterType(moved(param));
    }

    @Override
    public String getParameterTypeName(int param) throws SQLException {
        return delegate.getParameterTypeName(moved(param));
    }

    @Override
    public String getParameterClassName(int param) throws SQLException {
        return delegate.getParameterClassName(moved(param));
    }

    @Override
    public int getParameterMode(int param) throws SQLException {
        return delegate.getParameterMode(moved(param));
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw Denials.raised("ClaimGuard: parameter metadata does not wrap " + iface.getName(), "HY000");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
