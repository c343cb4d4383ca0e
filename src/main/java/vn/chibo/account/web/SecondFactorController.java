package vn.chibo.account.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chibo.account.AccountId;
import vn.chibo.account.SecondFactors;
import vn.chibo.account.SignInAudit;
import vn.chibo.account.SignedInSessions;
import vn.chibo.system.DomainException;
import vn.chibo.system.FlashMessage;

/**
 * The second step of sign-in for an account with a second factor: after the password, it requests
 * the code of the authenticator app or a recovery code. Only a session that owes its second factor
 * reaches it; {@code ActorFilter} sends such a session nowhere else.
 */
@Controller
class SecondFactorController {

    private final SecondFactors secondFactors;
    private final SignedInSessions sessions;
    private final SignInAudit audit;
    private final RequestCache requestCache = new HttpSessionRequestCache();

    SecondFactorController(SecondFactors secondFactors, SignedInSessions sessions, SignInAudit audit) {
        this.secondFactors = secondFactors;
        this.sessions = sessions;
        this.audit = audit;
    }

    @GetMapping("/second-factor")
    String form(HttpServletRequest request, Model model) {
        Optional<AccountId> account = SignedInSessions.awaitingSecondFactor(request);
        if (account.isEmpty()) {
            return "redirect:/";
        }
        return page(account.get(), model);
    }

    @PostMapping("/second-factor")
    String check(@RequestParam(name = "code", required = false) @Nullable String code, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Optional<AccountId> account = SignedInSessions.awaitingSecondFactor(request);
        if (account.isEmpty()) {
            return "redirect:/";
        }
        if (code == null || code.isBlank()) {
            model.addAttribute("errorKey", "account.secondFactor.error.missing");
            return page(account.get(), model);
        }

        SecondFactors.Passed passed;
        try {
            passed = secondFactors.check(account.get(), code);
        }
        catch (DomainException refused) {
            model.addAttribute("errorKey", refused.messageKey());
            model.addAttribute("errorArguments", refused.messageArguments());
            response.setStatus(refused.status().value());
            return page(account.get(), model);
        }

        sessions.completeSecondFactor(account.get(), passed.factor(), request, response);
        audit.signedIn(account.get(), "PASSWORD," + passed.factor());
        if (passed.factor() == SecondFactors.Factor.RECOVERY_CODE) {
            redirect.addFlashAttribute(FlashMessage.SUCCESS,
                    new FlashMessage("account.secondFactor.recoveryCodeUsed", passed.recoveryCodesLeft()));
        }
        SavedRequest saved = requestCache.getRequest(request, response);
        requestCache.removeRequest(request, response);
        return "redirect:" + (saved == null ? "/" : saved.getRedirectUrl());
    }

    private String page(AccountId account, Model model) {
        secondFactors.demoCode(account).ifPresent(code -> model.addAttribute("demoCode", code));
        return "account/second-factor";
    }
}
