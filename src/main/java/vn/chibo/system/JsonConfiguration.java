package vn.chibo.system;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The JSON mapper of the API, with explicit limits on what it reads and the same text cleaning as
 * form fields. A document past a limit fails with Jackson's {@code StreamConstraintsException},
 * to which the error handling responds with 413.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    /**
     * Replaces Spring Boot's builder (which it backs off for this bean) by one on a JSON factory with
     * explicit read constraints, then applies every customizer as Spring Boot does. The longest string
     * accepted is the body limit: no string can be longer than the body it came in.
     */
    @Bean
    @Scope("prototype")
    JsonMapper.Builder jsonMapperBuilder(ObjectProvider<JsonMapperBuilderCustomizer> customizers, RequestLimits limits) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxJsonDepth())
                .maxNumberLength(limits.maxJsonNumberLength())
                .maxStringLength((int) Math.min(Integer.MAX_VALUE, limits.maxBodySize().toBytes()))
                .maxNameLength(1_000)
                .maxDocumentLength(limits.maxBodySize().toBytes())
                .build();
        JsonMapper.Builder builder = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build());
        builder.addModule(new SimpleModule("chibo-input-text").addDeserializer(String.class, new CleanStrings()));
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder;
    }

    /** Reads JSON strings as Jackson does, without the characters that {@link InputText} removes. */
    private static final class CleanStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            return InputText.stripOrNull(super.deserialize(parser, context));
        }
    }
}
