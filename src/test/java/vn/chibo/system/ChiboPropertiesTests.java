package vn.chibo.system;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChiboPropertiesTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final ChiboProperties.Files FILES = new ChiboProperties.Files(Path.of("data"));

    @ParameterizedTest
    @ValueSource(strings = { "https://chibo.example.vn", "https://chibo.example.vn/", "http://10.0.0.5:8080/chibo" })
    void publicUrlAcceptsWebAddress(String address) {
        var properties = new ChiboProperties(ZONE, FILES, URI.create(address));

        assertThat(properties.publicUrl()).isEqualTo(URI.create(address));
    }

    @ParameterizedTest
    @ValueSource(strings = { "chibo.example.vn", "/login", "ftp://chibo.example.vn", "https://chibo.example.vn/?a=1",
            "https://chibo.example.vn/#top", "https://user@chibo.example.vn", "javascript:alert(1)" })
    void publicUrlRejectsOtherValues(String address) {
        assertThatThrownBy(() -> new ChiboProperties(ZONE, FILES, URI.create(address)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chibo.public-url");
    }
}
