package vn.chibo.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chibo.account.Actor;
import vn.chibo.account.PasswordChange;
import vn.chibo.account.SignedInSessions;
import vn.chibo.system.FlashMessage;
import vn.chibo.system.InvalidInputException;

/** The sign-in page and the page where members set their own password. */
@Controller
class AccountController {

    private final PasswordChange passwordChange;
    private final SignedInSessions sessions;

    AccountController(PasswordChange passwordChange, SignedInSessions sessions) {
        this.passwordChange = passwordChange;
        this.sessions = sessions;
    }

    @GetMapping("/login")
    String loginPage() {
        return "account/login";
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
            passwordChange.change(actor, form.currentPassword(), form.newPassword(), form.confirmation());
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

    /** The fields of the password form; never echoed back into the page. */
    record PasswordFormData(String currentPassword, String newPassword, String confirmation) {

        PasswordFormData {
            currentPassword = currentPassword == null ? "" : currentPassword;
            newPassword = newPassword == null ? "" : newPassword;
            confirmation = confirmation == null ? "" : confirmation;
        }
    }
}
