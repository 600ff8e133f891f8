package io.aftersales.shared;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON our API accepts holds only values the database can store: no NUL or other control characters in
 * text (tab, line feed and carriage return allowed); dates are held to {@link DateRange}. Anything else is a
 * 400 naming the field (ApiExceptionHandler), never a 500 from the database.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {
  static final String TEXT_RULE = "must not contain NUL or other control characters";

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictValues() {
    return builder -> builder.deserializerByType(String.class, new Text());
  }

  static final class Text extends StringDeserializer {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String value = super.deserialize(p, ctxt);
      if (value != null) {
        for (int i = 0; i < value.length(); i++) {
          char c = value.charAt(i);
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F)
            throw JsonMappingException.from(p, TEXT_RULE);
        }
      }
      return value;
    }
  }
}
