package vn.chibo.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.account.AccountId;
import vn.chibo.account.Accounts;
import vn.chibo.account.Actor;
import vn.chibo.account.Grant;
import vn.chibo.account.Role;
import vn.chibo.account.SecondFactors;
import vn.chibo.meeting.MeetingId;
import vn.chibo.member.MemberId;
import vn.chibo.member.Members;
import vn.chibo.member.NewMember;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationKind;
import vn.chibo.organization.Organizations;

/**
 * Loads a fictional commune when the application starts in demo mode ({@code chibo.demo.enabled=true},
 * set by the {@code demo} profile) and the database holds no organization yet: "Đảng bộ xã Minh An"
 * with the village cell "Chi bộ thôn Hòa Bình 3" of 36 members and the small cells "Chi bộ thôn Tân
 * Lập" of 6 and "Chi bộ thôn Phú Xuân" of 9, and two announced meetings of the village cell
 * ({@link DemoMeetings}), the regular one with a few opinions ({@link DemoOpinions}), and the documents
 * of the commune's and the village cell's libraries ({@link DemoDocuments}). All names, numbers and
 * addresses are invented.
 *
 * <p>The demo accounts all have the password {@value #PASSWORD}, with no change required:
 * <ul>
 * <li>0912104729, Nguyễn Văn Thắng: secretary of Hòa Bình 3
 * <li>0912418916, Phạm Thị Ánh: official member of Hòa Bình 3
 * <li>0915665515, Hoàng Văn Ẩn: probationary member of Hòa Bình 3
 * <li>0916201408, Trương Văn Hòa: secretary of Tân Lập
 * <li>0916203317, Đoàn Thị Mến: member of Tân Lập and committee officer of the commune
 * <li>quantri, Lê Thanh Tùng: system administrator, with no member record
 * </ul>
 *
 * <p>The four accounts whose roles require a second factor are enrolled with the fixed TOTP secrets of
 * {@link #TOTP_SECRETS}, which the README prints so that a visitor can add them to an authenticator
 * app; in demo mode the second-factor page also shows their current code.
 */
