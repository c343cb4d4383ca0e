package vn.chibo.meeting.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.chibo.meeting.MeetingDocument;
import vn.chibo.meeting.MeetingDocumentId;
import vn.chibo.meeting.MeetingResponse;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;

/**
 * What the secretary sees while a meeting is being prepared: the members the cell expects who have
 * not answered yet, and which of the meeting's documents each of them has opened.
 *
 * @param reads one row per expected member, in roster order
 */
record PreparationView(List<MeetingDocument> documents, List<ReadRow> reads, List<Member> notAnswered) {

    /**
     * One member's row of the read table.
     *
     * @param opened for each document in the order of {@code documents}, whether the member opened it
     */
    record ReadRow(Member member, List<Boolean> opened, int openedCount) {
    }

    /** Builds the view for the members the cell expects at its meetings: neither exempt, away nor suspended. */
    static PreparationView of(List<Member> roster, List<MeetingDocument> documents,
            Map<MemberId, MeetingResponse> responses, Map<MemberId, Set<MeetingDocumentId>> opened) {
        List<Member> expected = roster.stream().filter(Member::isExpectedAtMeetings).toList();
        List<ReadRow> reads = expected.stream()
                .map(member -> rowOf(member, documents, opened.getOrDefault(member.id(), Set.of())))
                .toList();
        List<Member> notAnswered = expected.stream().filter(member -> !responses.containsKey(member.id())).toList();
        return new PreparationView(documents, reads, notAnswered);
    }

    private static ReadRow rowOf(Member member, List<MeetingDocument> documents, Set<MeetingDocumentId> opened) {
        List<Boolean> marks = documents.stream().map(document -> opened.contains(document.id())).toList();
        int count = (int) marks.stream().filter(Boolean::booleanValue).count();
        return new ReadRow(member, marks, count);
    }
}
