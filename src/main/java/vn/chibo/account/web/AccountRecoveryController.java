package vn.chibo.account.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import vn.chibo.account.AccountId;
import vn.chibo.account.AccountRecovery;
import vn.chibo.account.Actor;
import vn.chibo.system.SignInAddress;

/**
 * The recovery of an account by an officer of a committee above it or an administrator: a page that
 * says what the recovery removes, and the form that does it and shows the slip with the new initial
 * password once. The slip is never stored, and the response asks the browser not to keep it.
 */
@Controller
class AccountRecoveryController {

    private final AccountRecovery recovery;
    private final SignInAddress signInAddress;

    AccountRecoveryController(AccountRecovery recovery, SignInAddress signInAddress) {
        this.recovery = recovery;
        this.signInAddress = signInAddress;
    }

    @GetMapping("/accounts/{accountId}/recovery")
    String confirmation(Actor actor, @PathVariable long accountId, Model model) {
        model.addAttribute("preview", recovery.preview(actor, AccountId.of(accountId)));
        return "account/recovery";
    }

    @PostMapping("/accounts/{accountId}/recovery")
    String recover(Actor actor, @PathVariable long accountId, Model model, HttpServletResponse response) {
        AccountRecovery.Recovered recovered = recovery.recover(actor, AccountId.of(accountId));

        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        model.addAttribute("recovered", recovered);
        model.addAttribute("signInAddress", signInAddress.current());
        return "account/recovery-slip";
    }
}
