package io.tickstream.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The only writes of the API: admin actions, each in one transaction with its audit row, so an
 * action is never applied without its audit entry (nor audited without being applied).
 */
final class AdminStatements {
  private static final String KILL_SWITCH =
      "INSERT INTO kill_switch (scope, engaged, reason, updated_at, updated_by)"
          + " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (scope) DO UPDATE SET engaged = EXCLUDED.engaged,"
          + " reason = EXCLUDED.reason, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by";
  private static final String RISK_LIMITS =
      "INSERT INTO risk_limits (account_id, max_order_quantity, max_order_notional,"
          + " max_position_quantity, max_drawdown, max_orders_per_minute, updated_at, updated_by)"
          + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (account_id) DO UPDATE SET"
          + " max_order_quantity = EXCLUDED.max_order_quantity,"
          + " max_order_notional = EXCLUDED.max_order_notional,"
          + " max_position_quantity = EXCLUDED.max_position_quantity,"
          + " max_drawdown = EXCLUDED.max_drawdown,"
          + " max_orders_per_minute = EXCLUDED.max_orders_per_minute,"
          + " updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by";
  private static final String AUDIT =
      "INSERT INTO audit_log (ts, subject, action, target, details, client_ip)"
          + " VALUES ($1, $2, $3, $4, $5::jsonb, $6)";

  /** Who did it, from where, when. */
  record Actor(String subject, String clientIp, Instant at) {}

  /** Risk limits as validated from a request body. */
  record RiskLimitsRow(
      BigDecimal maxOrderQuantity,
      BigDecimal maxOrderNotional,
      BigDecimal maxPositionQuantity,
      BigDecimal maxDrawdown,
      int maxOrdersPerMinute) {}

  private final Pool pool;

  AdminStatements(Pool pool) {
    this.pool = pool;
  }

  Future<Void> setKillSwitch(
      String scope, boolean engaged, String reason, Actor actor, JsonObject details) {
    return pool.withTransaction(
        c ->
            c.preparedQuery(KILL_SWITCH)
                .execute(Tuple.of(scope, engaged, reason, utc(actor.at()), actor.subject()))
                .compose(
                    r ->
                        audit(
                            c,
                            actor,
                            engaged ? "KILL_SWITCH_ENGAGE" : "KILL_SWITCH_RELEASE",
                            scope,
                            details)));
  }

  Future<Void> putRiskLimits(
      String accountId, RiskLimitsRow limits, Actor actor, JsonObject details) {
    return pool.withTransaction(
        c ->
            c.preparedQuery(RISK_LIMITS)
                .execute(
                    Tuple.tuple()
                        .addString(accountId)
                        .addBigDecimal(limits.maxOrderQuantity())
                        .addBigDecimal(limits.maxOrderNotional())
                        .addBigDecimal(limits.maxPositionQuantity())
                        .addBigDecimal(limits.maxDrawdown())
                        .addInteger(limits.maxOrdersPerMinute())
                        .addValue(utc(actor.at()))
                        .addString(actor.subject()))
                .compose(r -> audit(c, actor, "RISK_LIMITS_PUT", "account:" + accountId, details)));
  }

  private static Future<Void> audit(
      SqlConnection c, Actor actor, String action, String target, JsonObject details) {
    return c.preparedQuery(AUDIT)
        .execute(
            Tuple.of(
                utc(actor.at()),
                actor.subject(),
                action,
                target,
                details.encode(),
                actor.clientIp()))
        .mapEmpty();
  }

  private static Object utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }
}
