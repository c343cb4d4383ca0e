package vn.chibo.account;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DevicesTests {

    @ParameterizedTest(name = "{1} on {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36 | Chrome | Android
            Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-A045F) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36 | Samsung Internet | Android
            Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1 | Safari | iPhone
            Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1 | Chrome | iPhone
            Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0 | Edge | Windows
            Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/131.0.0 Chrome/125.0.0.0 Safari/537.36 | Cốc Cốc | Windows
            Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0 | Firefox | Windows
            Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15 | Safari | macOS
            Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 | Chrome | Linux
            Mozilla/5.0 (Linux; Android 12; Redmi Note 11) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 Zalo android/12345 ZaloTheme/light | Zalo | Android
            curl/8.5.0 | curl | -
            Java-http-client/21 | - | -
            """)
    void namesBrowserAndSystem(String userAgent, @Nullable String browser, @Nullable String system) {
        Devices.Device device = Devices.describe(userAgent);

        assertThat(device.browser()).isEqualTo(browser);
        assertThat(device.system()).isEqualTo(system);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            203.113.45.17              | 203.113.45.0/24
            127.0.0.1                  | 127.0.0.0/24
            2001:ee0:4f1:2c00::17      | 2001:ee0:4f1::/48
            ::ffff:203.113.45.17       | 203.113.45.0/24
            -                          | -
            localhost                  | -
            1:2                        | -
            999.1.1.1                  | -
            """)
    void cutsAddressToNetwork(@Nullable String address, @Nullable String network) {
        assertThat(Devices.network(address)).isEqualTo(network);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            203.113.45.17                 | 203.113.45.17
            2001:ee0:4f1:2c00::17         | 2001:ee0:4f1:2c00::/64
            2001:ee0:4f1:2c00:a:b:c:d     | 2001:ee0:4f1:2c00::/64
            2001:0ee0:04f1:2c00:0:0:0:1   | 2001:ee0:4f1:2c00::/64
            ::ffff:203.113.45.17          | 203.113.45.17
            1:2                           | 1:2
            """)
    void limitsIpv6ByNetwork(String address, String limited) {
        assertThat(Devices.limitedAddress(address)).isEqualTo(limited);
    }
}
