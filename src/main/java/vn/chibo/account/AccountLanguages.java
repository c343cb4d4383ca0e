package vn.chibo.account;

import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of each account: the one it last chose with {@code ?lang=} on any page, kept on the
 * account, so that a member who picked English on one phone gets English on the next device too.
 * Before the account chooses, the language of the browser's cookie (or Vietnamese) stays.
 */
@Component
class AccountLanguages {

    /** The languages the product has messages for; the column's check constraint allows the same. */
    static final Set<String> SUPPORTED = Set.of("vi", "en", "de");

    private static final Logger log = LoggerFactory.getLogger(AccountLanguages.class);

    private final Accounts accounts;
    private final LocaleResolver localeResolver;

    AccountLanguages(Accounts accounts, LocaleResolver localeResolver) {
        this.accounts = accounts;
        this.localeResolver = localeResolver;
    }

    /**
     * Shows the request in the account's language. The resolver stores it in the browser's cookie
     * too, so this writes the cookie only when the device still had another language.
     */
    void apply(AccountRecord account, HttpServletRequest request, HttpServletResponse response) {
        String language = account.language();
        if (language == null) {
            return;
        }
        if (!localeResolver.resolveLocale(request).getLanguage().equals(language)) {
            localeResolver.setLocale(request, response, Locale.of(language));
        }
    }

    /**
     * Stores the language the request chose with {@code ?lang=}, once the locale interceptor applied
     * it. A language the product does not have (the interceptor ignores it) changes nothing.
     */
    void remember(Actor actor, HttpServletRequest request, String requested) {
        String chosen = localeResolver.resolveLocale(request).getLanguage();
        if (!SUPPORTED.contains(chosen) || !chosen.equals(Locale.forLanguageTag(requested.replace('_', '-'))
                .getLanguage())) {
            return;
        }
        boolean changed = accounts.find(actor.accountId())
                .map(account -> !chosen.equals(account.language()))
                .orElse(false);
        if (changed) {
            accounts.updateLanguage(actor.accountId(), chosen);
            log.info("Account {} chose the language {}", actor.accountId(), chosen);
        }
    }

    /**
     * Remembers the language a signed-in account picks on any page. It reads the same parameter as
     * Spring's locale change interceptor: here, after the filters, reading parameters is safe.
     */
    static final class RememberChoice implements HandlerInterceptor {

        private final AccountLanguages languages;

        RememberChoice(AccountLanguages languages) {
            this.languages = languages;
        }

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            Actor actor = ActorFilter.of(request);
            String requested = request.getParameter("lang");
            if (actor != null && requested != null) {
                languages.remember(actor, request, requested);
            }
            return true;
        }
    }
}
