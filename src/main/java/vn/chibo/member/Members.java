package vn.chibo.member;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
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

import vn.chibo.organization.OrganizationId;
import vn.chibo.system.JdbcTime;
import vn.chibo.system.NotFoundException;
import vn.chibo.system.VietnameseText;

/** Reads, adds and updates member records. Lists come in Vietnamese name order. */
@Component
public class Members {

    private static final Logger log = LoggerFactory.getLogger(Members.class);

    private static final String SELECT = """
            select id, cell_id, full_name, sex, birth_date, admission_date, official_date, party_card_number,
                   cell_role, membership_status, activity_status, phone, email, occupation, address, note
            from member
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    Members(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Member> find(MemberId id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id.value()).query(Members::map).optional();
    }

    /** Returns the member, or fails with not-found. */
    public Member get(MemberId id) {
        return find(id).orElseThrow(NotFoundException::hidden);
    }

    /** Returns the roster of a cell, sorted by given name, then middle name, then family name. */
    public List<Member> ofCell(OrganizationId cell) {
        return jdbc.sql(SELECT + " where cell_id = :cell")
                .param("cell", cell.value())
                .query(Members::map)
                .list()
                .stream()
                .sorted(VietnameseText.byName(Member::fullName))
                .toList();
    }

    public List<Member> byIds(Collection<MemberId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where id in (:ids)")
                .param("ids", ids.stream().map(MemberId::value).toList())
                .query(Members::map)
                .list()
                .stream()
                .sorted(VietnameseText.byName(Member::fullName))
                .toList();
    }

    /**
     * Returns the members of a cell whose name contains the search text, compared without case or
     * diacritics ("nguyen" finds "Nguyễn", "d" finds "Đ"), in Vietnamese name order.
     */
    public List<Member> search(OrganizationId cell, String text) {
        String folded = VietnameseText.fold(VietnameseText.clean(text));
        if (folded.isEmpty()) {
            return ofCell(cell);
        }
        String pattern = "%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql(SELECT + " where cell_id = :cell and search_name like :pattern escape '\\'")
                .param("cell", cell.value())
                .param("pattern", pattern)
                .query(Members::map)
                .list()
                .stream()
                .sorted(VietnameseText.byName(Member::fullName))
                .toList();
    }

    /** Adds a member to a cell, with the name cleaned to NFC. */
    @Transactional
    public MemberId add(OrganizationId cell, NewMember member) {
        var keys = new GeneratedKeyHolder();
        bindValues(jdbc.sql("""
                insert into member (cell_id, full_name, search_name, sex, birth_date, admission_date, official_date,
                                    party_card_number, cell_role, membership_status, activity_status, phone, email,
                                    occupation, address, note, created_at, updated_at)
                values (:cell, :fullName, :searchName, :sex, :birthDate, :admissionDate, :officialDate, :card,
                        :cellRole, :membershipStatus, :activityStatus, :phone, :email, :occupation, :address,
                        :note, :now, :now)
                """), member)
                .param("cell", cell.value())
                .update(keys, "id");
        var id = MemberId.of(keys.getKey().longValue());
        log.debug("Added member {} to cell {}", id, cell);
        return id;
    }

    /** Replaces every value of a member record, with the name cleaned to NFC. */
    @Transactional
    public void update(MemberId id, NewMember member) {
        int updated = bindValues(jdbc.sql("""
                update member set full_name = :fullName, search_name = :searchName, sex = :sex,
                                  birth_date = :birthDate, admission_date = :admissionDate,
                                  official_date = :officialDate, party_card_number = :card, cell_role = :cellRole,
                                  membership_status = :membershipStatus, activity_status = :activityStatus,
                                  phone = :phone, email = :email, occupation = :occupation, address = :address,
                                  note = :note, updated_at = :now, version = version + 1
                where id = :id
                """), member)
                .param("id", id.value())
                .update();
        if (updated == 0) {
            throw NotFoundException.hidden();
        }
        log.debug("Updated member {}", id);
    }

    private JdbcClient.StatementSpec bindValues(JdbcClient.StatementSpec statement, NewMember member) {
        String fullName = VietnameseText.clean(member.fullName());
        return statement
                .param("fullName", fullName)
                .param("searchName", VietnameseText.fold(fullName))
                .param("sex", nameOf(member.sex()))
                .param("birthDate", member.birthDate())
                .param("admissionDate", member.admissionDate())
                .param("officialDate", member.officialDate())
                .param("card", member.partyCardNumber())
                .param("cellRole", nameOf(member.cellRole()))
                .param("membershipStatus", member.membershipStatus().name())
                .param("activityStatus", member.activityStatus().name())
                .param("phone", member.phone())
                .param("email", member.email())
                .param("occupation", member.occupation())
                .param("address", member.address())
                .param("note", member.note())
                .param("now", JdbcTime.param(clock.instant()));
    }

    private static @Nullable String nameOf(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Member map(ResultSet row, int rowNumber) throws SQLException {
        return new Member(MemberId.of(row.getLong("id")), OrganizationId.of(row.getLong("cell_id")),
                row.getString("full_name"), enumOf(Sex.class, row.getString("sex")),
                row.getObject("birth_date", LocalDate.class), row.getObject("admission_date", LocalDate.class),
                row.getObject("official_date", LocalDate.class), row.getString("party_card_number"),
                enumOf(CellRole.class, row.getString("cell_role")),
                MembershipStatus.valueOf(row.getString("membership_status")),
                ActivityStatus.valueOf(row.getString("activity_status")), row.getString("phone"),
                row.getString("email"), row.getString("occupation"), row.getString("address"),
                row.getString("note"));
    }

    private static <E extends Enum<E>> @Nullable E enumOf(Class<E> type, @Nullable String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
