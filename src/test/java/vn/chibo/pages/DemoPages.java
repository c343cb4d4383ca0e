package vn.chibo.pages;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Supplier;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.stereotype.Component;

import vn.chibo.account.AccountRecord;
import vn.chibo.account.Accounts;
import vn.chibo.account.Actor;
import vn.chibo.account.Grant;
import vn.chibo.account.Role;
import vn.chibo.document.library.LibraryDocuments;
import vn.chibo.meeting.AgendaItem;
import vn.chibo.meeting.MeetingDetails;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.MeetingMode;
import vn.chibo.meeting.Meetings;
import vn.chibo.member.MemberId;
import vn.chibo.minutes.MinutesBook;
import vn.chibo.minutes.Resolutions;
import vn.chibo.organization.OrganizationId;
import vn.chibo.testing.Browser;
import vn.chibo.testing.SecondFactorCodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pages every member uses, on the demo data: sign-in, home, the village cell's overview, roster
 * and meetings, a published meeting and a meeting in progress of that cell, the password and two-step
 * verification pages, seen by the demo secretary and by a demo member.
 */
@Component
class DemoPages {

    static final String SECRETARY = "0912104729";
    static final String MEMBER = "0912418916";
    static final String PASSWORD = "chibo-demo";
    /** A demo document of the commune, issued to the village cell. */
    static final String ISSUED_DOCUMENT = "Tài liệu sinh hoạt chuyên đề quý IV năm 2026";
    /** The demo document of the village cell's own library. */
    static final String CELL_DOCUMENT = "Dự thảo nghị quyết chi bộ tháng 12/2026";

    /** A page by name, and its path. */
    record Page(String name, String path) {
    }

    private final Accounts accounts;
    private final Meetings meetings;
    private final MeetingManagement management;
    private final MinutesBook minutes;
    private final Resolutions resolutions;
    private final LibraryDocuments documents;
    private MeetingId closedMeeting;

    DemoPages(Accounts accounts, Meetings meetings, MeetingManagement management, MinutesBook minutes,
            Resolutions resolutions, LibraryDocuments documents) {
        this.documents = documents;
        this.accounts = accounts;
        this.meetings = meetings;
        this.management = management;
        this.minutes = minutes;
        this.resolutions = resolutions;
    }

    /**
     * Returns the pages to check as the demo secretary: those of every member, the roll call and the
     * check-in screen of a meeting in progress, the form that cancels a meeting, the form of a new
     * meeting, a member's profile and attendance history, and the personal data pages.
     */
    List<Page> secretaryPages() {
        List<Page> pages = new ArrayList<>(signedInPages());
        OrganizationId cell = villageCell();
        MeetingId inProgress = meetingInProgress(cell);
        pages.add(new Page("roll call", "/meetings/" + inProgress.value() + "/attendance"));
        pages.add(new Page("cancel meeting", "/meetings/" + meeting(cell).value() + "/cancel"));
        pages.add(new Page("new meeting", "/cells/" + cell.value() + "/meetings/new"));
        // The secretary's own profile, with every form a secretary sees on a member's page.
        pages.add(new Page("profile", "/cells/" + cell.value() + "/members/" + actor(SECRETARY).memberId()));
        pages.add(new Page("attendance history",
                "/cells/" + cell.value() + "/members/" + actor(SECRETARY).memberId() + "/attendance"));
        pages.add(new Page("check-in screen", "/meetings/" + inProgress.value() + "/check-in/screen"));
        // The secretary's own data pages: the export, who read the profile and the correction request
        // form, and the cell's pending requests.
        pages.add(new Page("my data", "/me/data"));
        pages.add(new Page("profile access", "/members/" + actor(SECRETARY).memberId() + "/access"));
        pages.add(new Page("corrections", "/members/" + actor(SECRETARY).memberId() + "/corrections"));
        pages.add(new Page("pending corrections", "/cells/" + cell.value() + "/corrections"));
        // The draft minutes with their edit forms, and the draft resolution, which only those who run the cell read.
        MeetingId closed = closedMeeting(cell);
        pages.add(new Page("minutes", "/meetings/" + closed.value() + "/minutes"));
        pages.add(new Page("resolution", "/meetings/" + closed.value() + "/resolution"));
        // The cell's own document with its readers report and access log, and the library's forms.
        long draft = documentTitled(CELL_DOCUMENT);
        pages.add(new Page("cell document", "/documents/" + draft));
        pages.add(new Page("new document", "/documents/new"));
        pages.add(new Page("document details", "/documents/" + draft + "/edit"));
        pages.add(new Page("new document version", "/documents/" + draft + "/versions/new"));
        pages.add(new Page("withdrawn documents", "/documents/withdrawn"));
        return pages;
    }

    /**
     * Signs the browser in as the demo account, opens each of its pages and returns what the check
     * finds on them, each finding headed by the page's name. A page that redirects or shows the error
     * page fails at once, so that a check never passes on the wrong page.
     */
    List<String> findOnPages(ChromeDriver browser, String baseUrl, String username, Supplier<List<String>> check) {
        List<Page> pages = username.equals(SECRETARY) ? secretaryPages() : signedInPages();
        signIn(browser, baseUrl, username);

        List<String> findings = new ArrayList<>();
        for (Page page : pages) {
            browser.get(baseUrl + page.path());
            assertThat(browser.getCurrentUrl()).as(page.name()).endsWith(page.path());
            assertThat(browser.findElements(By.cssSelector("main.error-page"))).as(page.name()).isEmpty();
            for (String finding : check.get()) {
                findings.add(page.name() + ": " + finding);
            }
        }
        return findings;
    }

