package io.tickstream.api;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tickstream.api.auth.Access;
import io.tickstream.api.auth.AuthHandler;
import io.tickstream.api.auth.Role;
import io.tickstream.api.limits.RateLimitHandler;
import io.tickstream.api.series.SeriesReader;
import io.tickstream.api.series.SeriesTables;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.openapi.contract.OpenAPIContract;
import java.time.Clock;

/**
 * Builds the router: the operations of {@code openapi.yaml} (validated by Vert.x OpenAPI) behind
 * the body limit, rate limits and authentication, plus {@code /openapi.yaml} and the web page.
 */
final class ApiRouter {
  /** The OpenAPI document, a class-path resource. */
  static final String OPENAPI = "openapi.yaml";

  private static final String API_PREFIX = "/api/v1/";
  private static final String STREAMS = "/api/v1/streams/:channel";

  private ApiRouter() {}

  static Future<Router> create(
      Vertx vertx,
      ApiConfig cfg,
      PrometheusMeterRegistry registry,
      ApiResources resources,
      AuthHandler auth) {
    ApiRoutes routes = bindings(cfg, registry, resources);
    RateLimitHandler rateLimits = new RateLimitHandler(cfg.limits());
    ErrorResponder errors = new ErrorResponder(cfg.limits().bodyMaxBytes(), cfg.maxPageSize());
    return OpenAPIContract.from(vertx, OPENAPI)
        .map(
            contract -> {
              // The body handler is a root handler (it enforces the size cap before
              // authentication), so
              // validation reads the body it buffered.
              RequestExtractor extractor = RequestExtractor.withBodyHandler();
              RouterBuilder builder = RouterBuilder.create(vertx, contract, extractor);
              builder.rootHandler(
                  BodyHandler.create(false).setBodyLimit(cfg.limits().bodyMaxBytes()));
              builder.rootHandler(ctx -> onApi(ctx, rateLimits::handle));
              builder.rootHandler(ctx -> onApi(ctx, auth::handle));
              routes.applyTo(builder, new ParameterValidation(vertx, contract, extractor));
              Router router = builder.createRouter();
              // An upgrade must reach toWebSocket() unread, so streams bypass the body handler and
              // the validator: a route ahead of the builder's, with the same limits, auth and role.
              router
                  .get(STREAMS)
                  .order(-1)
                  .handler(rateLimits::handle)
                  .handler(auth::handle)
                  .handler(Access.requireRole(Role.VIEWER))
                  .handler(routes.handler("openStream"));
              router.get("/" + OPENAPI).handler(ApiRouter::openApiDocument);
              router.get("/*").handler(StaticHandler.create("web").setCachingEnabled(true));
              router.route().failureHandler(errors::onFailure);
              router.errorHandler(400, errors::badRequest);
              router.errorHandler(404, errors::notFound);
              router.errorHandler(405, errors::methodNotAllowed);
              router.errorHandler(413, errors::bodyTooLarge);
              return router;
            });
  }

