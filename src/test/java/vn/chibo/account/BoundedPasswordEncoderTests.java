package vn.chibo.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hashes run on the encoder's platform threads, at most as many at once as it has, and return the right results. */
class BoundedPasswordEncoderTests {

    /** Records on which threads and how many at once it ran; each call takes 20 ms. */
    static final class RecordingEncoder implements PasswordEncoder {

        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger maxConcurrent = new AtomicInteger();
        final Set<Boolean> virtual = ConcurrentHashMap.newKeySet();

        @Override
        public String encode(@Nullable CharSequence raw) {
            record();
            if ("fail".contentEquals(raw)) {
                throw new IllegalArgumentException("refused");
            }
            return "hash:" + raw;
        }

        @Override
        public boolean matches(@Nullable CharSequence raw, @Nullable String encoded) {
            record();
            return ("hash:" + raw).equals(encoded);
        }

        private void record() {
            maxConcurrent.accumulateAndGet(running.incrementAndGet(), Math::max);
            threads.add(Thread.currentThread().getName());
            virtual.add(Thread.currentThread().isVirtual());
            try {
                Thread.sleep(20);
            }
            catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
        }
    }

    @Test
    void hashesOnPlatformThreads() throws Exception {
        var recording = new RecordingEncoder();
        try (var encoder = new BoundedPasswordEncoder(recording, 2);
                var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            var done = new CountDownLatch(12);
            List<Boolean> answers = new ArrayList<>();
            for (int call = 0; call < 12; call++) {
                String password = "mật khẩu " + call;
                callers.submit(() -> {
                    boolean right = encoder.matches(password, encoder.encode(password));
                    boolean wrong = encoder.matches(password, "hash:other");
                    synchronized (answers) {
                        answers.add(right && !wrong);
                    }
                    done.countDown();
                });
            }

            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(answers).hasSize(12).containsOnly(true);
            assertThat(recording.maxConcurrent.get()).isEqualTo(2);
            assertThat(recording.virtual).containsExactly(false);
            assertThat(recording.threads).containsExactlyInAnyOrder("password-hash-1", "password-hash-2");
        }
    }

    @Test
    void failurePassesToCaller() {
        try (var encoder = new BoundedPasswordEncoder(new RecordingEncoder(), 1)) {
            assertThatThrownBy(() -> encoder.encode("fail")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("refused");
        }
    }
}
