package io.claimguard.filter.revocation;

import io.claimguard.core.ConfigException;
import io.claimguard.core.ConfigFile;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Revokes tokens from the command line, in the store the application's own configuration names
 * ({@code jwt.revocation}), so that every instance sharing that store refuses them:
 *
 * <pre>
 * revoke --issuer I --jti J [--until EPOCH_SECONDS|2026-12-01T00:00:00Z]   one token (keep until its exp)
 * revoke --issuer I --subject S                                            every token of S issued until now
 * revoke --kid K                                                           every token signed with key K
 * revoke --all                                                             every token issued until now
 * status                                                                   what the store holds
 * </pre>
 * The configuration is found as the filter finds it (system property {@code claimguard.config},
 * environment variable {@code CLAIMGUARD_CONFIG}, {@code claimguard.yaml} on the classpath), or
 * given with {@code --config FILE}. Exit status: 0 done, 1 usage or configuration error, 2 the
 * store is unreachable (nothing was changed). Nothing printed contains a password.
 */
public final class RevocationCommand {
    static final int DONE = 0;
    static final int USAGE = 1;
    static final int UNREACHABLE = 2;
    /** Longer than any token lives: {@code max_lifetime_seconds} is at most 30 days. */
    private static final Duration LONGEST_TOKEN_LIFE = Duration.ofDays(31);
    private static final Set<String> VALUED = Set.of("--config", "--issuer", "--jti", "--subject", "--kid", "--until");
    private static final String USAGE_TEXT = """
            usage: java -jar claimguard-cli.jar [--config FILE] COMMAND
              revoke --issuer I --jti J [--until EPOCH_SECONDS|ISO_INSTANT]   one token; --until its exp (default: 31 days)
              revoke --issuer I --subject S                                   every token of S issued until now
              revoke --kid K                                                  every token signed with key id K
              revoke --all                                                    every token issued until now
              status                                                          what the store holds""";

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    RevocationCommand(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(new RevocationCommand(System.out, System.err, Clock.systemUTC()).run(args));
    }

    /** Runs one command; the arguments are checked in full before the store is opened. */
    int run(String[] args) {
        try {
            Map<String, String> options = new LinkedHashMap<>();
            String command = parse(args, options);
            String configured = options.remove("--config");
            Function<RevocationStore, String> action = command.equals("status") ? status(options) : revoke(options);
            ConfigFile file = configured != null ? ConfigFile.load(configured) : ConfigFile.locate();
            RevocationConfig config = RevocationConfig.read(file.section("jwt").orElseThrow(() -> new ConfigException(
                    "ClaimGuard configuration " + file.location() + " has no 'jwt' section")));
            if (!config.enabled() || config.inThisProcessOnly()) {
                err.println("claimguard revocation: jwt.revocation is " + config.store() + ": " + (config.enabled()
                        ? "revocations live inside each application instance; revoke through the Java API (servlet context "
                        + "attribute " + Revoker.class.getName() + ") or use a redis:// store"
                        : "revocation is off, there is nothing to revoke"));
                return USAGE;
            }
            try (RevocationStore store = config.openForAdministration()) {
                out.print(action.apply(store));
            }
            return DONE;
        } catch (UsageException e) {
            err.println("claimguard revocation: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        } catch (ConfigException | IllegalArgumentException e) {
            err.println("claimguard revocation: " + e.getMessage());
            return USAGE;
        } catch (RevocationUnavailableException e) {
            err.println("claimguard revocation: " + e.getMessage() + "; nothing was changed");
            return UNREACHABLE;
        }
    }

    private static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    private static String parse(String[] args, Map<String, String> options) {
        String command = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (VALUED.contains(arg)) {
                if (i + 1 == args.length || args[i + 1].isEmpty()) {
                    throw new UsageException(arg + " needs a value");
                }
                if (options.put(arg, args[++i]) != null) {
                    throw new UsageException(arg + " is given twice");
                }
            } else if (arg.equals("--all")) {
                options.put(arg, "");
            } else if (command == null && (arg.equals("revoke") || arg.equals("status"))) {
                command = arg;
            } else {
                throw new UsageException("unexpected argument " + (arg.startsWith("-") ? arg : "'" + arg + "'"));
            }
        }
        if (command == null) {
            throw new UsageException("no command given");
        }
        return command;
    }

    private static Function<RevocationStore, String> status(Map<String, String> options) {
        expectOnly(options, Set.of());
        return store -> describe(store.status());
    }

    /** What to revoke, checked now; done when the store is open, returning what to print. */
    private Function<RevocationStore, String> revoke(Map<String, String> options) {
        List<String> what = options.keySet().stream().filter(Set.of("--jti", "--subject", "--kid", "--all")::contains).toList();
        if (what.size() != 1) {
            throw new UsageException("revoke needs exactly one of --jti, --subject, --kid, --all");
        }
        Instant now = clock.instant();
        switch (what.get(0)) {
            case "--jti" -> {
                expectOnly(options, Set.of("--jti", "--issuer", "--until"));
                String issuer = required(options, "--issuer");
                String tokenId = options.get("--jti");
                Instant until = options.containsKey("--until") ? instant(options.get("--until")) : now.plus(LONGEST_TOKEN_LIFE);
                return store -> {
                    store.revokeToken(issuer, tokenId, until);
                    return "revoked token jti=" + tokenId + " of issuer " + issuer + ", kept until " + until + " plus "
                            + Revoker.KEPT_PAST_EXPIRY.toMinutes() + " min\n";
                };
            }
            case "--subject" -> {
                expectOnly(options, Set.of("--subject", "--issuer"));
                String issuer = required(options, "--issuer");
                String subject = options.get("--subject");
                return store -> {
                    store.revokeSubjectBefore(issuer, subject, now);
                    return "revoked every token of subject " + subject + " from issuer " + issuer + " issued before " + now + "\n";
                };
            }
            case "--kid" -> {
                expectOnly(options, Set.of("--kid"));
                String keyId = options.get("--kid");
                return store -> {
                    store.revokeKey(keyId);
                    return "revoked every token signed with key id " + keyId + "\n";
                };
            }
            default -> {
                expectOnly(options, Set.of("--all"));
                return store -> {
                    store.revokeAllBefore(now);
                    return "revoked every token issued before " + now + "\n";
                };
            }
        }
    }

    private static String describe(RevocationStatus status) {
        return "store: " + status.store() + "\n"
                + "kill switch: " + (status.globalCutoff() == null ? "not used"
                        : "every token issued before " + status.globalCutoff() + " is revoked") + "\n"
                + "revoked key ids: " + (status.revokedKeyIds().isEmpty() ? "none" : String.join(", ", status.revokedKeyIds())) + "\n"
                + "subjects with a cutoff: " + status.subjectCutoffs() + "\n"
                + "revoked tokens: " + status.revokedTokens() + "\n";
    }

    private static void expectOnly(Map<String, String> options, Set<String> allowed) {
        for (String option : options.keySet()) {
            if (!allowed.contains(option)) {
                throw new UsageException(option + " does not apply here");
            }
        }
    }

    private static String required(Map<String, String> options, String option) {
        String value = options.get(option);
        if (value == null) {
            throw new UsageException(option + " is required");
        }
        return value;
    }

    private static Instant instant(String text) {
        try {
            return text.matches("[0-9]{1,12}") ? Instant.ofEpochSecond(Long.parseLong(text)) : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException("--until must be epoch seconds or an instant such as 2026-12-01T00:00:00Z");
        }
    }
}
