package vn.chibo.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what one request may send, checked before the security filters. The servlet container
 * has its own limits on headers, forms and multipart bodies ({@code server.*} in application.yml).
 *
 * @param maxBodySize the largest body of a request that is neither a form nor a multipart upload,
 *        such as JSON for the API
 * @param maxFieldLength the maximum number of UTF-16 characters in one form field or query parameter.
 *        It is above the longest text any form accepts, because each module checks its fields' own maximums.
 * @param maxParameters the maximum number of parameter values (query and form together) in one request; keep
 *        {@code server.tomcat.max-parameter-count} larger, since Tomcat answers 400 past its own limit
 * @param maxJsonDepth the deepest nesting of JSON arrays and objects that the API reads
 * @param maxJsonNumberLength the maximum number of digits in one JSON number
 */
@ConfigurationProperties("chibo.requests")
public record RequestLimits(@DefaultValue("64KB") DataSize maxBodySize, @DefaultValue("50000") int maxFieldLength,
        @DefaultValue("1000") int maxParameters,
        @DefaultValue("32") int maxJsonDepth, @DefaultValue("100") int maxJsonNumberLength) {
}
