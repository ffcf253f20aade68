package io.tickstream.signals.strategies;

import io.tickstream.signals.BarInput;
import io.tickstream.signals.Direction;
import io.tickstream.signals.Reason;
import io.tickstream.signals.Signal;
import io.tickstream.signals.indicators.Donchian;
import io.tickstream.signals.indicators.Sma;

/**
 * Volume-confirmed breakout: from FLAT, LONG when the close exceeds the highest high of the
 * previous {@code period} bars on a volume of at least {@code volumeMultiple} × their average
 * volume, SHORT on the same below the lowest low. A LONG exits when the close falls below the SMA
 * of the last {@code period} closes, a SHORT when it rises above it. Strength: volume / (multiple ×
 * average) at entry, capped at 1; 1 while holding. Warms up for {@code period + 1} bars.
 */
public final class VolumeBreakout extends PositionStrategy {
  private final int period;
  private final double volumeMultiple;
  private final Donchian channel;
  private final Sma volumes;
  private final Sma closes;

  /**
   * @param config the parameters
   * @param position held position
   * @param channel Donchian state
   * @param volumes SMA state of volumes
   * @param closes SMA state of closes
   */
  public record State(
      String config,
      Position position,
      Donchian.State channel,
      Sma.State volumes,
      Sma.State closes) {}

  public VolumeBreakout(String id, int period, double volumeMultiple, boolean allowShort) {
    super(id, allowShort);
    this.period = period;
    this.volumeMultiple = volumeMultiple;
    this.channel = new Donchian(period);
    this.volumes = new Sma(period);
    this.closes = new Sma(period);
  }

  @Override
  protected Signal decide(BarInput in) {
    boolean ready = channel.isReady();
    double high = channel.upper();
    double low = channel.lower();
    double avgVolume = volumes.value();
    channel.update(in);
    volumes.update(in.volume());
    double sma = closes.update(in.close());
    if (!ready) {
      return warmingUp(in, period + 1L);
    }
    double c = in.close();
    double vol = in.volume();
    boolean heavy = vol >= volumeMultiple * avgVolume;
    Reason v = () -> values(c, low, high, vol, avgVolume);
    switch (position) {
      case LONG:
        return c < sma
            ? exit(in, () -> "fell below SMA " + fmt(sma) + ": " + v.text())
            : hold(in, 1.0, v);
      case SHORT:
        return c > sma
            ? exit(in, () -> "rose above SMA " + fmt(sma) + ": " + v.text())
            : hold(in, 1.0, v);
      default:
        double strength = vol / (volumeMultiple * avgVolume);
        if (c > high && heavy) {
          return enter(in, Direction.LONG, strength, () -> "broke out up on volume: " + v.text());
        }
        if (c < low && heavy) {
          return enter(
              in, Direction.SHORT, strength, () -> "broke out down on volume: " + v.text());
        }
        return hold(in, 0.0, v);
    }
  }

  private static String values(double c, double low, double high, double vol, double avg) {
    return "close="
        + fmt(c)
        + " channel=["
        + fmt(low)
        + ", "
        + fmt(high)
        + "] volume="
        + fmt(vol)
        + " avg="
        + fmt(avg);
  }

  @Override
  protected String config() {
    return "volume-breakout(period="
        + period
        + ",volumeMultiple="
        + volumeMultiple
        + ",allowShort="
        + allowShort
        + ")";
  }

  @Override
  public State snapshot() {
    return new State(
        config(), position(), channel.snapshot(), volumes.snapshot(), closes.snapshot());
  }

  @Override
  public void restore(Record state) {
    State s = expect(State.class, state);
    checkConfig(s.config());
    channel.restore(s.channel());
    volumes.restore(s.volumes());
    closes.restore(s.closes());
    restorePosition(s.position());
  }
}