  /** Every operation of the document with its role and handler. */
  static ApiRoutes bindings(
      ApiConfig cfg, PrometheusMeterRegistry registry, ApiResources resources) {
    ApiQueries queries = resources.queries();
    SeriesReader reader = new SeriesReader(queries.pool());
    TradingQueries trading = new TradingQueries(queries.pool());
    InstrumentsEndpoint instruments = new InstrumentsEndpoint(queries);
    BarsEndpoint bars = new BarsEndpoint(queries, cfg);
    PricesEndpoint prices = new PricesEndpoint(trading, resources.latestPrices());
    AccountsEndpoint accounts = new AccountsEndpoint(trading, cfg);
    AdminEndpoint admin = new AdminEndpoint(new AdminStatements(queries.pool()), Clock.systemUTC());
    HealthEndpoint health = new HealthEndpoint(queries, resources.kafka());
    StreamEndpoint streams = new StreamEndpoint(resources.hub(), resources.channels());
    BacktestsEndpoint backtests = new BacktestsEndpoint(resources.backtests(), cfg);
    SeriesEndpoint trades =
        series(SeriesTables.TRADES, SeriesEndpoint.Owner.INSTRUMENT, reader, queries, cfg);
    SeriesEndpoint quotes =
        series(SeriesTables.QUOTES, SeriesEndpoint.Owner.INSTRUMENT, reader, queries, cfg);
    SeriesEndpoint features =
        series(SeriesTables.FEATURES, SeriesEndpoint.Owner.INSTRUMENT, reader, queries, cfg);
    SeriesEndpoint signals =
        series(SeriesTables.SIGNALS, SeriesEndpoint.Owner.NONE, reader, queries, cfg);
    SeriesEndpoint orders =
        series(SeriesTables.ORDERS, SeriesEndpoint.Owner.ACCOUNT, reader, queries, cfg);
    SeriesEndpoint events =
        series(SeriesTables.ORDER_EVENTS, SeriesEndpoint.Owner.ACCOUNT, reader, queries, cfg);
    SeriesEndpoint equity =
        series(SeriesTables.EQUITY, SeriesEndpoint.Owner.ACCOUNT, reader, queries, cfg);
    SeriesEndpoint deadLetters =
        series(SeriesTables.DEAD_LETTERS, SeriesEndpoint.Owner.NONE, reader, queries, cfg);
    return new ApiRoutes()
        .bind("listInstruments", Role.VIEWER, instruments::list)
        .bind("listTrades", Role.VIEWER, trades::list)
        .bind("listQuotes", Role.VIEWER, quotes::list)
        .bind("listFeatures", Role.VIEWER, features::list)
        .bind("listBars", Role.VIEWER, bars::list)
        .bind("listLatestPrices", Role.VIEWER, prices::all)
        .bind("getLatestPrice", Role.VIEWER, prices::one)
        .bind("listSignals", Role.VIEWER, signals::list)
        .bind("listAccounts", Role.VIEWER, accounts::list)
        .bind("listOrders", Role.TRADER, orders::list)
        .bind("getOrder", Role.TRADER, accounts::order)
        .bind("listOrderEvents", Role.TRADER, events::list)
        .bind("listPositions", Role.VIEWER, accounts::positions)
        .bind("listEquity", Role.VIEWER, equity::list)
        .bind("getPerformance", Role.VIEWER, accounts::performance)
        .bind("listDeadLetters", Role.ADMIN, deadLetters::list)
        .bind("setKillSwitch", Role.ADMIN, admin::killSwitch)
        .bind("putRiskLimits", Role.ADMIN, admin::riskLimits)
        .bind("openStream", Role.VIEWER, streams::open)
        .bind("createBacktest", Role.TRADER, backtests::create)
        .bind("getBacktest", Role.TRADER, backtests::get)
        .bind("health", null, health::check)
        .bind("liveness", null, health::live)
        .bind("readiness", null, health::check)
        .bind("metrics", null, PrometheusScrapingHandler.create(registry));
  }

  private static SeriesEndpoint series(
      io.tickstream.api.series.SeriesTable table,
      SeriesEndpoint.Owner owner,
      SeriesReader reader,
      ApiQueries queries,
      ApiConfig cfg) {
    return new SeriesEndpoint(table, owner, reader, queries, cfg);
  }

  /**
   * Rate limits and authentication apply to {@code /api/v1/*}, judged on the raw and the normalized
   * path alike so that no spelling of an API path ({@code /x/../api/v1/…}) slips past; a path that
   * cannot be decoded is a 400.
   */
  private static void onApi(RoutingContext ctx, io.vertx.core.Handler<RoutingContext> handler) {
    String raw = ctx.request().path();
    String normalized;
    try {
      normalized = ctx.normalizedPath();
    } catch (RuntimeException e) {
      ctx.fail(400);
      return;
    }
    if ((raw != null && raw.startsWith(API_PREFIX))
        || (normalized != null && normalized.startsWith(API_PREFIX))) {
      handler.handle(ctx);
    } else {
      ctx.next();
    }
  }

  private static void openApiDocument(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Type", "application/yaml; charset=utf-8")
        .sendFile(OPENAPI)
        .onFailure(ctx::fail);
  }
}
