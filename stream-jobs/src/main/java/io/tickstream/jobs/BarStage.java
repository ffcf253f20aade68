package io.tickstream.jobs;

import io.tickstream.schemas.avro.Bar;
import io.tickstream.schemas.avro.TradeTick;
import io.tickstream.schemas.serde.AvroRecordTypeInfo;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.OutputTag;

/**
 * The bar stage of the analytics job as a pure function of its input stream: trades in, bars of
 * every configured resolution and the trades that came too late out. No sources, sinks or
 * environment settings.
 */
public final class BarStage {
  /** Stable uid of the bar operator: its state survives upgrades under this name. */
  public static final String BARS_UID = "bars";

  /** Trades past the allowed lateness of at least one of their bars. */
  public static final OutputTag<TradeTick> LATE_TRADES =
      new OutputTag<>("late-trades", new AvroRecordTypeInfo<>(TradeTick.class));

  private BarStage() {}

  /**
   * What the stage produces.
   *
   * @param bars bars of every resolution, revisions included, in the Avro wire shape
   * @param lateTrades trades too late for at least one of their bars
   */
  public record Result(DataStream<Bar> bars, DataStream<TradeTick> lateTrades) {}

  /**
   * Event time of trades: {@code tsEvent} in milliseconds, bounded out-of-orderness and idleness
   * from {@code cfg}. Apply it in the source ({@code env.fromSource(source, strategy, name)}) so
   * that every Kafka partition keeps its own watermark; applied after a source that reads several
   * partitions, one partition running ahead would make another's trades late.
   */
  public static WatermarkStrategy<TradeTick> watermarkStrategy(AnalyticsJobConfig cfg) {
    WatermarkStrategy<TradeTick> strategy =
        WatermarkStrategy.<TradeTick>forBoundedOutOfOrderness(cfg.maxOutOfOrderness())
            .withTimestampAssigner((trade, previous) -> eventTimeMillis(trade));
    return cfg.idleness().isZero() ? strategy : strategy.withIdleness(cfg.idleness());
  }

  /**
   * Builds the bars of {@code trades}, which must carry event time and watermarks (see {@link
   * #watermarkStrategy}).
   */
  public static Result build(DataStream<TradeTick> trades, AnalyticsJobConfig cfg) {
    SingleOutputStreamOperator<Bar> bars =
        trades
            .keyBy(new InstrumentKey(), Types.STRING)
            .process(
                new BarAggregator(
                    cfg.resolutions(),
                    cfg.thresholdBars(),
                    cfg.allowedLateness(),
                    LATE_TRADES,
                    cfg.emptyBars(),
                    cfg.stateTtl()),
                // Bars cross the features' and signals' keyBy with BarSerializer, not Avro.
                BarSerializer.TYPE_INFO)
            .name("bars " + cfg.resolutionsText())
            .uid(BARS_UID);
    return new Result(bars, bars.getSideOutput(LATE_TRADES));
  }

  /** Flink event time of a trade: its nanosecond {@code tsEvent} floored to milliseconds. */
  public static long eventTimeMillis(TradeTick trade) {
    return Math.floorDiv(trade.getTsEvent(), 1_000_000L);
  }

  /** Keys trades by instrument. */
  public static final class InstrumentKey implements KeySelector<TradeTick, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(TradeTick trade) {
      return trade.getInstrumentId();
    }
  }
}
