package vn.chibo.account.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chibo.account.Actor;
import vn.chibo.account.ApiTokens;
import vn.chibo.account.PasswordChange;
import vn.chibo.account.SignedInSessions;
import vn.chibo.system.FlashMessage;
import vn.chibo.system.Formats;
import vn.chibo.system.InvalidInputException;

/**
 * The sign-in page, the page where members set their own password, and the page that lists the
 * account's sessions and app tokens and ends them.
 */
@Controller
class AccountController {

    /** The maximum block the sign-in page explains; a later time in the address is ignored. */
    private static final Duration MAX_BLOCK = Duration.ofDays(1);

    private final PasswordChange passwordChange;
    private final SignedInSessions sessions;
    private final ApiTokens tokens;
    private final Formats formats;
    private final Clock clock;

    AccountController(PasswordChange passwordChange, SignedInSessions sessions, ApiTokens tokens, Formats formats,
            Clock clock) {
        this.passwordChange = passwordChange;
        this.sessions = sessions;
        this.tokens = tokens;
        this.formats = formats;
        this.clock = clock;
    }

    /**
     * The sign-in form. After a blocked sign-in, {@code until} holds the epoch second from which
     * sign-in may be tried again, and the page shows that time as dd/MM/yyyy HH:mm in the product's
     * zone (Asia/Ho_Chi_Minh by default), with the zone named.
     */
    @GetMapping("/login")
    String loginPage(@RequestParam(name = "until", required = false) @Nullable String until, Model model) {
        blockedUntil(until).ifPresent(instant -> {
            Instant now = clock.instant();
            model.addAttribute("retryAt", formats.dateAndTimeInZone(instant));
            model.addAttribute("retryMinutes", Math.max(1, (Duration.between(now, instant).toSeconds() + 59) / 60));
        });
        return "account/login";
    }

    private Optional<Instant> blockedUntil(@Nullable String until) {
        if (until == null || !until.matches("[0-9]{1,12}")) {
            return Optional.empty();
        }
        Instant instant = Instant.ofEpochSecond(Long.parseLong(until));
        Instant now = clock.instant();
        return instant.isAfter(now) && instant.isBefore(now.plus(MAX_BLOCK)) ? Optional.of(instant)
                : Optional.empty();
    }

    @GetMapping("/account/password")
    String passwordForm(Actor actor, Model model) {
        model.addAttribute("form", new PasswordFormData("", "", ""));
        model.addAttribute("firstChange", actor.mustChangePassword());
        return "account/password";
    }

    @PostMapping("/account/password")
    String changePassword(Actor actor, @ModelAttribute("form") PasswordFormData form, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            passwordChange.change(actor, form.currentPassword(), form.newPassword(), form.confirmation(),
                    sessions.passwordChangeMark(request));
        }
        catch (InvalidInputException invalid) {
            model.addAttribute("form", new PasswordFormData("", "", ""));
            model.addAttribute("firstChange", actor.mustChangePassword());
            model.addAttribute("errorKey", invalid.messageKey());
            model.addAttribute("errorArguments", invalid.messageArguments());
            return "account/password";
        }

        sessions.renewAfterPasswordChange(actor, request, response);
        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("account.password.changed"));
        return "redirect:/";
    }

    /** Ends every session of the account, on every device, this one included. */
    @PostMapping("/account/sign-out-everywhere")
    String signOutEverywhere(Actor actor, HttpServletRequest request, HttpServletResponse response) {
        sessions.signOutEverywhere(actor, request, response);
        return "redirect:/login?signedOutEverywhere";
    }

    /** Lists the account's sessions and the app tokens that still work. */
    @GetMapping("/account/sessions")
    String sessionsPage(Actor actor, HttpServletRequest request, Model model) {
        model.addAttribute("sessions", sessions.list(actor, request));
        model.addAttribute("tokens", tokens.listOf(actor.accountId()));
        return "account/sessions";
    }

    /** Ends one session of the account, named by the handle that the sessions page shows. */
    @PostMapping("/account/sessions/revoke")
    String revokeSession(Actor actor, @RequestParam(name = "session", defaultValue = "") String handle,
            RedirectAttributes redirect) {
        if (sessions.revoke(actor, handle)) {
            redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("account.devices.revoked"));
        }
        else {
            redirect.addFlashAttribute(FlashMessage.ERROR, new FlashMessage("account.devices.notFound"));
        }
        return "redirect:/account/sessions";
    }

    /** Ends every session of the account except this one. */
    @PostMapping("/account/sessions/revoke-others")
    String revokeOtherSessions(Actor actor, HttpServletRequest request, RedirectAttributes redirect) {
        int ended = sessions.revokeOthers(actor, request);
        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("account.devices.revokedOthers", ended));
        return "redirect:/account/sessions";
    }

    /** Revokes one of the account's app tokens. */
    @PostMapping("/account/tokens/revoke")
    String revokeToken(Actor actor, @RequestParam(name = "token", defaultValue = "0") long tokenId,
            RedirectAttributes redirect) {
        if (tokens.revoke(actor.accountId(), tokenId)) {
            redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("account.tokens.revoked"));
        }
        else {
            redirect.addFlashAttribute(FlashMessage.ERROR, new FlashMessage("account.tokens.notFound"));
        }
        return "redirect:/account/sessions";
    }

    /** The fields of the password form; never echoed back into the page. */
    record PasswordFormData(String currentPassword, String newPassword, String confirmation) {

        PasswordFormData {
            currentPassword = currentPassword == null ? "" : currentPassword;
            newPassword = newPassword == null ? "" : newPassword;
            confirmation = confirmation == null ? "" : confirmation;
        }
    }
}
