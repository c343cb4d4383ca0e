package vn.chibo.minutes;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.chibo.meeting.MeetingManagement;
import vn.chibo.testing.SqlTest;
import vn.chibo.testing.VillageMeetings;
import vn.chibo.testing.VillageMeetings.Village;
import vn.chibo.voting.MotionId;
import vn.chibo.voting.MotionKind;
import vn.chibo.voting.MotionManagement;
import vn.chibo.voting.MotionRequest;
import vn.chibo.voting.ShowOfHandsCount;
import vn.chibo.voting.VotingMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** How the minutes record an admission voted by show of hands at the village meeting. */
@SqlTest
class VoteMinutesTests {

    @Autowired
    VillageMeetings villages;

    @Autowired
    MotionManagement motions;

    @Autowired
    MeetingManagement meetingManagement;

    @Autowired
    MinutesBook book;

    @Test
    void admissionByHandsShowsThresholdAndParticipation() {
        Village village = villages.startedMeetingWithRoll();
        MotionId id = motions.open(village.secretary(), village.meeting(), new MotionRequest(MotionKind.ADMISSION,
                VotingMethod.SHOW_OF_HANDS, null, "Lê Văn Tâm", null));
        motions.recordShowOfHands(village.secretary(), id, new ShowOfHandsCount(16, 4, 2));
        meetingManagement.close(village.secretary(), village.meeting());
        await().atMost(Duration.ofSeconds(20)).until(() -> book.of(village.meeting()).isPresent());

        MinutesFacts facts = book.of(village.meeting()).orElseThrow().facts();

        assertThat(facts.votes()).containsExactly(
                "1. Biểu quyết kết nạp quần chúng Lê Văn Tâm vào Đảng",
                "- Loại biểu quyết: Kết nạp đảng viên; hình thức: Giơ tay",
                "- Số đảng viên tính biểu quyết: 25",
                "- Không tính vào số đảng viên tính biểu quyết: 8 đồng chí (đang sinh hoạt tạm thời nơi khác: 2; "
                        + "được miễn sinh hoạt và vắng mặt: 5; vắng mặt cả buổi có lý do được chấp thuận: 1).",
                "- Tỷ lệ cần đạt: ít nhất hai phần ba số đảng viên tính biểu quyết",
                "- Số phiếu tán thành cần có: 17",
                "- Tán thành: 16",
                "- Không tán thành: 4",
                "- Không có ý kiến: 2",
                "- Không tham gia biểu quyết: 2",
                "- Tham gia biểu quyết: 22 trên 24 đồng chí có quyền biểu quyết có mặt (92%)",
                "- Kết quả: không được thông qua.");
    }
}
