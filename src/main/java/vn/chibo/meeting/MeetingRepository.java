package vn.chibo.meeting;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The meetings as Spring Data JDBC aggregates. The queries run in a read-only transaction. Outside
 * one, each meeting's agenda is loaded on a second pooled connection while the first still keeps the
 * result set open. Enough concurrent requests then take every connection of the pool and wait for another
 * until the pool's timeout, as the home page did under the meeting-evening benchmark.
 */
@Transactional(readOnly = true)
interface MeetingRepository extends ListCrudRepository<Meeting, Long> {

    @Query("select * from meeting where cell_id = :cellId order by starts_at desc")
    List<Meeting> findByCell(long cellId);

    @Query("select * from meeting where cell_id = :cellId and status not in ('CLOSED', 'MINUTES_APPROVED', 'CANCELLED') order by starts_at, id")
    List<Meeting> findOpenByCell(long cellId);

    @Query("""
            select * from meeting where cell_id = :cellId and status <> 'DRAFT'
            order by starts_at desc, id desc limit 1
            """)
    Optional<Meeting> findLatestAnnouncedByCell(long cellId);
}
