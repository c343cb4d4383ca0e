package vn.chibo.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Gives accounts made before sign-in by phone existed their phone look-up, taken from the user name
 * where that is a phone number. The hash needs the configured key, so SQL migrations cannot do it.
 * Running it on several nodes at once is harmless: each writes the same values.
 */
@Component
class PhoneLookupBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PhoneLookupBackfill.class);

    private final Accounts accounts;

    PhoneLookupBackfill(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        int filled = accounts.fillMissingPhoneLookups();
        if (filled > 0) {
            log.info("Set the phone look-up of {} accounts from their user names", filled);
        }
    }
}
