package vn.chibo.system;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/** The address of the sign-in page that slips with initial passwords print. */
@Component
public class SignInAddress {

    private final @Nullable URI publicUrl;

    SignInAddress(ChiboProperties properties) {
        this.publicUrl = properties.publicUrl();
    }

    /**
     * Returns the address of the sign-in page: under {@code chibo.public-url} when it is set, else as
     * the browser of the current request reached this server. The latter comes from the request's
     * Host header, which the sender of the request can set to any value.
     */
    public String current() {
        if (publicUrl == null) {
            return ServletUriComponentsBuilder.fromCurrentContextPath().path("/login").build().toUriString();
        }
        String base = publicUrl.toString().replaceAll("/+$", "");
        return UriComponentsBuilder.fromUriString(base).path("/login").build().toUriString();
    }
}
