package vn.chibo.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.account.Actor;
import vn.chibo.bench.CommuneCells.CommuneCell;
import vn.chibo.bench.CommunePlan.CellType;
import vn.chibo.bench.CommunePlan.PlannedCell;
import vn.chibo.meeting.MeetingKind;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationKind;
import vn.chibo.organization.Organizations;
import vn.chibo.system.Formats;

/**
 * Generates a commune of the size the embedded mode must carry, with the {@code commune} profile on a
 * database without organizations: a commune committee with {@code chibo.commune.cells} cells and
 * {@code chibo.commune.members} members ({@link CommuneCells}), and for each cell a year of meetings
 * ({@code chibo.commune.months} months): one regular meeting a month and one thematic meeting a
 * quarter, each announced, answered, held with its roll, opinions and vote, closed, with its minutes
 * approved and its resolution issued ({@link CommuneMeetings}, {@link CommuneApprovals}). Each cell
 * also has its next regular meeting announced for later this month.
 *
 * <p>Everything goes through the modules' services, as on the pages, except that every account
 * gets the same password hash (one Argon2 hash costs tens of milliseconds). The steps of all
 * meetings run in the order of their times, with {@link CommuneClock} set to each step's time, so
 * that the year's timestamps are those a real year would leave. It writes the manifest that the
 * benchmark's tour reads and logs "Commune generated", which {@code bench/embedded.sh} waits for.
 * The profile must never be active in a deployment: every account shares one known password.
 */
