package vn.chibo.notification;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.chibo.system.PersonalDataSource;

/** The notifications sent to an account, for its holder's data export. */
@Component
class NotificationPersonalData implements PersonalDataSource {

    private final JdbcClient jdbc;

    NotificationPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Section> sectionsOf(long memberId, @Nullable Long accountId) {
        return accountId == null ? List.of() : sectionsOfAccount(accountId);
    }

    @Override
    public List<Section> sectionsOfAccount(long accountId) {
        var notifications = jdbc.sql("""
                select id, meeting_id, correction_id, kind, changes, created_at, read_at
                from notification where account_id = :account order by created_at, id
                """)
                .param("account", accountId)
                .query()
                .listOfRows();
        return List.of(new Section("notifications", notifications));
    }

    @Override
    public int order() {
        return 60;
    }
}
