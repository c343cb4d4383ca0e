package vn.chibo.account.web;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import vn.chibo.account.Actor;
import vn.chibo.account.Passkey;
import vn.chibo.account.Passkeys;
import vn.chibo.account.SignedInSessions;
import vn.chibo.system.FlashMessage;
import vn.chibo.system.InvalidInputException;

/**
 * The account's passkeys: the list, registration and deletion. Registration needs the page's script
 * because the browser makes a passkey only through its WebAuthn API: the script requests the options
 * from Spring Security ({@code POST /webauthn/register/options}), lets the authenticator make the passkey,
 * and sends the result here as JSON.
 */
@Controller
class PasskeyController {

    private static final Logger log = LoggerFactory.getLogger(PasskeyController.class);

    /** Reads the authenticator's response in the JSON form that Spring Security's WebAuthn types use. */
    private static final JsonMapper WEBAUTHN_JSON = JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();

    private final Passkeys passkeys;
    private final PublicKeyCredentialCreationOptionsRepository creationOptions;
    private final MessageSource messages;

    PasskeyController(Passkeys passkeys, PublicKeyCredentialCreationOptionsRepository creationOptions,
            MessageSource messages) {
        this.passkeys = passkeys;
        this.creationOptions = creationOptions;
        this.messages = messages;
    }

    @GetMapping("/account/passkeys")
    String list(Actor actor, HttpServletRequest request, Model model) {
        return page(actor, request, model);
    }

    /**
     * Registers the passkey in the JSON body ({@code {"credential": {...}, "label": "..."}}). Responds
     * with 201 and the address to show next, or an error status with a message in the user's language.
     */
    @PostMapping(path = "/account/passkeys", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> register(Actor actor, @RequestBody String body, HttpServletRequest request,
            HttpServletResponse response, Locale locale) {
        RelyingPartyPublicKey publicKey;
        try {
            publicKey = WEBAUTHN_JSON.readValue(body, RelyingPartyPublicKey.class);
        }
        catch (JacksonException | IllegalArgumentException unreadable) {
            log.info("Account {} sent an unreadable passkey registration: {}", actor.accountId(),
                    unreadable.getClass().getSimpleName());
            return message(HttpStatus.BAD_REQUEST, "error.badRequest", new Object[0], locale);
        }

        Passkey registered;
        try {
            registered = passkeys.register(actor, creationOptions.load(request), publicKey);
        }
        catch (InvalidInputException invalid) {
            log.info("Account {} could not register a passkey: {}", actor.accountId(), invalid.messageKey());
            return message(HttpStatus.UNPROCESSABLE_CONTENT, invalid.messageKey(), invalid.messageArguments(), locale);
        }
        finally {
            // An options object serves one registration only, whatever its outcome.
            creationOptions.save(request, response, null);
        }

        String target = request.getContextPath() + "/account/passkeys";
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put(FlashMessage.SUCCESS, new FlashMessage("account.passkeys.registered", registered.label()));
        RequestContextUtils.saveOutputFlashMap(target, request, response);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("redirectUrl", target));
    }

    /** Shows why the registration form, sent without the page's script, cannot make a passkey. */
    @PostMapping(path = "/account/passkeys", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String registerWithoutScript(Actor actor, HttpServletRequest request, Model model) {
        model.addAttribute("errorKey", "account.passkeys.error.noScript");
        return page(actor, request, model);
    }

    @PostMapping("/account/passkeys/{passkeyId}/delete")
    String delete(Actor actor, @PathVariable String passkeyId,
            @RequestParam(name = "password", required = false) @Nullable String password,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        try {
            passkeys.delete(actor, passkeyId, password == null ? "" : password, SignedInSessions.signedInAt(request));
        }
        catch (InvalidInputException invalid) {
            log.info("Account {} could not delete a passkey: {}", actor.accountId(), invalid.messageKey());
            model.addAttribute("errorKey", invalid.messageKey());
            return page(actor, request, model);
        }

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("account.passkeys.deleted"));
        return "redirect:/account/passkeys";
    }

    private String page(Actor actor, HttpServletRequest request, Model model) {
        model.addAttribute("passkeys", passkeys.of(actor));
        model.addAttribute("passwordNeeded", passkeys.passwordNeeded(SignedInSessions.signedInAt(request)));
        return "account/passkeys";
    }

    private ResponseEntity<Map<String, String>> message(HttpStatus status, String key, Object[] arguments,
            Locale locale) {
        return ResponseEntity.status(status).body(Map.of("message", messages.getMessage(key, arguments, locale)));
    }
}
