package io.tickstream.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.transformer.FormTransformer;
import io.vertx.openapi.validation.transformer.ParameterTransformer;
import io.vertx.openapi.validation.transformer.SimpleTransformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shortcut of {@link ParameterValidation} answers exactly what Vert.x OpenAPI's own
 * transformers answer (the reference), for string, integer and enum parameters of {@code
 * openapi.yaml}, on a corpus of tricky values and on random ones.
 */
class ParameterValidationTest {
  static Vertx vertx;
  static OpenAPIContract contract;

  @BeforeAll
  static void load() throws Exception {
    vertx = Vertx.vertx();
    contract = OpenAPIContract.from(vertx, ApiRouter.OPENAPI).await(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  static final List<String> CORPUS =
      List.of(
          "BTCUSDT.BINANCE",
          "INS-7",
          "AAPL.XNAS",
          "1m",
          "60",
          "-1",
          "1.5",
          "1e3",
          "true",
          "false",
          "null",
          "NaN",
          "Infinity",
          "true-x",
          "null-1",
          "nullx",
          "\"quoted\"",
          "\"x",
          "a\\nb",
          "a b",
          " a",
          "é",
          "[1]",
          "{\"a\":1}",
          "x.5",
          "a:b",
          "-ts",
          "ts",
          "' OR '1'='1",
          "1; DROP TABLE trades;--",
          "$1) OR (1=1",
          "_x",
          ".x",
          ":x");

  @Test
  void instrumentIdsAreTakenAsIs() {
    Parameter id = parameter("getLatestPrice", "instrumentId");

    assertThat(ParameterValidation.passesAsIs(id, "BTCUSDT.BINANCE")).isTrue();
    assertThat(ParameterValidation.passesAsIs(id, "INS-7")).isTrue();
    assertThat(ParameterValidation.passesAsIs(id, "\"quoted\"")).isFalse();
    assertThat(ParameterValidation.passesAsIs(parameter("listBars", "limit"), "60")).isFalse();
  }

  @Test
  void pathAndQueryValuesTransformAsTheLibraryDoes() {
    List<String> values = new ArrayList<>(CORPUS);
    Random random = new Random(8);
    String alphabet = "aZt9_.:-\"\\ ,[{1e";
    for (int i = 0; i < 400; i++) {
      StringBuilder s = new StringBuilder();
      for (int n = 1 + random.nextInt(8); n > 0; n--) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      values.add(s.toString());
    }
    List<Parameter> parameters =
        List.of(
            parameter("getLatestPrice", "instrumentId"),
            parameter("listBars", "spec"),
            parameter("listBars", "limit"),
            parameter("listTrades", "sort"),
            parameter("listSignals", "strategy"));
    for (Parameter p : parameters) {
      ParameterTransformer reference =
          p.getStyle() == io.vertx.openapi.contract.Style.FORM
              ? new FormTransformer()
              : new SimpleTransformer();
      ParameterTransformer ours =
          p.getStyle() == io.vertx.openapi.contract.Style.FORM
              ? new ParameterValidation.PlainForm()
              : new ParameterValidation.PlainSimple();
      for (String value : values) {
        assertThat(outcome(ours, p, value))
            .as("%s = %s", p.getName(), value)
            .isEqualTo(outcome(reference, p, value));
      }
    }
  }

  /** The transformed value, or the class of the exception. */
  private static Object outcome(ParameterTransformer t, Parameter p, String value) {
    try {
      return t.transform(p, value);
    } catch (RuntimeException e) {
      return e.getClass();
    }
  }

  private static Parameter parameter(String operationId, String name) {
    return contract.operation(operationId).getParameters().stream()
        .filter(p -> p.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