@Component
@Profile("commune")
class CommuneData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CommuneData.class);

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

    /** The cell whose secretary the tour signs in as: the first village, after the agencies. */
    private static final int TOURED_CELL = 10;

    /** A step of a meeting's life at its time. */
    private record Step(Instant at, int order, CommuneMeeting meeting, Consumer<CommuneMeeting> action) {
    }

    private final Organizations organizations;
    private final CommuneCells cells;
    private final CommuneMeetings meetings;
    private final CommuneApprovals approvals;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate transactions;
    private final CommuneProperties properties;
    private final CommuneClock clock;
    private final Formats formats;

    CommuneData(Organizations organizations, CommuneCells cells, CommuneMeetings meetings, CommuneApprovals approvals,
            PasswordEncoder passwordEncoder, TransactionTemplate transactions, CommuneProperties properties,
            CommuneClock clock, Formats formats) {
        this.organizations = organizations;
        this.cells = cells;
        this.meetings = meetings;
        this.approvals = approvals;
        this.passwordEncoder = passwordEncoder;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.formats = formats;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (!organizations.isEmpty()) {
            log.info("Commune profile: organizations exist already, so no commune was generated");
            return;
        }
        long started = System.nanoTime();
        Instant now = Instant.now();
        YearMonth current = YearMonth.from(formats.local(now));
        YearMonth first = current.minusMonths(properties.months());
        Random random = new Random(properties.seed());

        // The roster is recorded a month before the first meeting.
        clock.set(at(first.atDay(1).minusMonths(1), LocalTime.of(9, 0)));
        String passwordHash = passwordEncoder.encode(properties.password());
        Organization commune = transactions.execute(status -> organizations.create(null, OrganizationKind.COMMITTEE,
                "Đảng bộ xã Yên Hòa", "Yên Hòa"));
        List<PlannedCell> plan = CommunePlan.cells(properties.cells(), properties.members());
        var generated = new ArrayList<CommuneCell>();
        long phone = 868_000_000L;
        LocalDate today = formats.local(now).toLocalDate();
        for (PlannedCell planned : plan) {
            long firstPhone = phone;
            generated.add(transactions.execute(status -> cells.add(commune, planned, firstPhone, passwordHash,
                    today, random)));
            phone += planned.size();
        }
        Actor officer = transactions.execute(status -> cells.makeCommitteeOfficer(commune, generated.getFirst(), 2));
        long rosterDone = System.nanoTime();

        List<CommuneMeeting> year = plan(generated, first, current);
        List<Step> steps = steps(year, now);
        for (Step step : steps) {
            clock.set(step.at());
            step.action().accept(step.meeting());
        }
        clock.release();
        List<CommuneMeeting> upcoming = announceNext(generated, today);
        clock.release();

        CommuneCell toured = generated.get(Math.min(TOURED_CELL, generated.size() - 1));
        CommuneMeeting touredMeeting = year.stream()
                .filter(meeting -> meeting.cell() == toured && meeting.kind() == MeetingKind.REGULAR)
                .reduce((earlier, later) -> later)
                .orElseThrow();
        writeManifest(commune, toured, touredMeeting, officer);
        log.info("Commune generated: committee {} with {} cells and {} members in {} ms (roster {} ms), {} meetings "
                + "held and closed with minutes approved and resolutions issued, {} announced; manifest {}",
                commune.id(), generated.size(), properties.members(),
                Duration.ofNanos(System.nanoTime() - started).toMillis(),
                Duration.ofNanos(rosterDone - started).toMillis(), year.size(), upcoming.size(),
                properties.manifest().toAbsolutePath());
    }

    /**
     * Plans the meetings of each full month from {@code first} up to the current month: the regular
     * meeting on a day of the month that differs by cell (villages at 19:30, agencies at 14:00), and
     * in the middle month of each quarter a thematic meeting a week later at 8:00.
     */
    private List<CommuneMeeting> plan(List<CommuneCell> generated, YearMonth first, YearMonth current) {
        var year = new ArrayList<CommuneMeeting>();
        for (YearMonth month = first; month.isBefore(current); month = month.plusMonths(1)) {
            for (int index = 0; index < generated.size(); index++) {
                CommuneCell cell = generated.get(index);
                int day = 3 + index % 18;
                LocalTime time = cell.plan().type() == CellType.VILLAGE ? LocalTime.of(19, 30) : LocalTime.of(14, 0);
                year.add(meeting(cell, MeetingKind.REGULAR, at(month.atDay(day), time), year.size()));
                if (month.getMonthValue() % 3 == 2) {
                    year.add(meeting(cell, MeetingKind.THEMATIC, at(month.atDay(day + 7), LocalTime.of(8, 0)),
                            year.size()));
                }
            }
        }
        return year;
    }

    private CommuneMeeting meeting(CommuneCell cell, MeetingKind kind, Instant startsAt, int index) {
        String month = formats.local(startsAt).format(MONTH);
        return new CommuneMeeting(cell, kind, startsAt, month, properties.seed() * 31 + index);
    }

    /**
     * Returns the three steps of every meeting (announced a week ahead, held, approved two days later)
     * in the order of their times, none later than now.
     */
    private List<Step> steps(List<CommuneMeeting> year, Instant now) {
        var steps = new ArrayList<Step>();
        for (CommuneMeeting meeting : year) {
            steps.add(new Step(meeting.startsAt().minus(CommuneMeetings.ANNOUNCED_AHEAD), 0, meeting,
                    meetings::announce));
            steps.add(new Step(meeting.startsAt(), 1, meeting, meetings::hold));
            Instant approval = meeting.startsAt().plus(Duration.ofDays(2));
            steps.add(new Step(approval.isAfter(now) ? now : approval, 2, meeting, approvals::approve));
        }
        steps.sort(Comparator.comparing(Step::at).thenComparing(Step::order));
        return steps;
    }

    /** Announces each cell's regular meeting of the coming days, now, for the members' home pages. */
    private List<CommuneMeeting> announceNext(List<CommuneCell> generated, LocalDate today) {
        var upcoming = new ArrayList<CommuneMeeting>();
        for (int index = 0; index < generated.size(); index++) {
            CommuneCell cell = generated.get(index);
            Instant startsAt = at(today.plusDays(3 + index % 10), LocalTime.of(19, 30));
            CommuneMeeting next = meeting(cell, MeetingKind.REGULAR, startsAt, 100_000 + index);
            meetings.announce(next);
            upcoming.add(next);
        }
        return upcoming;
    }

    private void writeManifest(Organization commune, CommuneCell toured, CommuneMeeting meeting, Actor officer) {
        List<String> lines = List.of(
                "committee=" + commune.id().value(),
                "officer=" + officer.username(),
                "cell=" + toured.id().value(),
                "secretary=" + toured.secretary().username(),
                "member=" + toured.members().get(3).id().value(),
                "meeting=" + meeting.id().value(),
                "password=" + properties.password(),
                "totp-secret=" + properties.totpSecret());
        BenchData.write(properties.manifest(), lines);
    }

    private Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(formats.zone()).toInstant();
    }
}
