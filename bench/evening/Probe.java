import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the product's CPU time and memory from /proc and PostgreSQL's count of committed transactions
 * through a shell command (psql), so that each phase can report them. With several product nodes the
 * CPU time and memory are their sums. It also reads the CPU time of the whole machine, of this load
 * generator and of PostgreSQL (the postmaster and its children). The three share the cores, and a
 * phase is only as fast as what the product gets of them.
 */
final class Probe {

    /** Clock ticks per second of utime and stime in /proc/PID/stat; 100 on Linux on x86-64 and ARM. */
    private static final double TICKS_PER_SECOND = 100;

    private final List<Long> pids;
    private final String commitsCommand;
    private final long postmasterPid;

    Probe(long pid, String commitsCommand) {
        this(List.of(pid), commitsCommand, -1);
    }

    Probe(List<Long> pids, String commitsCommand, long postmasterPid) {
        this.pids = List.copyOf(pids);
        this.commitsCommand = commitsCommand;
        this.postmasterPid = postmasterPid;
    }

    /**
     * A reading at one moment. CPU times are in seconds since each process started. The machine's is
     * the busy time of all its cores since boot.
     */
    record Reading(long nanoTime, double cpuSeconds, long residentKb, long commits, double machineBusySeconds,
            double loadGeneratorSeconds, double postgresSeconds) {
    }

    Reading read() {
        return new Reading(System.nanoTime(), cpuSeconds(), statusKb("VmRSS"), commits(), machineBusySeconds(),
                cpuSeconds(ProcessHandle.current().pid()), postgresSeconds());
    }

    /** Returns the busy time of all cores from the first line of /proc/stat: everything but idle and I/O wait. */
    private static double machineBusySeconds() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            // cpu user nice system idle iowait irq softirq steal
            for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(fields[field]);
            }
            return busy / TICKS_PER_SECOND;
        }
        catch (IOException | RuntimeException unreadable) {
            return Double.NaN;
        }
    }

    /**
     * Returns the CPU time of the postmaster and of its children alive now. A backend that ended took its time
     * with it, but the product's pool keeps its connections for the whole evening.
     */
    private double postgresSeconds() {
        if (postmasterPid < 0) {
            return Double.NaN;
        }
        try (var processes = Files.list(Path.of("/proc"))) {
            return cpuSeconds(postmasterPid) + processes
                    .filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(path -> Long.parseLong(path.getFileName().toString()))
                    .filter(pid -> parentOf(pid) == postmasterPid)
                    .mapToDouble(Probe::cpuSeconds)
                    .filter(seconds -> !Double.isNaN(seconds))
                    .sum();
        }
        catch (IOException | RuntimeException unreadable) {
            return Double.NaN;
        }
    }

    private static long parentOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        }
        catch (IOException | RuntimeException gone) {
            return -1;
        }
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
