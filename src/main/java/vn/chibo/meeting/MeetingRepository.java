package vn.chibo.meeting;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface MeetingRepository extends ListCrudRepository<Meeting, Long> {

    @Query("select * from meeting where cell_id = :cellId order by starts_at desc")
    List<Meeting> findByCell(long cellId);
}
