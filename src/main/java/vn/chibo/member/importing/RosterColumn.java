package vn.chibo.member.importing;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.chibo.member.NewMember;

/**
 * A column of a roster that the importer reads, with the headers that cells write for it. Headers are
 * compared as {@link RosterText#key keys}: lower case, without diacritics, punctuation or notes in
 * brackets, so "Nam/Nữ", "NAM / NỮ" and "Giới tính (*)" all match.
 */
public enum RosterColumn {
    ORDINAL("stt", "tt", "so tt", "so thu tu"),
    FULL_NAME("ho va ten", "ho ten", "ho va ten dang vien", "ho ten dang vien", "ten dang vien"),
    SEX("gioi tinh", "nam nu", "gioi"),
    BIRTH_DATE("ngay sinh", "ngay thang nam sinh", "sinh ngay"),
    ADMISSION_DATE("ngay vao dang", "ngay ket nap", "ngay ket nap dang", "ngay ket nap vao dang", "vao dang"),
    OFFICIAL_DATE("ngay chinh thuc", "ngay cong nhan chinh thuc", "ngay cong nhan dang vien chinh thuc",
            "ngay dv chinh thuc"),
    PARTY_CARD_NUMBER("so the dang vien", "so the", "so the dv", "the dang vien", "so the dang"),
    CELL_ROLE("chuc vu trong chi bo", "chuc vu", "chuc vu dang", "chuc vu trong dang", "chuc danh"),
    MEMBERSHIP_STATUS("dang vien", "ct db", "chinh thuc du bi", "loai dang vien", "dang vien chinh thuc du bi"),
    ACTIVITY_STATUS("tinh trang sinh hoat", "tinh trang", "sinh hoat", "trang thai", "tinh trang sinh hoat dang"),
    PHONE("so dien thoai", "dien thoai", "sdt", "dt", "so dt", "dien thoai di dong", "di dong"),
    EMAIL("email", "e mail", "thu dien tu", "dia chi email", "dia chi thu dien tu"),
    OCCUPATION("nghe nghiep", "nghe", "cong viec", "nghe nghiep hien nay"),
    ADDRESS("noi o", "dia chi", "noi o hien nay", "cho o", "cho o hien nay", "dia chi thuong tru", "noi cu tru"),
    NOTE("ghi chu"),
    HOMETOWN("que quan", "nguyen quan", "que");

    /** The columns without which no row can become a member record. */
    static final Set<RosterColumn> REQUIRED = Set.of(FULL_NAME, BIRTH_DATE);

    /** The columns that hold a date, which spreadsheets may store as serial numbers. */
    static final Set<RosterColumn> DATES = Set.of(BIRTH_DATE, ADMISSION_DATE, OFFICIAL_DATE);

    private final List<String> headerKeys;

    RosterColumn(String... headerKeys) {
        this.headerKeys = List.of(headerKeys);
    }

    /** Returns the column a header stands for, if the importer recognizes it. */
    static Optional<RosterColumn> ofHeader(String header) {
        String key = RosterText.key(header);
        return Arrays.stream(values()).filter(column -> column.headerKeys.contains(key)).findFirst();
    }

    /** Returns the column's value in a member record; the ordinal column has none. */
    public @Nullable Object valueIn(NewMember member) {
        return switch (this) {
            case ORDINAL -> null;
            case FULL_NAME -> member.fullName();
            case SEX -> member.sex();
            case BIRTH_DATE -> member.birthDate();
            case ADMISSION_DATE -> member.admissionDate();
            case OFFICIAL_DATE -> member.officialDate();
            case PARTY_CARD_NUMBER -> member.partyCardNumber();
            case CELL_ROLE -> member.cellRole();
            case MEMBERSHIP_STATUS -> member.membershipStatus();
            case ACTIVITY_STATUS -> member.activityStatus();
            case PHONE -> member.phone();
            case EMAIL -> member.email();
            case OCCUPATION -> member.occupation();
            case ADDRESS -> member.address();
            case NOTE -> member.note();
            case HOMETOWN -> member.hometown();
        };
    }

    /** Returns the message key of the column's name in the user's language. */
    public String messageKey() {
        return "member.field." + name();
    }
}