@Component
@ConditionalOnBooleanProperty("chibo.demo.enabled")
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "chibo-demo";
    static final String COMMUNE = "Đảng bộ xã Minh An";
    static final String LOCALITY = "Minh An";
    static final String VILLAGE_CELL = "Chi bộ thôn Hòa Bình 3";
    static final String SECOND_CELL = "Chi bộ thôn Tân Lập";
    static final String THIRD_CELL = "Chi bộ thôn Phú Xuân";
    static final String ADMIN = "quantri";

    /** The TOTP secrets (Base32) of the demo accounts that need a second factor, by user name. */
    static final Map<String, String> TOTP_SECRETS = Map.of(
            "0912104729", "EJNQV2GLJS6ZRPBMEB2KLJCR5TY4J7XY",
            "0916201408", "AHUMV436E2MPLXWLPVSUFM3QSS23MU4X",
            "0916203317", "U5GLIHOKB2CIY6WTG5KTWOHTXJKABQUD",
            ADMIN, "5I6KUJ7AV4FUU5OG5GVQKJJBF6OTDWCQ");

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Organizations organizations;
    private final Members members;
    private final Accounts accounts;
    private final SecondFactors secondFactors;
    private final TransactionTemplate transactions;
    private final DemoMeetings meetings;
    private final DemoOpinions opinions;
    private final DemoDocuments documents;

    DemoData(Organizations organizations, Members members, Accounts accounts, SecondFactors secondFactors,
            TransactionTemplate transactions, DemoMeetings meetings, DemoOpinions opinions, DemoDocuments documents) {
        this.documents = documents;
        this.secondFactors = secondFactors;
        this.meetings = meetings;
        this.opinions = opinions;
        this.organizations = organizations;
        this.members = members;
        this.accounts = accounts;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        load();
    }

    /**
     * Loads the demo commune in one transaction, unless an organization exists already.
     *
     * @return whether anything was loaded
     */
    boolean load() {
        // NOTE: two nodes starting at once on one empty database could both load; demo mode is meant
        // for a single embedded instance.
        Boolean loaded = transactions.execute(status -> {
            if (!organizations.isEmpty()) {
                log.info("Demo mode: organizations exist already, so no demo data was loaded");
                return false;
            }
            loadCommune();
            return true;
        });
        return Boolean.TRUE.equals(loaded);
    }

    private void loadCommune() {
        Organization commune = organizations.create(null, OrganizationKind.COMMITTEE, COMMUNE, LOCALITY);
        Organization village = organizations.create(commune.id(), OrganizationKind.CELL, VILLAGE_CELL, LOCALITY);
        Organization tanLap = organizations.create(commune.id(), OrganizationKind.CELL, SECOND_CELL, LOCALITY);
        Organization phuXuan = organizations.create(commune.id(), OrganizationKind.CELL, THIRD_CELL, LOCALITY);

        Map<String, MemberId> villageByPhone = addAll(village, DemoRoster.read().members().stream()
                .map(DemoRoster.Entry::toNewMember).toList());
        Map<String, MemberId> tanLapByPhone = addAll(tanLap, DemoSmallCells.tanLap());
        Map<String, MemberId> phuXuanByPhone = addAll(phuXuan, DemoSmallCells.phuXuan());

        Actor villageSecretary = account("0912104729", "Nguyễn Văn Thắng", villageByPhone,
                new Grant(village.id(), Role.MEMBER), new Grant(village.id(), Role.CELL_SECRETARY));
        Actor villageMember = account("0912418916", "Phạm Thị Ánh", villageByPhone,
                new Grant(village.id(), Role.MEMBER));
        Actor villageProbationary = account("0915665515", "Hoàng Văn Ẩn", villageByPhone,
                new Grant(village.id(), Role.MEMBER));
        account("0916201408", "Trương Văn Hòa", tanLapByPhone, new Grant(tanLap.id(), Role.MEMBER),
                new Grant(tanLap.id(), Role.CELL_SECRETARY));
        Actor officer = account("0916203317", "Đoàn Thị Mến", tanLapByPhone, new Grant(tanLap.id(), Role.MEMBER),
                new Grant(commune.id(), Role.COMMITTEE_OFFICER));
        // The administrator is no party member: the account has no member record.
        AccountId admin = accounts.create(ADMIN, PASSWORD, "Lê Thanh Tùng", null, false,
                List.of(new Grant(commune.id(), Role.SYSTEM_ADMIN)));
        secondFactors.enrolKnownSecret(admin, TOTP_SECRETS.get(ADMIN), true);

        MeetingId meeting = meetings.announce(villageSecretary, village.id(), villageByPhone.get("0912104729"),
                villageByPhone.get("0912418916"));
        opinions.post(meeting, villageSecretary, villageMember, villageProbationary);
        documents.load(officer, commune, villageSecretary, village, List.of(villageMember, villageSecretary));

        log.info("Demo data loaded: committee {} with cells {} ({} members), {} ({} members) and {} ({} members), "
                + "6 demo accounts, meeting {}", commune.id(), village.id(), villageByPhone.size(), tanLap.id(),
                tanLapByPhone.size(), phuXuan.id(), phuXuanByPhone.size(), meeting);
    }

    private Map<String, MemberId> addAll(Organization cell, List<NewMember> roster) {
        var byPhone = new HashMap<String, MemberId>();
        for (NewMember member : roster) {
            byPhone.put(member.phone(), members.add(cell.id(), member));
        }
        return byPhone;
    }

    private Actor account(String phone, String displayName, Map<String, MemberId> byPhone, Grant... grants) {
        MemberId member = byPhone.get(phone);
        if (member == null) {
            throw new IllegalStateException("The demo roster has no member with the phone of demo account "
                    + displayName);
        }
        AccountId id = accounts.create(phone, PASSWORD, displayName, member.value(), false, List.of(grants));
        if (TOTP_SECRETS.containsKey(phone)) {
            secondFactors.enrolKnownSecret(id, TOTP_SECRETS.get(phone), true);
        }
        return new Actor(id, phone, displayName, member.value(), Set.of(grants), false);
    }
}
