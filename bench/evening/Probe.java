import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the product's CPU time and memory from /proc and PostgreSQL's count of committed transactions
 * through a shell command (psql), so that each phase can report them. With several product nodes the
 * CPU time and memory are their sums.
 */
final class Probe {

    /** Clock ticks per second of utime and stime in /proc/PID/stat; 100 on Linux on x86-64 and ARM. */
    private static final double TICKS_PER_SECOND = 100;

    private final List<Long> pids;
    private final String commitsCommand;

    Probe(long pid, String commitsCommand) {
        this(List.of(pid), commitsCommand);
    }

    Probe(List<Long> pids, String commitsCommand) {
        this.pids = List.copyOf(pids);
        this.commitsCommand = commitsCommand;
    }

    /** A reading at one moment. */
    record Reading(long nanoTime, double cpuSeconds, long residentKb, long commits) {
    }

    Reading read() {
        return new Reading(System.nanoTime(), cpuSeconds(), statusKb("VmRSS"), commits());
    }

    long peakResidentKb() {
        return statusKb("VmHWM");
    }

    private double cpuSeconds() {
        return pids.stream().mapToDouble(Probe::cpuSeconds).sum();
    }

    private long statusKb(String field) {
        return pids.stream().mapToLong(pid -> statusKb(pid, field)).sum();
    }

    private static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // The command name in brackets may contain spaces, so fields are counted after its ")".
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        }
        catch (IOException | RuntimeException unreadable) {
            return Double.NaN;
        }
    }

    private static long statusKb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        }
        catch (IOException | RuntimeException unreadable) {
            // The process has ended; the reading shows -1.
        }
        return -1;
    }

    private long commits() {
        if (commitsCommand.isBlank()) {
            return -1;
        }
        try {
            Process process = new ProcessBuilder("bash", "-c", commitsCommand).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            process.waitFor();
            return Long.parseLong(output);
        }
        catch (IOException | NumberFormatException failed) {
            System.err.println("Reading PostgreSQL's commit count failed: " + failed.getMessage());
            return -1;
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
