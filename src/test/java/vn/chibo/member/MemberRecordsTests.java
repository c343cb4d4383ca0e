package vn.chibo.member;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.chibo.account.Accounts;
import vn.chibo.account.Actor;
import vn.chibo.account.Grant;
import vn.chibo.account.Role;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationArchived;
import vn.chibo.organization.OrganizationChanges;
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.RequestMemos;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Member records in the database: encryption at rest, the status history and transfers. */
@SqlTest
class MemberRecordsTests {

    @Autowired
    Members members;

    @Autowired
    MemberStatus status;

    @Autowired
    MemberTransfers transfers;

    @Autowired
    MemberDataEncryption encryption;

    @Autowired
    Accounts accounts;

    @Autowired
    AuditLog audit;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrganizationChanges organizationChanges;

    @Test
    void cardAndPhoneEncryptedAtRest() {
        Fixtures.Commune commune = fixtures.commune();
        MemberId id = fixtures.member(commune.cell(), "Đặng Văn Ơn", MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE);
        Member member = members.get(id);

        Map<String, Object> raw = rawRow(id);

        assertThat(member.phone()).startsWith("0970");
        assertThat(member.partyCardNumber()).startsWith("90");
        assertThat((String) raw.get("phone")).startsWith("v1:").doesNotContain(member.phone());
        assertThat((String) raw.get("party_card_number")).startsWith("v1:").doesNotContain(member.partyCardNumber());
        assertThat((String) raw.get("phone_lookup")).hasSize(64).doesNotContain(member.phone());
        assertThat((String) raw.get("party_card_lookup")).hasSize(64);
        assertThat(raw.get("birth_date")).isNull();
        assertThat((String) raw.get("birth_date_sealed")).startsWith("v1:").doesNotContain("1980");
        assertThat(member.birthDate()).isEqualTo(LocalDate.of(1980, 1, 1));
        assertThat(members.cardTaken(commune.cell().id(), member.partyCardNumber(), null)).isTrue();
        assertThat(members.cardTaken(commune.cell().id(), member.partyCardNumber(), id)).isFalse();
    }

    @Test
    void emailEncryptedAtRest() {
        Fixtures.Commune commune = fixtures.commune();
        MemberId id = fixtures.member(commune.cell(), "Võ Thị Thư", MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE);
        members.update(id, withEmail(members.get(id).values(), "vo.thi.thu@example.com"));

        String stored = jdbc.sql("select email from member where id = :id").param("id", id.value())
                .query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain("vo.thi.thu");
        assertThat(members.get(id).email()).isEqualTo("vo.thi.thu@example.com");

        // A row as written before e-mail addresses were encrypted.
        jdbc.sql("update member set email = 'cu@example.com' where id = :id").param("id", id.value()).update();
        assertThat(members.get(id).email()).isEqualTo("cu@example.com");
        assertThat(encryption.encryptAll()).isGreaterThanOrEqualTo(1);
        String rewritten = jdbc.sql("select email from member where id = :id").param("id", id.value())
                .query(String.class).single();
        assertThat(rewritten).startsWith("v1:").doesNotContain("cu@example.com");
        assertThat(members.get(id).email()).isEqualTo("cu@example.com");
    }

    @Test
    void requestSeesItsOwnUpdate() {
        Fixtures.Commune commune = fixtures.commune();
        MemberId id = fixtures.member(commune.cell(), "Võ Thị Hằng", MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE);
        RequestMemos.open();
        try {
            Member before = members.get(id);
            assertThat(members.get(id)).isSameAs(before);

            members.update(id, withEmail(before.values(), "vo.thi.hang@example.com"));

            assertThat(members.get(id).email()).isEqualTo("vo.thi.hang@example.com");
        }
        finally {
            RequestMemos.close();
        }
    }

    private static NewMember withEmail(NewMember member, String email) {
        return new NewMember(member.fullName(), member.sex(), member.birthDate(), member.admissionDate(),
                member.officialDate(), member.partyCardNumber(), member.cellRole(), member.membershipStatus(),
                member.activityStatus(), member.phone(), email, member.occupation(), member.address(), member.note(),
                member.hometown());
    }

