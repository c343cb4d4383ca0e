package vn.chibo.system;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every shown time names its zone, in the reader's language. */
class FormatsTests {

    private static final Instant EVENING = Instant.parse("2026-12-20T12:30:00Z");

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "vi|19:30 (giờ Việt Nam, UTC+7)|19:30 20/12/2026 (giờ Việt Nam, UTC+7)|20/12/2026 19:30 (giờ Việt Nam, UTC+7)",
            "en|19:30 (Vietnam time, UTC+7)|19:30 20/12/2026 (Vietnam time, UTC+7)|20/12/2026 19:30 (Vietnam time, UTC+7)",
            "de|19:30 (vietnamesische Zeit, UTC+7)|19:30 20/12/2026 (vietnamesische Zeit, UTC+7)"
                    + "|20/12/2026 19:30 (vietnamesische Zeit, UTC+7)" })
    void timesNameVietnamZone(String language, String time, String timeAndDate, String dateAndTime) {
        Formats formats = formats("Asia/Ho_Chi_Minh");
        LocaleContextHolder.setLocale(Locale.of(language));

        assertThat(formats.timeInZone(EVENING)).isEqualTo(time);
        assertThat(formats.dateTimeInZone(EVENING)).isEqualTo(timeAndDate);
        assertThat(formats.dateAndTimeInZone(EVENING)).isEqualTo(dateAndTime);
        assertThat(formats.timeInZone(null)).isEmpty();
    }

    @ParameterizedTest(name = "{0} at {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "Europe/Berlin|2026-07-01T10:00:00Z|Europe/Berlin time, UTC+2",
            "Europe/Berlin|2026-12-01T10:00:00Z|Europe/Berlin time, UTC+1",
            "Asia/Kolkata|2026-12-01T10:00:00Z|Asia/Kolkata time, UTC+5:30",
            "UTC|2026-12-01T10:00:00Z|UTC time, UTC" })
    void otherZonesShowIdAndOffset(String zone, Instant instant, String expected) {
        LocaleContextHolder.setLocale(Locale.ENGLISH);

        assertThat(formats(zone).zoneLabel(instant)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} seconds: \"{1}\"")
    @CsvSource(value = { "25200, +7", "-10800, -3", "19800, +5:30", "-34200, -9:30", "0, ''" })
    void offsetsReadAsHoursAndMinutes(int seconds, String expected) {
        assertThat(Formats.offset(ZoneOffset.ofTotalSeconds(seconds))).isEqualTo(expected);
    }

    private static Formats formats(String zone) {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages/system");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new Formats(new ChiboProperties(ZoneId.of(zone), new ChiboProperties.Files(Path.of("data")), null),
                messages);
    }
}
