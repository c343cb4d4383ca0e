package vn.chibo.member;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.chibo.system.PersonalDataSource;

/** The member record, decrypted, and its status history, for the member's own data export. */
@Component
class MemberPersonalData implements PersonalDataSource {

    private final Members members;
    private final JdbcClient jdbc;

    MemberPersonalData(Members members, JdbcClient jdbc) {
        this.members = members;
        this.jdbc = jdbc;
    }

    @Override
    public List<Section> sectionsOf(long memberId, @Nullable Long accountId) {
        Member member = members.get(MemberId.of(memberId));
        Map<String, @Nullable Object> profile = new LinkedHashMap<>();
        profile.put("id", memberId);
        profile.put("cell_id", member.cellId().value());
        profile.put("full_name", member.fullName());
        profile.put("sex", member.sex() == null ? null : member.sex().name());
        profile.put("birth_date", member.birthDate());
        profile.put("hometown", member.hometown());
        profile.put("admission_date", member.admissionDate());
        profile.put("official_date", member.officialDate());
        profile.put("party_card_number", member.partyCardNumber());
        profile.put("cell_role", member.cellRole() == null ? null : member.cellRole().name());
        profile.put("membership_status", member.membershipStatus().name());
        profile.put("activity_status", member.activityStatus().name());
        profile.put("phone", member.phone());
        profile.put("email", member.email());
        profile.put("occupation", member.occupation());
        profile.put("address", member.address());
        profile.put("note", member.note());
        profile.put("host_cell_id", member.hostCellId() == null ? null : member.hostCellId().value());
        profile.put("host_unit", member.hostUnit());

        List<Map<String, @Nullable Object>> history = jdbc.sql("""
                select id, cell_id, kind, effective_date, membership_status, activity_status, decided_by, resolution,
                       host_cell_id, host_unit, to_cell_id, recorded_at
                from member_status_change where member_id = :member order by effective_date, id
                """)
                .param("member", memberId)
                .query()
                .listOfRows();
        return List.of(new Section("profile", List.of(profile)), new Section("statusHistory", history));
    }

    @Override
    public int order() {
        return 10;
    }
}
