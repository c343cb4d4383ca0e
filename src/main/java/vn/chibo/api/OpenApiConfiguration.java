package vn.chibo.api;

import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.chibo.account.Actor;

/**
 * The OpenAPI document at {@code /v3/api-docs}, limited to the JSON API ({@code springdoc.paths-to-match}).
 * No Swagger UI is served: the product loads nothing from other hosts, and the document can be read
 * with any OpenAPI tool.
 */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(name = OpenApiConfiguration.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A token from POST /api/v1/auth/token")
class OpenApiConfiguration {

    static final String BEARER = "bearerToken";

    static {
        // The signed-in actor is resolved from the token, not sent by the client.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    @Bean
    OpenAPI chiboOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Chi bộ số API")
                .version("v1")
                .description("The JSON API of the mobile handbook app. Errors are RFC 9457 problem details "
                        + "(application/problem+json) whose detail is in the language of Accept-Language "
                        + "(vi, en or de; Vietnamese by default)."));
    }
}
