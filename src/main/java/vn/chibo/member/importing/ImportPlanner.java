package vn.chibo.member.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.chibo.member.CellRole;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;
import vn.chibo.member.NewMember;

/**
 * Plans an import: checks every row, then the rows against each other (a card number or a person
 * twice in the file), then matches each row to the cell's roster. A member is matched by party card
 * number, or else by full name and birth date, so that importing the same file again changes nothing.
 */
final class ImportPlanner {

    private ImportPlanner() {
    }

    /**
     * Plans the import of a roster file into a cell.
     *
     * @param today the date in the cell's zone, after which no date in the file may lie
     * @param members the cell's current roster
     */
    static ImportPlan plan(RawRoster roster, LocalDate today, List<Member> members) {
        var rows = new ArrayList<RosterRow>();
        for (RawRow raw : roster.rows()) {
            rows.add(RowParser.parse(raw, roster.labels(), today));
        }
        List<RosterRow> checked = checkAgainstEachOther(rows, roster.labels());

        var byCard = new HashMap<String, Member>();
        var byPerson = new HashMap<String, List<Member>>();
        for (Member member : members) {
            if (member.partyCardNumber() != null) {
                byCard.put(member.partyCardNumber(), member);
            }
            byPerson.computeIfAbsent(personKey(member.fullName(), member.birthDate()), key -> new ArrayList<>())
                    .add(member);
        }

        var planned = new ArrayList<PlannedRow>();
        var matchedBy = new HashMap<MemberId, Integer>();
        for (RosterRow row : checked) {
            if (row.isRejected()) {
                planned.add(new PlannedRow(row, RowOutcome.REJECTED, null, null, List.of()));
                continue;
            }
            NewMember values = Objects.requireNonNull(row.values());
            Optional<Member> match = match(values, byCard, byPerson);
            if (match.isEmpty()) {
                planned.add(new PlannedRow(row, RowOutcome.NEW, null, values, List.of()));
                continue;
            }
            Member member = match.get();
            Integer earlier = matchedBy.putIfAbsent(member.id(), row.rowNumber());
            if (earlier != null) {
                RosterRow twice = row.withError(problem(roster.labels(), RosterColumn.FULL_NAME,
                        "member.import.error.sameMemberTwice", earlier));
                planned.add(new PlannedRow(twice, RowOutcome.REJECTED, null, null, List.of()));
                continue;
            }
            planned.add(update(row, member));
        }

        Set<RosterColumn> missing = EnumSet.allOf(RosterColumn.class);
        missing.removeAll(roster.labels().keySet());
        missing.remove(RosterColumn.ORDINAL);
        return new ImportPlan(roster.format(), roster.ignoredHeaders(), List.copyOf(missing), planned,
                members.size() - matchedBy.size());
    }

    /**
     * Rejects a later row with the card number, or the name and birth date, of an earlier one. Warns
     * about a phone number that an earlier row has, because spouses often share one but only one of
     * them can sign in with it. Leaves out the office of a second secretary.
     */
    private static List<RosterRow> checkAgainstEachOther(List<RosterRow> rows, Map<RosterColumn, String> labels) {
        var cards = new HashMap<String, Integer>();
        var people = new HashMap<String, Integer>();
        var phones = new HashMap<String, Integer>();
        Integer secretaryRow = null;
        var checked = new ArrayList<RosterRow>();
        for (RosterRow row : rows) {
            NewMember values = row.values();
            if (row.isRejected() || values == null) {
                checked.add(row);
                continue;
            }
            int number = row.rowNumber();
            Integer sameCard = values.partyCardNumber() == null ? null
                    : cards.putIfAbsent(values.partyCardNumber(), number);
            Integer samePerson = people.putIfAbsent(personKey(values.fullName(), values.birthDate()), number);
            if (sameCard != null) {
                row = row.withError(problem(labels, RosterColumn.PARTY_CARD_NUMBER, "member.import.error.cardDuplicate",
                        values.partyCardNumber(), sameCard));
            }
            else if (samePerson != null) {
                row = row.withError(problem(labels, RosterColumn.FULL_NAME, "member.import.error.personDuplicate",
                        samePerson));
            }
            if (!row.isRejected()) {
                Integer samePhone = values.phone() == null ? null : phones.putIfAbsent(values.phone(), number);
                if (samePhone != null) {
                    row = row.withWarning(problem(labels, RosterColumn.PHONE, "member.import.warning.phoneShared",
                            samePhone));
                }
                if (values.cellRole() == CellRole.CELL_SECRETARY) {
                    if (secretaryRow == null) {
                        secretaryRow = number;
                    }
                    else {
                        row = row.withoutCellRole(problem(labels, RosterColumn.CELL_ROLE,
                                "member.import.warning.secondSecretary", secretaryRow));
                    }
                }
            }
            checked.add(row);
        }
        return checked;
    }

