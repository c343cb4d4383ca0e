package vn.chibo.account;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

import vn.chibo.system.RequestMemo;

/**
 * The session store with fewer writes: a request updates the stored time of the session's last
 * request only when that time is older than the touch interval.
 *
 * <p>Spring Session marks a session changed on every request because its last access time moved,
 * and then writes the session's row in its own transaction. On PostgreSQL that is one synchronous
 * commit per request, page or form, even when nothing else changed. With a touch interval of a
 * minute, a member who votes in three quick requests writes the row once. The price is that the idle
 * timeout may end a session up to one interval early. Attributes are written as before, whenever
 * they change.
 */
final class ThrottledSessionStore<S extends Session>
        implements FindByIndexNameSessionRepository<ThrottledSessionStore.ThrottledSession<S>> {

    private final FindByIndexNameSessionRepository<S> store;
    private final Duration touchInterval;

    ThrottledSessionStore(FindByIndexNameSessionRepository<S> store, Duration touchInterval) {
        this.store = store;
        this.touchInterval = touchInterval;
    }

    @Override
    public ThrottledSession<S> createSession() {
        return new ThrottledSession<>(store.createSession(), touchInterval);
    }

    @Override
    public void save(ThrottledSession<S> session) {
        store.save(session.stored);
    }

    /**
     * Finds the session, once per request: Spring Session's filter reads the session again when it
     * saves it after the response was sent, which doubled the session reads of every page.
     */
    @Override
    public @Nullable ThrottledSession<S> findById(String id) {
        ThrottledSession<S> found = RequestMemo.get(memoKey(id), () -> read(id));
        // A session whose id changed during the request is no longer found under the old id.
        return found != null && found.getId().equals(id) ? found : null;
    }

    private @Nullable ThrottledSession<S> read(String id) {
        S found = store.findById(id);
        return found == null ? null : new ThrottledSession<>(found, touchInterval);
    }

    @Override
    public void deleteById(String id) {
        RequestMemo.forget(memoKey(id));
        store.deleteById(id);
    }

    private static String memoKey(String sessionId) {
        return "session." + sessionId;
    }

    @Override
    public Map<String, ThrottledSession<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, ThrottledSession<S>> sessions = new LinkedHashMap<>();
        store.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, session) -> sessions.put(id, new ThrottledSession<>(session, touchInterval)));
        return sessions;
    }

    /** A stored session whose last access time moves only once it is a touch interval old. */
    static final class ThrottledSession<S extends Session> implements Session {

        private final S stored;
        private final Duration touchInterval;

        ThrottledSession(S stored, Duration touchInterval) {
            this.stored = stored;
            this.touchInterval = touchInterval;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            // Leaving the time alone keeps the store from seeing a change, so it writes nothing.
            if (!lastAccessedTime.isBefore(stored.getLastAccessedTime().plus(touchInterval))) {
                stored.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> @Nullable T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
