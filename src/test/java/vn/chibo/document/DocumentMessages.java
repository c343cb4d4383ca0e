package vn.chibo.document;

import java.nio.file.Path;
import java.time.ZoneId;

import org.springframework.context.support.ResourceBundleMessageSource;

import vn.chibo.system.ChiboProperties;

/** The document module's messages and settings, for tests that run without a Spring context. */
final class DocumentMessages {

    private DocumentMessages() {
    }

    static ResourceBundleMessageSource source() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages/document");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    static ChiboProperties properties() {
        return new ChiboProperties(ZoneId.of("Asia/Ho_Chi_Minh"), new ChiboProperties.Files(Path.of("data")), null);
    }
}
