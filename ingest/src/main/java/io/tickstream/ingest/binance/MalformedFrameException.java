package io.tickstream.ingest.binance;

/**
 * A frame of the trade stream could not be turned into a trade. When the frame still named its
 * symbol and trade id, they are kept so the gap detector does not count the trade as missing.
 */
public final class MalformedFrameException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String symbol;
  private final long tradeId;

  /**
   * @param message what is wrong with the frame
   * @param symbol the frame's symbol, or {@code null}
   * @param tradeId the frame's trade id, or -1
   */
  public MalformedFrameException(String message, String symbol, long tradeId) {
    super(message);
    this.symbol = symbol;
    this.tradeId = tradeId;
  }

  /** The frame's symbol, or {@code null} when it had none. */
  public String symbol() {
    return symbol;
  }

  /** The frame's trade id, or -1 when it had none. */
  public long tradeId() {
    return tradeId;
  }
}
