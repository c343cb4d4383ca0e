package vn.chibo.voting;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.chibo.system.PersonalDataSource;

/**
 * A member's own ballots for their data export: electronic votes, whose ballots carry the voter, and
 * the secret ballots whose roll names the member. A secret ballot's choice never appears, because
 * nothing links it to its voter. A show of hands stores counts only, so it contributes nothing.
 */
@Component
class BallotPersonalData implements PersonalDataSource {

    private final JdbcClient jdbc;

    BallotPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Section> sectionsOf(long memberId, @Nullable Long accountId) {
        var ballots = jdbc.sql("""
                select b.motion_id, m.meeting_id, m.title, m.kind, b.choice, b.cast_at
                from ballot b join motion m on m.id = b.motion_id
                where b.member_id = :member and m.method = 'ELECTRONIC' order by b.cast_at, b.motion_id
                """)
                .param("member", memberId)
                .query()
                .listOfRows();
        var secretBallots = jdbc.sql("""
                select r.motion_id, m.meeting_id, m.title, m.kind
                from secret_ballot_roll r join motion m on m.id = r.motion_id
                where r.member_id = :member order by r.motion_id
                """)
                .param("member", memberId)
                .query()
                .listOfRows();
        return List.of(new Section("ballots", ballots), new Section("secretBallotsVoted", secretBallots));
    }

    @Override
    public int order() {
        return 50;
    }
}
