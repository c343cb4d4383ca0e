package vn.chibo.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The shape of every error of the API, as RFC 9457 problem details. The OpenAPI document refers to it;
 * {@code vn.chibo.system.ApiProblems} writes it.
 *
 * @param type {@code about:blank} where the status identifies the error; the second-factor errors of
 *        {@code POST /api/v1/auth/token} have types of their own ({@code urn:chibo:problem:...})
 * @param title the reason phrase of the status, in the language of Accept-Language
 * @param detail what went wrong and what to do, in the language of {@code Accept-Language}
 * @param instance the path of the request
 */
@Schema(name = "Problem", description = "An error as RFC 9457 problem details (application/problem+json)")
record Problem(@Schema(example = "about:blank") String type, @Schema(example = "Không tìm thấy") String title,
        @Schema(example = "404") int status,
        @Schema(example = "Không tìm thấy trang này, hoặc đồng chí không có quyền xem.") String detail,
        @Schema(example = "/api/v1/cells/7/members") String instance) {

    static final String MEDIA_TYPE = "application/problem+json";
}