    @Test
    void plainRowsEncryptedAtStartUp() {
        Fixtures.Commune commune = fixtures.commune();
        MemberId id = fixtures.member(commune.cell(), "Lê Văn Cũ", MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE);
        // A row as written before encryption existed.
        jdbc.sql("update member set phone = '0912000111', party_card_number = '77000111', phone_lookup = null, "
                + "party_card_lookup = null, birth_date = date '1975-06-30', birth_date_sealed = null where id = :id")
                .param("id", id.value()).update();

        assertThat(members.get(id).phone()).isEqualTo("0912000111");
        assertThat(members.get(id).birthDate()).isEqualTo(LocalDate.of(1975, 6, 30));
        assertThat(encryption.encryptAll()).isGreaterThanOrEqualTo(1);

        Map<String, Object> raw = rawRow(id);
        assertThat((String) raw.get("phone")).startsWith("v1:").doesNotContain("0912000111");
        assertThat((String) raw.get("party_card_number")).startsWith("v1:").doesNotContain("77000111");
        assertThat(raw.get("phone_lookup")).isNotNull();
        assertThat(members.get(id).phone()).isEqualTo("0912000111");
        assertThat(members.get(id).partyCardNumber()).isEqualTo("77000111");
        assertThat(raw.get("birth_date")).isNull();
        assertThat((String) raw.get("birth_date_sealed")).startsWith("v1:").doesNotContain("1975");
        assertThat(members.get(id).birthDate()).isEqualTo(LocalDate.of(1975, 6, 30));
        assertThat(encryption.encryptAll()).isZero();
    }

    @Test
    void recognitionWrittenToHistory() {
        Fixtures.Commune commune = fixtures.commune();
        Actor secretary = secretaryOf(commune.cell());
        MemberId id = members.add(commune.cell().id(), new NewMember("Hoàng Văn Ẩn", Sex.MALE, LocalDate.of(1995, 1, 1),
                LocalDate.of(2024, 3, 1), null, null, null, MembershipStatus.PROBATIONARY, ActivityStatus.ACTIVE, null,
                null, null, null, null, "Xã Minh An"));

        status.decide(secretary, commune.cell().id(), id, MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE,
                new StatusDecision(LocalDate.of(2025, 3, 10), "Chi bộ thôn", "12-NQ/CB ngày 10/03/2025"));

        List<StatusChange> history = status.history(secretary, commune.cell().id(), id);
        assertThat(history).extracting(StatusChange::kind)
                .containsExactly(StatusChangeKind.RECORDED, StatusChangeKind.STATUS);
        assertThat(history.get(1).resolution()).isEqualTo("12-NQ/CB ngày 10/03/2025");
        assertThat(history.get(1).decidedBy()).isEqualTo("Chi bộ thôn");
        assertThat(history.get(1).recordedBy()).isEqualTo(secretary.accountId().value());
        Member member = members.get(id);
        assertThat(member.membershipStatus()).isEqualTo(MembershipStatus.OFFICIAL);
        assertThat(member.officialDate()).isEqualTo(LocalDate.of(2025, 3, 10));
        assertThat(member.hometown()).isEqualTo("Xã Minh An");
        assertThat(audit.entriesFor("member", id.value())).extracting(AuditEntry::action, AuditEntry::detail)
                .contains(org.assertj.core.groups.Tuple.tuple("member.statusChanged",
                        "membership=OFFICIAL activity=ACTIVE"));
    }

    @Test
    void sentOutMemberAttachedToHostRoster() {
        Fixtures.Commune commune = fixtures.commune();
        Organization host = fixtures.cellUnder(commune.committee());
        Actor secretary = secretaryOf(commune.cell());
        MemberId id = fixtures.member(commune.cell(), "Trần Văn Xa", MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE);
        Actor traveller = fixtures.account(commune.cell(), id, Role.MEMBER);

        transfers.sendOut(secretary, commune.cell().id(), id, host.id(), null, decision("2026-01-05"));

        assertThat(members.get(id).activityStatus()).isEqualTo(ActivityStatus.SENT_OUT);
        assertThat(members.ofCell(host.id())).singleElement().satisfies(attached -> {
            assertThat(attached.id()).isEqualTo(id);
            assertThat(attached.activityStatus()).isEqualTo(ActivityStatus.ATTACHED_IN);
            assertThat(attached.cellId()).isEqualTo(commune.cell().id());
        });
        assertThat(members.findOnRoster(host.id(), id)).isPresent();
        assertThat(accounts.grantsOf(traveller.accountId())).contains(new Grant(host.id(), Role.MEMBER));

        transfers.returnHome(secretary, commune.cell().id(), id, decision("2026-02-01"));

        assertThat(members.get(id).activityStatus()).isEqualTo(ActivityStatus.ACTIVE);
        assertThat(members.ofCell(host.id())).isEmpty();
        assertThat(accounts.grantsOf(traveller.accountId())).doesNotContain(new Grant(host.id(), Role.MEMBER));
        assertThat(status.history(secretary, commune.cell().id(), id)).extracting(StatusChange::kind)
                .containsExactly(StatusChangeKind.RECORDED, StatusChangeKind.SENT_OUT, StatusChangeKind.RETURNED);
    }