    /** Returns the pages to check as any signed-in demo account, publishing a meeting of the village cell once. */
    List<Page> signedInPages() {
        OrganizationId cell = villageCell();
        MeetingId meeting = meeting(cell);
        return List.of(new Page("home", "/"), new Page("cell", "/cells/" + cell.value()),
                new Page("roster", "/cells/" + cell.value() + "/members"),
                new Page("meetings", "/cells/" + cell.value() + "/meetings"),
                new Page("meeting", "/meetings/" + meeting.value()), new Page("password", "/account/password"),
                new Page("sessions", "/account/sessions"),
                new Page("passkeys", "/account/passkeys"),
                new Page("two-step verification", "/account/two-factor"),
                new Page("meeting in progress", "/meetings/" + meetingInProgress(cell).value()),
                new Page("resolutions", "/cells/" + cell.value() + "/resolutions"),
                new Page("notifications", "/notifications"), new Page("library", "/documents"),
                new Page("issued document", "/documents/" + documentTitled(ISSUED_DOCUMENT)),
                new Page("handbook", "/handbook"), new Page("handbook page", "/handbook/cell-meeting"),
                new Page("handbook bookmarks and notes", "/handbook/mine"));
    }

    /** Returns the id of the demo document with the title, as the demo secretary's library lists it. */
    private long documentTitled(String title) {
        return documents.list(actor(SECRETARY), LibraryDocuments.ListFilter.none(), 1, LibraryDocuments.PAGE_SIZE).entries()
                .stream()
                .filter(entry -> entry.title().equals(title))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The demo data has no document titled " + title))
                .id().value();
    }

    private OrganizationId villageCell() {
        return actor(SECRETARY).organizationsWith(Role.CELL_SECRETARY).iterator().next();
    }

    private synchronized MeetingId meeting(OrganizationId cell) {
        return meetings.ofCell(cell).stream().filter(found -> found.isPublished()).findFirst().map(found -> found.id())
                .orElseGet(() -> publishMeeting(actor(SECRETARY), cell, Instant.now().plus(Duration.ofDays(2))));
    }

    /** Returns a meeting of the village cell that began an hour ago, starting one the first time. */
    private synchronized MeetingId meetingInProgress(OrganizationId cell) {
        return meetings.ofCell(cell).stream().filter(found -> found.isInProgress()).findFirst()
                .map(found -> found.id())
                .orElseGet(() -> {
                    Actor secretary = actor(SECRETARY);
                    MeetingId started = publishMeeting(secretary, cell, Instant.now().minus(Duration.ofHours(1)));
                    management.start(secretary, started);
                    return started;
                });
    }

    /**
     * Returns a meeting of the village cell that took place yesterday and is closed, with its minutes
     * and resolution drafted, closing one once.
     */
    private synchronized MeetingId closedMeeting(OrganizationId cell) {
        if (closedMeeting != null) {
            return closedMeeting;
        }
        Actor secretary = actor(SECRETARY);
        Instant start = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        var details = new MeetingDetails(MeetingKind.REGULAR, MeetingMode.IN_PERSON, "Sinh hoạt chi bộ tháng trước",
                start, start.plus(Duration.ofHours(2)), "Nhà văn hóa thôn Hòa Bình 3", null,
                MemberId.of(secretary.memberId()), MemberId.of(actor(MEMBER).memberId()),
                List.of(new AgendaItem("Khai mạc, điểm danh", null), new AgendaItem("Kiểm điểm nhiệm vụ tháng", null)));
        MeetingId meeting = management.schedule(secretary, cell, details);
        management.publish(secretary, meeting);
        management.start(secretary, meeting);
        management.close(secretary, meeting);
        await().atMost(Duration.ofSeconds(20)).until(() -> minutes.of(meeting).isPresent()
                && resolutions.of(meeting).isPresent());
        closedMeeting = meeting;
        return meeting;
    }

    static void signIn(ChromeDriver browser, String baseUrl, String username) {
        browser.manage().deleteAllCookies();
        browser.get(baseUrl + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        Browser.await(browser)
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        // Fixtures of other test classes issue accounts under the same phone numbers with the fixture
        // secret, so the demo secret is registered again before each sign-in to the demo data.
        String demoSecret = SecondFactorCodes.DEMO_SECRETS.get(username);
        if (demoSecret != null) {
            SecondFactorCodes.register(username, demoSecret, List.of());
        }
        SecondFactorCodes.submitIfAsked(browser, username);
    }

    private MeetingId publishMeeting(Actor secretary, OrganizationId cell, Instant startAround) {
        Actor member = actor(MEMBER);
        Instant start = startAround.truncatedTo(ChronoUnit.MINUTES);
        var details = new MeetingDetails(MeetingKind.REGULAR, MeetingMode.HYBRID, "Sinh hoạt chi bộ định kỳ", start,
                start.plus(Duration.ofHours(2)), "Nhà văn hóa thôn Hòa Bình 3", "https://meet.example.com/hoa-binh-3",
                MemberId.of(secretary.memberId()), MemberId.of(member.memberId()),
                List.of(new AgendaItem("Khai mạc, điểm danh", null),
                        new AgendaItem("Kiểm điểm nhiệm vụ tháng", "Báo cáo của chi ủy"),
                        new AgendaItem("Biểu quyết Nghị quyết tháng", null)));
        MeetingId meeting = management.schedule(secretary, cell, details);
        management.publish(secretary, meeting);
        return meeting;
    }

    private Actor actor(String username) {
        AccountRecord account = accounts.findByUsername(username).orElseThrow(() -> new IllegalStateException(
                "The demo account " + username + " is missing: the test needs chibo.demo.enabled=true"));
        List<Grant> grants = accounts.grantsOf(account.id());
        return new Actor(account.id(), account.username(), account.displayName(), account.memberId(),
                new HashSet<>(grants), account.mustChangePassword());
    }
}
