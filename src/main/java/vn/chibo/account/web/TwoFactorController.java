package vn.chibo.account.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chibo.account.Actor;
import vn.chibo.account.SecondFactors;
import vn.chibo.account.SignedInSessions;
import vn.chibo.system.DomainException;
import vn.chibo.system.FlashMessage;
import vn.chibo.system.QrSvg;

/**
 * The signed-in account's own second factor: set up an authenticator app by QR code or typed secret,
 * see how many recovery codes are left and replace them, and turn the second factor off where no role
 * requires it. Recovery codes are shown once, in the response to the request that made them.
 */
@Controller
class TwoFactorController {

    private final SecondFactors secondFactors;
    private final SignedInSessions sessions;
    private final MessageSource messages;

    TwoFactorController(SecondFactors secondFactors, SignedInSessions sessions, MessageSource messages) {
        this.secondFactors = secondFactors;
        this.sessions = sessions;
        this.messages = messages;
    }

    @GetMapping("/account/two-factor")
    String settings(Actor actor, Model model) {
        model.addAttribute("status", secondFactors.statusOf(actor));
        return "account/two-factor";
    }

    @GetMapping("/account/two-factor/enrol")
    String enrolForm(Actor actor, Model model, Locale locale) {
        if (secondFactors.isEnabled(actor.accountId())) {
            return "redirect:/account/two-factor";
        }
        return enrolPage(actor, model, locale);
    }

    @PostMapping("/account/two-factor/enrol")
    String enrol(Actor actor, @RequestParam(name = "code", required = false) @Nullable String code, Model model,
            Locale locale, HttpServletRequest request, HttpServletResponse response) {
        if (secondFactors.isEnabled(actor.accountId())) {
            return "redirect:/account/two-factor";
        }
        List<String> recoveryCodes;
        try {
            recoveryCodes = secondFactors.confirmEnrolment(actor, code == null ? "" : code);
        }
        catch (DomainException refused) {
            model.addAttribute("errorKey", refused.messageKey());
            model.addAttribute("errorArguments", refused.messageArguments());
            response.setStatus(refused.status().value());
            return enrolPage(actor, model, locale);
        }

        // The app proved it has the secret, so this session has passed a second factor.
        sessions.completeSecondFactor(actor.accountId(), SecondFactors.Factor.TOTP, request, response);
        return recoveryCodesPage(recoveryCodes, true, model, response);
    }

    @PostMapping("/account/two-factor/recovery-codes")
    String regenerate(Actor actor, Model model, HttpServletResponse response) {
        return recoveryCodesPage(secondFactors.regenerateRecoveryCodes(actor), false, model, response);
    }

    @PostMapping("/account/two-factor/disable")
    String disable(Actor actor, @RequestParam(name = "password", required = false) @Nullable String password,
            @RequestParam(name = "code", required = false) @Nullable String code, RedirectAttributes redirect) {
        try {
            secondFactors.disable(actor, password == null ? "" : password, code == null ? "" : code);
        }
        catch (DomainException refused) {
            redirect.addFlashAttribute(FlashMessage.ERROR, new FlashMessage(refused.messageKey(),
                    refused.messageArguments()));
            return "redirect:/account/two-factor";
        }
        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("account.twoFactor.disabled"));
        return "redirect:/account/two-factor";
    }

    private String enrolPage(Actor actor, Model model, Locale locale) {
        SecondFactors.PendingEnrolment pending = secondFactors.startEnrolment(actor);
        model.addAttribute("secret", pending.secret());
        model.addAttribute("qr", QrSvg.of(pending.otpauthUri(),
                messages.getMessage("account.twoFactor.enrol.qrLabel", null, locale)));
        model.addAttribute("required", SecondFactors.isRequiredFor(actor));
        return "account/two-factor-enrol";
    }

    private static String recoveryCodesPage(List<String> codes, boolean justEnabled, Model model,
            HttpServletResponse response) {
        // The codes are shown this once: no cache may keep the page.
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("recoveryCodes", codes);
        model.addAttribute("justEnabled", justEnabled);
        return "account/recovery-codes";
    }
}
