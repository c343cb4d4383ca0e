package vn.chibo.meeting;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

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
