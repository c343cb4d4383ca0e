package vn.chibo.account;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Computes password hashes on a few platform threads of their own, one per core, while the request's
 * virtual thread waits without holding a carrier.
 *
 * <p>Two reasons. Each Argon2 hash takes 16 MiB of memory and tens of milliseconds of a core. With
 * virtual threads nothing else bounds how many sign-ins run together, so thirty members signing in as
 * a meeting starts would otherwise take about 500 MiB at once. And a virtual thread keeps its carrier
 * until it blocks, so hashes computed on virtual threads took every carrier during a burst of sign-ins.
 * Requests that held a database connection then waited for a carrier, other requests waited more than
 * the pool's 3 s for a connection, and the meeting-evening benchmark got 503 responses. The operating
 * system shares the cores between these threads and the carriers, so other requests go on.
 */
final class BoundedPasswordEncoder implements PasswordEncoder, AutoCloseable {

    private final PasswordEncoder delegate;
    private final ExecutorService hashing;

    BoundedPasswordEncoder(PasswordEncoder delegate, int threads) {
        this.delegate = delegate;
        this.hashing = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("password-hash-", 1)
                .daemon(true).factory());
    }

    @Override
    public @Nullable String encode(@Nullable CharSequence rawPassword) {
        return onHashingThread(() -> delegate.encode(rawPassword));
    }

    @Override
    public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
        Boolean matches = onHashingThread(() -> delegate.matches(rawPassword, encodedPassword));
        return Boolean.TRUE.equals(matches);
    }

    @Override
    public boolean upgradeEncoding(@Nullable String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    /** Stops the hashing threads when the application context closes. */
    @Override
    public void close() {
        hashing.shutdownNow();
    }

    private <T> @Nullable T onHashingThread(Callable<@Nullable T> work) {
        Future<@Nullable T> result = hashing.submit(work);
        try {
            return result.get();
        }
        catch (InterruptedException interrupted) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a password hash", interrupted);
        }
        catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Password hashing failed", failed.getCause());
        }
    }
}