    @Test
    void transferMovesRecordWithHistory() {
        Fixtures.Commune commune = fixtures.commune();
        Organization target = fixtures.cellUnder(commune.committee());
        Actor secretary = secretaryOf(commune.cell());
        Actor targetSecretary = secretaryOf(target);
        MemberId id = fixtures.member(commune.cell(), "Phạm Văn Chuyển", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE);
        Actor moving = fixtures.account(commune.cell(), id, Role.MEMBER, Role.CELL_COMMITTEE_MEMBER);
        status.decide(secretary, commune.cell().id(), id, MembershipStatus.OFFICIAL, ActivityStatus.EXEMPT,
                decision("2025-12-01"));

        transfers.transfer(secretary, commune.cell().id(), id, target.id(), decision("2026-01-15"));

        Member moved = members.get(id);
        assertThat(moved.cellId()).isEqualTo(target.id());
        assertThat(moved.activityStatus()).isEqualTo(ActivityStatus.EXEMPT);
        assertThat(members.ofCell(commune.cell().id())).extracting(Member::id).doesNotContain(id);
        List<StatusChange> history = status.history(targetSecretary, target.id(), id);
        assertThat(history).extracting(StatusChange::kind).containsExactly(StatusChangeKind.RECORDED,
                StatusChangeKind.STATUS, StatusChangeKind.TRANSFERRED);
        assertThat(history.get(2).toCellId()).isEqualTo(target.id());
        assertThat(accounts.grantsOf(moving.accountId())).containsExactly(new Grant(target.id(), Role.MEMBER));
        assertThat(audit.entriesOf(target.id().value(), "member.transferredIn")).hasSize(1);
    }

    @Test
    void archivedCellTakesNoMemberFromElsewhere() {
        Fixtures.Commune commune = fixtures.commune();
        Organization archived = fixtures.cellUnder(commune.committee());
        Actor officer = fixtures.accountWithoutMember(commune.committee(), Role.COMMITTEE_OFFICER);
        Actor secretary = secretaryOf(commune.cell());
        MemberId id = fixtures.member(commune.cell(), "Đỗ Văn Ở", MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE);
        organizationChanges.archive(officer.accountId().value(), archived.id());

        assertThatThrownBy(() -> transfers.transfer(secretary, commune.cell().id(), id, archived.id(),
                decision("2026-01-15"))).isInstanceOf(OrganizationArchived.class);
        assertThatThrownBy(() -> transfers.sendOut(secretary, commune.cell().id(), id, archived.id(), null,
                decision("2026-01-15"))).isInstanceOf(OrganizationArchived.class);

        Member unchanged = members.get(id);
        assertThat(unchanged.cellId()).isEqualTo(commune.cell().id());
        assertThat(unchanged.activityStatus()).isEqualTo(ActivityStatus.ACTIVE);
    }

    @Test
    void otherCommitteeNeedsOfficer() {
        Fixtures.Commune commune = fixtures.commune();
        Fixtures.Commune elsewhere = fixtures.commune();
        Actor secretary = secretaryOf(commune.cell());
        Actor officer = fixtures.accountWithoutMember(commune.committee(), Role.COMMITTEE_OFFICER);
        MemberId id = fixtures.member(commune.cell(), "Vũ Văn Đi", MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE);

        assertThatThrownBy(() -> transfers.transfer(secretary, commune.cell().id(), id, elsewhere.cell().id(),
                decision("2026-01-15"))).isInstanceOf(ForbiddenException.class);
        assertThat(members.get(id).cellId()).isEqualTo(commune.cell().id());

        transfers.transfer(officer, commune.cell().id(), id, elsewhere.cell().id(), decision("2026-01-15"));

        assertThat(members.get(id).cellId()).isEqualTo(elsewhere.cell().id());
    }

    private Actor secretaryOf(Organization cell) {
        MemberId secretary = fixtures.member(cell, "Bí Thư " + cell.id(), MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE);
        return fixtures.account(cell, secretary, Role.MEMBER, Role.CELL_SECRETARY);
    }

    private static StatusDecision decision(String date) {
        return new StatusDecision(LocalDate.parse(date), "Chi bộ", "01-NQ/CB");
    }

    private Map<String, Object> rawRow(MemberId id) {
        return jdbc.sql("""
                select phone, party_card_number, phone_lookup, party_card_lookup, birth_date, birth_date_sealed
                from member where id = :id
                """)
                .param("id", id.value()).query().singleRow();
    }
}
