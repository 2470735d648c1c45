package io.claimguard.core;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Which web applications have ClaimGuard's JWT filter in front of them, by the application's class
 * loader: the filter's initializer records its registration, the filter its start. The driver asks,
 * so that a configuration that expects the filter never runs silently without it (wrong servlet
 * namespace, initializers skipped, filter not declared): every request would then have no subject.
 * In core, so that a driver in the container's lib folder sees what each application's filter
 * says. Weak keys: an undeployed application's class loader is not kept.
 */
public final class FilterPresence {
    private static final Map<ClassLoader, Boolean> STARTED = Collections.synchronizedMap(new WeakHashMap<>());

    private FilterPresence() {
    }

    /** Records that the filter is registered or started in the application {@code application} loads. */
    public static void started(ClassLoader application) {
        if (application != null) {
            STARTED.put(application, Boolean.TRUE);
        }
    }

    /** Whether the filter is registered or started in {@code application}, or in an application it delegates to. */
    public static boolean hasStarted(ClassLoader application) {
        for (ClassLoader loader = application; loader != null; loader = loader.getParent()) {
            if (STARTED.containsKey(loader)) {
                return true;
            }
        }
        return false;
    }
}
