package io.tickstream.api;

import static io.vertx.json.schema.common.dsl.SchemaType.STRING;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.json.schema.JsonSchemaValidationException;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.contract.Style;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.ValidatedRequest;
import io.vertx.openapi.validation.ValidatorException;
import io.vertx.openapi.validation.impl.RequestParameterImpl;
import io.vertx.openapi.validation.impl.ValidatedRequestImpl;
import io.vertx.openapi.validation.transformer.FormTransformer;
import io.vertx.openapi.validation.transformer.LabelTransformer;
import io.vertx.openapi.validation.transformer.MatrixTransformer;
import io.vertx.openapi.validation.transformer.ParameterTransformer;
import io.vertx.openapi.validation.transformer.SimpleTransformer;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates requests against {@code openapi.yaml} as Vert.x OpenAPI's {@code RequestValidator}
 * does, with the same transformers, schemas and exceptions, but without its two costs on every
 * request: Vert.x OpenAPI 5.0 builds a new schema validator per parameter per request (copying the
 * contract's whole schema lookup map each time), and runs the validation on the worker pool. In
 * profiles under load that was over half the CPU of a latest-price request. Here each parameter's
 * validator is built once (a validator keeps no state between calls) and parameters are checked on
 * the event loop, which takes microseconds. Operations with a request body (the admin writes) still
 * go through the library's validator unchanged.
 *
 * <p>Mount with {@link #handler} on each operation's route, in place of the builder's own
 * validation ({@code OpenAPIRoute.setDoValidation(false)}).
 */
final class ParameterValidation {
  private final OpenAPIContract contract;
  private final RequestExtractor extractor;
  private final RequestValidator library;
  private final Map<Style, ParameterTransformer> transformers = new EnumMap<>(Style.class);

  ParameterValidation(Vertx vertx, OpenAPIContract contract, RequestExtractor extractor) {
    this.contract = contract;
    this.extractor = extractor;
    this.library = RequestValidator.create(vertx, contract);
    transformers.put(Style.SIMPLE, new PlainSimple());
    transformers.put(Style.LABEL, new LabelTransformer());
    transformers.put(Style.MATRIX, new MatrixTransformer());
    transformers.put(Style.FORM, new PlainForm());
  }

  /**
   * The route handler validating {@code operation}: puts the validated request in the context as
   * the builder's handler does, or fails with 400 carrying the {@link ValidatorException}.
   */
  Handler<RoutingContext> handler(Operation operation) {
    List<Parameter> parameters = List.copyOf(operation.getParameters());
    List<Validator> validators =
        parameters.stream()
            .map(p -> contract.getSchemaRepository().validator(p.getSchema()))
            .toList();
    return ctx ->
        extractor
            .extractValidatableRequest(ctx, operation)
            .compose(request -> validate(request, operation, parameters, validators))
            .onSuccess(
                validated -> {
                  ctx.put(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST, validated);
                  ctx.next();
                })
            .onFailure(
                e ->
                    ctx.fail(
                        e instanceof ValidatorException
                            ? new HttpException(400, e.getMessage(), e)
                            : e));
  }

  /** Validates {@code request}; {@code validators.get(i)} checks {@code parameters.get(i)}. */
  private Future<ValidatedRequest> validate(
      ValidatableRequest request,
      Operation operation,
      List<Parameter> parameters,
      List<Validator> validators) {
    if (operation.getRequestBody() != null) {
      return library.validate(request, operation.getOperationId());
    }
    try {
      Map<String, RequestParameter> cookies = new HashMap<>();
      Map<String, RequestParameter> headers = new HashMap<>();
      Map<String, RequestParameter> path = new HashMap<>();
      Map<String, RequestParameter> query = new HashMap<>();
      for (int i = 0; i < parameters.size(); i++) {
        Parameter p = parameters.get(i);
        Validator v = validators.get(i);
        String name = p.getName();
        switch (p.getIn()) {
          case COOKIE -> cookies.put(name, parameter(p, v, request.getCookies().get(name)));
          case HEADER -> headers.put(name, parameter(p, v, request.getHeaders().get(name)));
          case PATH -> path.put(name, parameter(p, v, request.getPathParameters().get(name)));
          case QUERY -> query.put(name, parameter(p, v, request.getQuery().get(name)));
        }
      }
      return Future.succeededFuture(
          new ValidatedRequestImpl(cookies, headers, path, query, new RequestParameterImpl(null)));
    } catch (ValidatorException e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * Whether the library's {@code transformPrimitive} would return {@code raw} itself: a string
   * parameter whose value is a word ({@code \\w+}, returned as is), or starts with a letter and
   * holds only word characters, '.', ':' and '-' (not JSON, so the library's retry as the JSON
   * string {@code "raw"} decodes to {@code raw}). Instrument ids such as {@code BTCUSDT.BINANCE}
   * and {@code INS-7} take this path; the library's path costs a regex compile and, for the second
   * kind, a JSON decode that fails with an exception. {@code ParameterValidationTest} holds it to
   * the library's answer.
   */
  static boolean passesAsIs(Parameter parameter, String raw) {
    return STRING.equals(parameter.getSchemaType()) && PLAIN.matcher(raw).matches();
  }

  private static final Pattern PLAIN = Pattern.compile("\\w+|[A-Za-z][\\w.:-]*");

  /** The library's SIMPLE style with the {@link #passesAsIs} shortcut. */
  static final class PlainSimple extends SimpleTransformer {
    @Override
    public Object transformPrimitive(Parameter parameter, String raw) {
      return passesAsIs(parameter, raw) ? raw : super.transformPrimitive(parameter, raw);
    }
  }

  /** The library's FORM style with the {@link #passesAsIs} shortcut. */
  static final class PlainForm extends FormTransformer {
    @Override
    public Object transformPrimitive(Parameter parameter, String raw) {
      return passesAsIs(parameter, raw) ? raw : super.transformPrimitive(parameter, raw);
    }
  }

  private RequestParameter parameter(
      Parameter parameter, Validator validator, RequestParameter value) {
    if (value == null || value.isNull()) {
      if (parameter.isRequired()) {
        throw ValidatorException.createMissingRequiredParameter(parameter);
      }
      return new RequestParameterImpl(null);
    }
    ParameterTransformer transformer = transformers.get(parameter.getStyle());
    if (transformer == null) {
      throw ValidatorException.createUnsupportedValueFormat(parameter);
    }
    Object transformed = transformer.transform(parameter, String.valueOf(value.get()));
    OutputUnit result = validator.validate(transformed);
    try {
      result.checkValidity();
      return new RequestParameterImpl(transformed);
    } catch (JsonSchemaValidationException e) {
      throw SchemaValidationException.createErrorFromOutputUnitType(parameter, result, e);
    }
  }
}