    private static Optional<Member> match(NewMember values, Map<String, Member> byCard,
            Map<String, List<Member>> byPerson) {
        if (values.partyCardNumber() != null && byCard.containsKey(values.partyCardNumber())) {
            return Optional.of(byCard.get(values.partyCardNumber()));
        }
        // A member with another card number is another person, even with the same name and birth date.
        return byPerson.getOrDefault(personKey(values.fullName(), values.birthDate()), List.of()).stream()
                .filter(member -> member.partyCardNumber() == null || values.partyCardNumber() == null)
                .findFirst();
    }

    private static PlannedRow update(RosterRow row, Member member) {
        NewMember current = member.values();
        NewMember target = merge(current, Objects.requireNonNull(row.values()), row.provided());
        var changes = new ArrayList<PlannedRow.Change>();
        for (RosterColumn column : RosterColumn.values()) {
            Object before = column.valueIn(current);
            Object after = column.valueIn(target);
            if (!Objects.equals(before, after)) {
                changes.add(new PlannedRow.Change(column, before, after));
            }
        }
        RowOutcome outcome = changes.isEmpty() ? RowOutcome.UNCHANGED : RowOutcome.UPDATE;
        return new PlannedRow(row, outcome, member.id(), target, changes);
    }

    /** Returns the current values with those the row provides put in. */
    static NewMember merge(NewMember current, NewMember file, Set<RosterColumn> provided) {
        var pick = new Picker(provided);
        return new NewMember(
                pick.of(RosterColumn.FULL_NAME, file.fullName(), current.fullName()),
                pick.of(RosterColumn.SEX, file.sex(), current.sex()),
                pick.of(RosterColumn.BIRTH_DATE, file.birthDate(), current.birthDate()),
                pick.of(RosterColumn.ADMISSION_DATE, file.admissionDate(), current.admissionDate()),
                pick.of(RosterColumn.OFFICIAL_DATE, file.officialDate(), current.officialDate()),
                pick.of(RosterColumn.PARTY_CARD_NUMBER, file.partyCardNumber(), current.partyCardNumber()),
                pick.of(RosterColumn.CELL_ROLE, file.cellRole(), current.cellRole()),
                pick.of(RosterColumn.MEMBERSHIP_STATUS, file.membershipStatus(), current.membershipStatus()),
                pick.of(RosterColumn.ACTIVITY_STATUS, file.activityStatus(), current.activityStatus()),
                pick.of(RosterColumn.PHONE, file.phone(), current.phone()),
                pick.of(RosterColumn.EMAIL, file.email(), current.email()),
                pick.of(RosterColumn.OCCUPATION, file.occupation(), current.occupation()),
                pick.of(RosterColumn.ADDRESS, file.address(), current.address()),
                pick.of(RosterColumn.NOTE, file.note(), current.note()));
    }

    private record Picker(Set<RosterColumn> provided) {

        <T extends @Nullable Object> T of(RosterColumn column, T fromFile, T current) {
            return provided.contains(column) ? fromFile : current;
        }
    }

    /** Returns the key that matches a person by name, whatever the case, and birth date. */
    private static String personKey(String fullName, LocalDate birthDate) {
        return fullName.toLowerCase(Locale.ROOT) + "|" + birthDate;
    }

    private static RowProblem problem(Map<RosterColumn, String> labels, RosterColumn column, String key,
            Object... arguments) {
        return new RowProblem(column, labels.get(column), key, List.of(arguments));
    }
}
