package vn.chibo.system;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@link RequestLimits} and cleans the text of every parameter. A body over the size limit
 * too many parameters and a field over the length limit get 413. Parameter values reach the controllers without the
 * characters that {@link InputText} removes. It runs after {@link UnreadableRequestFilter}, which has
 * already checked that the parameters can be read.
 */
@Component
@Order(UnreadableRequestFilter.ORDER + 1)
class RequestLimitsFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestLimitsFilter.class);

    private final RequestLimits limits;
    private final EarlyRejection rejection;

    RequestLimitsFilter(RequestLimits limits, EarlyRejection rejection) {
        this.limits = limits;
        this.rejection = rejection;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest checked = request;
        if (hasPlainBody(request)) {
            long maxBytes = limits.maxBodySize().toBytes();
            if (request.getContentLengthLong() > maxBytes) {
                log.info("Rejected {} {}: body of {} bytes exceeds {}", request.getMethod(), request.getRequestURI(),
                        request.getContentLengthLong(), maxBytes);
                rejection.send(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "error.requestTooLarge");
                return;
            }
            checked = new LimitedBodyRequest(request, maxBytes);
        }
        int parameters = request.getParameterMap().values().stream().mapToInt(values -> values.length).sum();
        if (parameters > limits.maxParameters()) {
            log.info("Rejected {} {}: {} parameters exceed {}", request.getMethod(), request.getRequestURI(),
                    parameters, limits.maxParameters());
            rejection.send(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "error.requestTooLarge");
            return;
        }
        for (String[] values : request.getParameterMap().values()) {
            for (String value : values) {
                if (value != null && value.length() > limits.maxFieldLength()) {
                    log.info("Rejected {} {}: a parameter of {} characters exceeds {}", request.getMethod(),
                            request.getRequestURI(), value.length(), limits.maxFieldLength());
                    rejection.send(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "error.fieldTooLong",
                            limits.maxFieldLength());
                    return;
                }
            }
        }
        chain.doFilter(new CleanParametersRequest(checked), response);
    }

    /** Returns whether the body is read as a stream by a controller: neither a form nor a multipart upload. */
    private static boolean hasPlainBody(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null) {
            return request.getContentLengthLong() != 0 && !"GET".equals(request.getMethod());
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !MediaType.APPLICATION_FORM_URLENCODED.includes(type) && !"multipart".equals(type.getType());
        }
        catch (IllegalArgumentException invalid) {
            return true;
        }
    }

    /** A request whose parameter values come without the characters that {@link InputText} removes. */
    private static final class CleanParametersRequest extends HttpServletRequestWrapper {

        private @Nullable Map<String, String[]> cleaned;

        CleanParametersRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            if (cleaned == null) {
                Map<String, String[]> map = new LinkedHashMap<>();
                super.getParameterMap().forEach((name, values) -> map.put(name,
                        Arrays.stream(values).map(InputText::stripOrNull).toArray(String[]::new)));
                cleaned = Collections.unmodifiableMap(map);
            }
            return cleaned;
        }

        @Override
        public @Nullable String getParameter(String name) {
            String[] values = getParameterMap().get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public String @Nullable [] getParameterValues(String name) {
            String[] values = getParameterMap().get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }
    }

    /** A request whose body fails with {@link RequestBodyTooLarge} once more than the limit has been read. */
    private static final class LimitedBodyRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private @Nullable ServletInputStream limited;

        LimitedBodyRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedInputStream(super.getInputStream(), maxBytes);
            }
            return limited;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream body;
        private final long maxBytes;
        private long read;

        LimitedInputStream(ServletInputStream body, long maxBytes) {
            this.body = body;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int next = body.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = body.read(buffer, offset, length);
            if (count > 0) {
                count(count);
            }
            return count;
        }

        private void count(int bytes) throws RequestBodyTooLarge {
            read += bytes;
            if (read > maxBytes) {
                throw new RequestBodyTooLarge(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
