package io.hashfleet.collect.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * Reads the JSON that cgminer-family firmware actually sends, which is often not JSON.
 *
 * <p>Two layers: {@link JsonRepair} fixes the textual faults real firmware is known for (trailing
 * NULs, {@code }{} run-together objects, {@code ",}"}, {@code "[,{"}, btminer's missing comma
 * before {@code "temp0"}, bare {@code nan}/{@code inf}, a leading comma), then Jackson parses with
 * lenient features for what remains (non-numeric numbers, trailing commas, control characters in
 * strings; a duplicated key keeps its last value). Anything still unreadable, truncated replies
 * included, becomes a {@link ReplyFormatException} carrying an excerpt, never another exception.
 */
public final class RelaxedJson {
  private static final ObjectMapper MAPPER = mapper();

  private RelaxedJson() {}

  private static ObjectMapper mapper() {
    JsonFactory factory = JsonFactory.builder()
        .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
        .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
        .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
        .enable(JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS)
        .enable(JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS)
        .enable(JsonReadFeature.ALLOW_TRAILING_DECIMAL_POINT_FOR_NUMBERS)
        // replies are mostly decimals; the JDK's FloatingDecimal showed up in poller profiles
        .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
        // a reply nested deeper than this is garbage, not telemetry; fail fast instead of recursing
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
        .build();
    return JsonMapper.builder(factory)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
  }

  /** Parses a reply; errors name the text only. */
  public static JsonNode parse(String raw) throws ReplyFormatException {
    return parse(raw, "reply");
  }

  /**
   * Parses a reply, naming {@code source} (the miner's address) in any error.
   *
   * @throws ReplyFormatException when the text is empty, truncated or not JSON even after repair
   */
  public static JsonNode parse(String raw, String source) throws ReplyFormatException {
    if (raw == null) throw new ReplyFormatException(source + ": no reply");
    String fixed = JsonRepair.repair(raw, source);
    try {
      JsonNode node = MAPPER.readTree(fixed);
      if (node == null || node.isMissingNode() || !node.isContainerNode()) {
        throw new ReplyFormatException(source + ": reply is not a JSON object: " + ReplyFormatException.excerpt(raw));
      }
      return node;
    } catch (ReplyFormatException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // Jackson reports bad input as JsonProcessingException, constraint breaches as runtime types
      throw new ReplyFormatException(source + ": unreadable JSON (" + firstLine(e.getMessage()) + "): "
          + ReplyFormatException.excerpt(raw), e);
    }
  }

  private static String firstLine(String m) {
    if (m == null) return "no detail";
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
