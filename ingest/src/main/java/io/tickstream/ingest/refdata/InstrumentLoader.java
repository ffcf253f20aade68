package io.tickstream.ingest.refdata;

import io.tickstream.ingest.feed.TickPublisher;
import io.tickstream.schemas.avro.Instrument;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes instruments to the compacted {@code md.instruments}, keyed by instrument id, so the
 * topic keeps the latest definition of each.
 */
public final class InstrumentLoader {
  private static final Logger LOG = LoggerFactory.getLogger(InstrumentLoader.class);

  private InstrumentLoader() {}

  /**
   * Publishes and waits for every acknowledgement.
   *
   * @return how many were acknowledged
   * @throws IllegalStateException if any could not be published
   */
  public static long load(List<Instrument> instruments, TickPublisher<Instrument> publisher) {
    long before = publisher.acknowledged();
    long failedBefore = publisher.failed();
    for (Instrument i : instruments) {
      publisher.publish(i.getInstrumentId(), i);
    }
    publisher.flush();
    long failed = publisher.failed() - failedBefore;
    if (failed > 0) {
      throw new IllegalStateException(
          failed
              + " of "
              + instruments.size()
              + " instruments could not be published to "
              + publisher.topic().name());
    }
    long n = publisher.acknowledged() - before;
    LOG.info("{} instruments published to {}", n, publisher.topic().name());
    return n;
  }
}
