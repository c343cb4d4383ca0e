package vn.chibo.discussion;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.chibo.system.PersonalDataSource;

/** The opinions a member wrote, withdrawn ones and earlier wordings included, for their data export. */
@Component
class OpinionPersonalData implements PersonalDataSource {

    private final JdbcClient jdbc;

    OpinionPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Section> sectionsOf(long memberId, @Nullable Long accountId) {
        var opinions = jdbc.sql("""
                select id, meeting_id, agenda_item_id, body, posted_at, edited_at, withdrawn_at, spoken
                from opinion where author_member_id = :member order by posted_at, id
                """)
                .param("member", memberId)
                .query()
                .listOfRows();
        var revisions = jdbc.sql("""
                select r.opinion_id, r.body, r.written_at, r.replaced_at
                from opinion_revision r join opinion o on o.id = r.opinion_id
                where o.author_member_id = :member order by r.opinion_id, r.written_at
                """)
                .param("member", memberId)
                .query()
                .listOfRows();
        return List.of(new Section("opinions", opinions), new Section("opinionRevisions", revisions));
    }

    @Override
    public int order() {
        return 40;
    }
}
