package vn.chibo.system;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Serves the stylesheets, scripts and webjars under their own paths only, in place of Spring Boot's
 * default handler for {@code /**} ({@code spring.web.resources.add-mappings: false}).
 *
 * <p>Every link that a page renders passes through Spring's {@code ResourceUrlEncodingFilter}, which
 * adds the content hash to static URLs. With a resource handler for {@code /**}, every link, such as
 * {@code /meetings/5}, matched it and was looked up in the four static folders of the jar, and the
 * misses are not cached: that was about half of the product's CPU time while members voted under
 * the meeting-evening benchmark. Links outside these paths now skip the lookup.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    private final WebProperties.Resources resources;

    StaticResources(WebProperties properties) {
        this.resources = properties.getResources();
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        CacheControl cacheControl = resources.getCache().getCachecontrol().toHttpCacheControl();
        // The content hash in the URL lets browsers keep the files for as long as cacheControl sets.
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/")
                .setCacheControl(cacheControl)
                .resourceChain(true)
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/")
                .setCacheControl(cacheControl)
                .resourceChain(true)
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        // The webjar's own version is in the path that LiteWebJarsResourceResolver writes into pages.
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(cacheControl)
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
    }
}
