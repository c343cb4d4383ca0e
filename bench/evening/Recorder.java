import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Latencies and errors per kind of request, from any number of threads. */
final class Recorder {

    /** The requests of one kind: latencies in nanoseconds, errors by cause. */
    static final class Kind {
        private long[] latencies = new long[1024];
        private int count;
        private final Map<String, Integer> errors = new TreeMap<>();

        synchronized void success(long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }

        synchronized void error(String cause) {
            errors.merge(cause, 1, Integer::sum);
        }

        synchronized int count() {
            return count;
        }

        synchronized int errorCount() {
            return errors.values().stream().mapToInt(Integer::intValue).sum();
        }

        synchronized Map<String, Integer> errors() {
            return Map.copyOf(errors);
        }

        /** Returns the latency at the given percentile in milliseconds, 0 when none succeeded. */
        synchronized double percentileMillis(double percentile) {
            if (count == 0) {
                return 0;
            }
            long[] sorted = Arrays.copyOf(latencies, count);
            Arrays.sort(sorted);
            int index = (int) Math.ceil(percentile / 100.0 * count) - 1;
            return sorted[Math.max(0, Math.min(count - 1, index))] / 1e6;
        }
    }

    private final Map<String, Kind> kinds = new LinkedHashMap<>();

    synchronized Kind kind(String name) {
        return kinds.computeIfAbsent(name, key -> new Kind());
    }

    synchronized Map<String, Kind> kinds() {
        return new LinkedHashMap<>(kinds);
    }
}
