package vn.chibo.member;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.member.MemberDataCipher.Purpose;
import vn.chibo.organization.OrganizationId;
import vn.chibo.system.ChiboProperties;
import vn.chibo.system.JdbcTime;
import vn.chibo.system.NotFoundException;
import vn.chibo.system.RequestMemo;
import vn.chibo.system.VietnameseText;

/**
 * Reads, adds and updates member records. Lists come in Vietnamese name order. Party card and phone
 * numbers are encrypted on the way in and decrypted on the way out, so callers see plain values.
 *
 * <p>A cell's roster contains its own members and the members of other cells who are sent out to it
 * for a while; those show as {@link ActivityStatus#ATTACHED_IN}.
 */
@Component
public class Members {

    private static final Logger log = LoggerFactory.getLogger(Members.class);

    private static final String SELECT = """
            select id, cell_id, full_name, sex, birth_date, birth_date_sealed, admission_date, official_date,
                   party_card_number,
                   cell_role, membership_status, activity_status, phone, email, occupation, address, note, hometown,
                   host_cell_id, host_unit
            from member
            """;

    /** The members of a cell and those attached to it from other cells. */
    private static final String ON_ROSTER = """
             where (cell_id = :cell or host_cell_id = :cell and activity_status = 'SENT_OUT')
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final MemberDataCipher cipher;
    private final StatusChanges history;

    Members(JdbcClient jdbc, Clock clock, ChiboProperties properties, MemberDataCipher cipher, StatusChanges history) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = properties.zone();
        this.cipher = cipher;
        this.history = history;
    }

    /**
     * Returns the member record as its own cell keeps it, read once per request ({@link RequestMemo}):
     * a meeting page checks the reader's membership, the voter and the roll against it. Changing the
     * record drops it from the memo.
     */
    public Optional<Member> find(MemberId id) {
        return RequestMemo.get(memoKey(id),
                () -> jdbc.sql(SELECT + " where id = :id").param("id", id.value()).query(this::map).optional());
    }

    private static String memoKey(MemberId id) {
        return "member." + id.value();
    }

    /** Returns the member, or fails with not-found. */
    public Member get(MemberId id) {
        return find(id).orElseThrow(NotFoundException::hidden);
    }

    /**
     * Returns the member as the roster of a cell shows it: the record of one of its members, or of a
     * member attached to it from another cell; empty for anybody else.
     */
    public Optional<Member> findOnRoster(OrganizationId cell, MemberId id) {
        return find(id).flatMap(member -> onRosterOf(cell, member));
    }

    /** Returns the roster of a cell, sorted by given name, then middle name, then family name. */
    public List<Member> ofCell(OrganizationId cell) {
        return sorted(cell, jdbc.sql(SELECT + ON_ROSTER)
                .param("cell", cell.value())
                .query(this::map)
                .list());
    }

    /** Returns the members whose records the cell keeps, without those attached to it from other cells. */
    public List<Member> ownMembers(OrganizationId cell) {
        return ofCell(cell).stream().filter(member -> member.cellId().equals(cell)).toList();
    }

    public List<Member> byIds(Collection<MemberId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where id in (:ids)")
                .param("ids", ids.stream().map(MemberId::value).toList())
                .query(this::map)
                .list()
                .stream()
                .sorted(VietnameseText.byName(Member::fullName))
                .toList();
    }

    /**
     * Returns the members on a cell's roster whose name contains the search text, compared without
     * case or diacritics ("nguyen" finds "Nguyễn", "d" finds "Đ"), in Vietnamese name order. Party card
     * and phone numbers are encrypted and cannot be searched.
     */
    public List<Member> search(OrganizationId cell, String text) {
        String folded = VietnameseText.fold(VietnameseText.clean(text));
        if (folded.isEmpty()) {
            return ofCell(cell);
        }
        String pattern = "%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return sorted(cell, jdbc.sql(SELECT + ON_ROSTER + " and search_name like :pattern escape '\\'")
                .param("cell", cell.value())
                .param("pattern", pattern)
                .query(this::map)
                .list());
    }

    /**
     * Returns whether another member of the cell has the party card number, found by its blind index
     * under any configured key, so that rows not yet rewritten during a key rotation are found too.
     *
     * @param except the member being edited, who may keep their own number
     */
    public boolean cardTaken(OrganizationId cell, String card, @Nullable MemberId except) {
        return jdbc.sql("""
                select count(*) from member where cell_id = :cell and party_card_lookup in (:lookups) and id <> :except
                """)
                .param("cell", cell.value())
                .param("lookups", cipher.blindIndexes(Purpose.PARTY_CARD, card))
                .param("except", except == null ? -1L : except.value())
                .query(Long.class)
                .single() > 0;
    }

    /**
     * Adds a member to a cell, with the name cleaned to NFC, and starts the member's status history
     * with the status given, from the day of admission (or today, when that is not known).
     */
    @Transactional
    public MemberId add(OrganizationId cell, NewMember member) {
        var keys = new GeneratedKeyHolder();
        bindValues(jdbc.sql("""
                insert into member (cell_id, full_name, search_name, sex, birth_date_sealed, admission_date, official_date,
                                    party_card_number, party_card_lookup, cell_role, membership_status,
                                    activity_status, phone, phone_lookup, email, occupation, address, note, hometown,
                                    created_at, updated_at)
                values (:cell, :fullName, :searchName, :sex, :birthDateSealed, :admissionDate, :officialDate, :card,
                        :cardLookup, :cellRole, :membershipStatus, :activityStatus, :phone, :phoneLookup, :email,
                        :occupation, :address, :note, :hometown, :now, :now)
                """), member)
                .param("cell", cell.value())
                .update(keys, "id");
        var id = MemberId.of(keys.getKey().longValue());
        LocalDate since = member.admissionDate() != null ? member.admissionDate() : today();
        history.add(StatusChanges.Step.undecided(id, cell, StatusChangeKind.RECORDED, since,
                member.membershipStatus(), member.activityStatus(), null));
        log.debug("Added member {} to cell {}", id, cell);
        return id;
    }

    /**
     * Replaces every value of a member record, with the name cleaned to NFC. A change of membership or
     * activity status is a step of the history dated today and marked as imported, because only roster
     * imports change the status this way; decisions go through {@link MemberStatus}.
     *
     * @param recordedBy the account that makes the change, or null for the platform itself
     */
    @Transactional
    public void update(MemberId id, NewMember member, @Nullable Long recordedBy) {
        Member before = get(id);
        int updated = bindValues(jdbc.sql("""
                update member set full_name = :fullName, search_name = :searchName, sex = :sex,
                                  birth_date = null, birth_date_sealed = :birthDateSealed,
                                  admission_date = :admissionDate,
                                  official_date = :officialDate, party_card_number = :card,
                                  party_card_lookup = :cardLookup, cell_role = :cellRole,
                                  membership_status = :membershipStatus, activity_status = :activityStatus,
                                  phone = :phone, phone_lookup = :phoneLookup, email = :email,
                                  occupation = :occupation, address = :address, note = :note, hometown = :hometown,
                                  host_cell_id = case when :activityStatus = 'SENT_OUT' then host_cell_id end,
                                  host_unit = case when :activityStatus = 'SENT_OUT' then host_unit end,
                                  updated_at = :now, version = version + 1
                where id = :id
                """), member)
                .param("id", id.value())
                .update();
        RequestMemo.forget(memoKey(id));
        if (updated == 0) {
            throw NotFoundException.hidden();
        }
        if (before.membershipStatus() != member.membershipStatus()
                || before.activityStatus() != member.activityStatus()) {
            history.add(StatusChanges.Step.undecided(id, before.cellId(), StatusChangeKind.IMPORTED, today(),
                    member.membershipStatus(), member.activityStatus(), recordedBy));
        }
        log.debug("Updated member {}", id);
    }

    /** Replaces every value of a member record; see {@link #update(MemberId, NewMember, Long)}. */
    @Transactional
    public void update(MemberId id, NewMember member) {
        update(id, member, null);
    }

    /**
     * Sets a member's status, where the member is active for a while and the cell that keeps the
     * record, as a step of the history requires. Package-private: only status decisions and
     * transfers call it, after writing the step.
     */
    void setStatus(MemberId id, OrganizationId cell, MembershipStatus membership, ActivityStatus activity,
            @Nullable LocalDate officialDate, @Nullable OrganizationId hostCell, @Nullable String hostUnit,
            boolean clearCellRole) {
        jdbc.sql("""
                update member set cell_id = :cell, membership_status = :membership, activity_status = :activity,
                                  official_date = :officialDate, host_cell_id = :hostCell, host_unit = :hostUnit,
                                  cell_role = case when :clearRole then null else cell_role end,
                                  updated_at = :now, version = version + 1
                where id = :id
                """)
                .param("cell", cell.value())
                .param("membership", membership.name())
                .param("activity", activity.name())
                .param("officialDate", officialDate)
                .param("hostCell", hostCell == null ? null : hostCell.value())
                .param("hostUnit", hostUnit)
                .param("clearRole", clearCellRole)
                .param("now", JdbcTime.param(clock.instant()))
                .param("id", id.value())
                .update();
        RequestMemo.forget(memoKey(id));
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    private JdbcClient.StatementSpec bindValues(JdbcClient.StatementSpec statement, NewMember member) {
        String fullName = VietnameseText.clean(member.fullName());
        return statement
                .param("fullName", fullName)
                .param("searchName", VietnameseText.fold(fullName))
                .param("sex", nameOf(member.sex()))
                .param("birthDateSealed", cipher.encrypt(Purpose.BIRTH_DATE, member.birthDate().toString()))
                .param("admissionDate", member.admissionDate())
                .param("officialDate", member.officialDate())
                .param("card", cipher.encrypt(Purpose.PARTY_CARD, member.partyCardNumber()))
                .param("cardLookup", cipher.blindIndex(Purpose.PARTY_CARD, member.partyCardNumber()))
                .param("cellRole", nameOf(member.cellRole()))
                .param("membershipStatus", member.membershipStatus().name())
                .param("activityStatus", member.activityStatus().name())
                .param("phone", cipher.encrypt(Purpose.PHONE, member.phone()))
                .param("phoneLookup", cipher.blindIndex(Purpose.PHONE, member.phone()))
                .param("email", cipher.encrypt(Purpose.EMAIL, member.email()))
                .param("occupation", member.occupation())
                .param("address", member.address())
                .param("note", member.note())
                .param("hometown", member.hometown())
                .param("now", JdbcTime.param(clock.instant()));
    }

    private static List<Member> sorted(OrganizationId cell, List<Member> members) {
        return members.stream()
                .flatMap(member -> onRosterOf(cell, member).stream())
                .sorted(VietnameseText.byName(Member::fullName))
                .toList();
    }

    private static Optional<Member> onRosterOf(OrganizationId cell, Member member) {
        if (member.cellId().equals(cell)) {
            return Optional.of(member);
        }
        boolean attachedHere = member.activityStatus() == ActivityStatus.SENT_OUT && cell.equals(member.hostCellId());
        return attachedHere ? Optional.of(member.asAttached()) : Optional.empty();
    }

    private static @Nullable String nameOf(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }

    private Member map(ResultSet row, int rowNumber) throws SQLException {
        long hostCell = row.getLong("host_cell_id");
        OrganizationId host = row.wasNull() ? null : OrganizationId.of(hostCell);
        return new Member(MemberId.of(row.getLong("id")), OrganizationId.of(row.getLong("cell_id")),
                row.getString("full_name"), enumOf(Sex.class, row.getString("sex")),
                birthDate(row), row.getObject("admission_date", LocalDate.class),
                row.getObject("official_date", LocalDate.class),
                cipher.decrypt(Purpose.PARTY_CARD, row.getString("party_card_number")),
                enumOf(CellRole.class, row.getString("cell_role")),
                MembershipStatus.valueOf(row.getString("membership_status")),
                ActivityStatus.valueOf(row.getString("activity_status")),
                cipher.decrypt(Purpose.PHONE, row.getString("phone")),
                cipher.decrypt(Purpose.EMAIL, row.getString("email")),
                row.getString("occupation"), row.getString("address"), row.getString("note"),
                row.getString("hometown"), host, row.getString("host_unit"));
    }

    /** Returns the date of birth: the encrypted one, or the plain one of a row not yet encrypted. */
    private LocalDate birthDate(ResultSet row) throws SQLException {
        String sealed = row.getString("birth_date_sealed");
        if (sealed == null) {
            return row.getObject("birth_date", LocalDate.class);
        }
        return LocalDate.parse(cipher.decrypt(Purpose.BIRTH_DATE, sealed));
    }

    private static <E extends Enum<E>> @Nullable E enumOf(Class<E> type, @Nullable String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
