package io.tickstream.ingest.binance;

import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the venue's trade ids, which rise by one per trade and symbol: a jump means trades were
 * missed (typically while reconnecting). Reports each gap with its range in a WARN log and returns
 * its size for the metrics. Ids at or below the last seen (a replay after reconnecting) are not
 * gaps. Thread-safe.
 */
public final class TradeIdGapDetector {
  private static final Logger LOG = LoggerFactory.getLogger(TradeIdGapDetector.class);

  private final String feed;
  private final Map<String, Long> lastIds = new HashMap<>();

  /**
   * @param feed the feed's name, for the log
   */
  public TradeIdGapDetector(String feed) {
    this.feed = feed;
  }

  /**
   * Records trade {@code id} of {@code symbol}.
   *
   * @return how many trade ids were skipped before it (0 when none)
   */
  public synchronized long observe(String symbol, long id) {
    Long last = lastIds.get(symbol);
    if (last == null || id > last) {
      lastIds.put(symbol, id);
    }
    if (last == null || id <= last + 1) {
      return 0;
    }
    long missing = id - last - 1;
    LOG.warn(
        "{}: gap in {} trades: ids {}..{} missing ({} trades)",
        feed,
        symbol,
        last + 1,
        id - 1,
        missing);
    return missing;
  }
}
