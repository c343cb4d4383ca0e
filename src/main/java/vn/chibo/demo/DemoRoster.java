package vn.chibo.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import vn.chibo.member.ActivityStatus;
import vn.chibo.member.CellRole;
import vn.chibo.member.MembershipStatus;
import vn.chibo.member.NewMember;
import vn.chibo.member.Sex;

/** The village cell's roster as kept in {@code demo/roster.json}, with dates written dd/MM/yyyy. */
@JsonIgnoreProperties(ignoreUnknown = true)
record DemoRoster(String cell, String committee, List<Entry> members) {

    private static final String RESOURCE = "/demo/roster.json";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    static DemoRoster read() {
        try (InputStream json = DemoRoster.class.getResourceAsStream(RESOURCE)) {
            if (json == null) {
                throw new IllegalStateException("The demo roster " + RESOURCE + " is missing from the classpath");
            }
            return JsonMapper.builder().build().readValue(json, DemoRoster.class);
        }
        catch (IOException failure) {
            throw new UncheckedIOException("Reading the demo roster " + RESOURCE + " failed", failure);
        }
    }

    /** One member of the roster; enum values are written by their names in code. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(String fullName, String sex, String birthDate, @Nullable String admissionDate,
            @Nullable String officialDate, @Nullable String partyCardNumber, @Nullable String cellRole,
            String membershipStatus, String activityStatus, @Nullable String phone, @Nullable String email,
            @Nullable String occupation, @Nullable String address, @Nullable String note) {

        NewMember toNewMember() {
            return new NewMember(fullName, Sex.valueOf(sex), LocalDate.parse(birthDate, DATE), date(admissionDate),
                    date(officialDate), partyCardNumber, cellRole == null ? null : CellRole.valueOf(cellRole),
                    MembershipStatus.valueOf(membershipStatus), ActivityStatus.valueOf(activityStatus), phone, email,
                    occupation, address, note);
        }

        private static @Nullable LocalDate date(@Nullable String text) {
            return text == null ? null : LocalDate.parse(text, DATE);
        }
    }
}
