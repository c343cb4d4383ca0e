package vn.chibo.member.web;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import vn.chibo.member.ActivityStatus;
import vn.chibo.member.CellRole;
import vn.chibo.member.MembershipStatus;
import vn.chibo.member.Sex;
import vn.chibo.system.Formats;

/**
 * Writes member values for the pages in the reader's language: dates as dd/MM/yyyy, statuses and
 * offices by name. Templates use it as {@code ${@rosterTexts.value(change.before)}}.
 */
@Component("rosterTexts")
public class RosterTexts {

    private final MessageSource messages;

    RosterTexts(MessageSource messages) {
        this.messages = messages;
    }

    public String value(@Nullable Object value) {
        return switch (value) {
            case null -> message("common.none");
            case LocalDate date -> Formats.DATE.format(date);
            case Sex sex -> message(sex.messageKey());
            case MembershipStatus status -> message(status.messageKey());
            case ActivityStatus status -> message(status.messageKey());
            case CellRole role -> message(role.messageKey());
            default -> value.toString();
        };
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
