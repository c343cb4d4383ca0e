package vn.chibo.document.handbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the team's text of each handbook page that the database does not have yet, from the classpath
 * files {@code handbook/LANGUAGE/SLUG.md}. A page that exists is never touched, so an administrator's edit
 * survives every restart and upgrade. Each file starts with a {@code # } line, which becomes the title.
 */
@Component
class HandbookDefaults implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(HandbookDefaults.class);

    private final HandbookPages pages;
    private final TransactionTemplate transactions;
    private final Clock clock;

    HandbookDefaults(HandbookPages pages, TransactionTemplate transactions, Clock clock) {
        this.pages = pages;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        int loaded = 0;
        for (HandbookTopic topic : HandbookTopic.values()) {
            for (HandbookLanguage language : HandbookLanguage.values()) {
                if (loadIfMissing(topic, language)) {
                    loaded++;
                }
            }
        }
        if (loaded > 0) {
            log.info("Handbook: loaded the team's text of {} pages", loaded);
        }
    }

    private boolean loadIfMissing(HandbookTopic topic, HandbookLanguage language) {
        Optional<TeamText> text = teamText(topic, language);
        if (text.isEmpty()) {
            return false;
        }
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                if (pages.find(topic, language).isPresent()) {
                    return false;
                }
                pages.save(topic, language, text.get().title(), text.get().markdown(), null, clock.instant());
                return true;
            }));
        }
        catch (DuplicateKeyException another) {
            // Another node of the cluster loaded the same page at the same moment; its copy is the same text.
            return false;
        }
    }

    /** Returns the team's text of the page in the language, or empty when the team wrote none. */
    static Optional<TeamText> teamText(HandbookTopic topic, HandbookLanguage language) {
        var resource = new ClassPathResource("handbook/" + language.code() + "/" + topic.slug() + ".md");
        if (!resource.exists()) {
            return Optional.empty();
        }
        try (InputStream in = resource.getInputStream()) {
            return Optional.of(TeamText.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        catch (IOException failure) {
            throw new UncheckedIOException("Could not read the handbook page " + resource.getPath(), failure);
        }
    }

    /** A page as the team wrote it: the title from its first {@code # } line, and the Markdown after it. */
    record TeamText(String title, String markdown) {

        static TeamText parse(String file) {
            String text = file.replace("\r\n", "\n").strip();
            if (!text.startsWith("# ")) {
                throw new IllegalStateException("A handbook file must start with a '# ' title line");
            }
            int end = text.indexOf('\n');
            String title = (end < 0 ? text.substring(2) : text.substring(2, end)).strip();
            String markdown = end < 0 ? "" : text.substring(end + 1).strip() + "\n";
            return new TeamText(title, markdown);
        }
    }
}
