package io.tickstream.jobs.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstream.execution.backtest.sweep.RankingMetric;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SweepJobOptionsTest {

  private static final String[] VALID = {
    "--csv", "bars.csv",
    "--instrument", "AAPL.XNAS",
    "--spec", "1d",
    "--strategy", "ma-crossover",
    "--grid", "fast=5,10;slow=10,30",
    "--out", "ranked.csv"
  };

  private static String[] with(String... more) {
    List<String> args = new ArrayList<>(Arrays.asList(VALID));
    for (int i = 0; i < more.length; i += 2) {
      int at = args.indexOf(more[i]);
      if (at >= 0) {
        args.set(at + 1, more[i + 1]);
      } else {
        args.add(more[i]);
        args.add(more[i + 1]);
      }
    }
    return args.toArray(String[]::new);
  }

  @Test
  void validArgumentsGiveTheGridWithoutInconsistentCombinations() {
    SweepJobConfig c = SweepJobOptions.parse(VALID);
    // fast=10, slow=10 is not a crossover: left out, as ParameterGrid documents.
    assertThat(c.cases()).hasSize(3);
    assertThat(c.metric()).isEqualTo(RankingMetric.SHARPE);
    assertThat(c.instruments()).containsExactly("AAPL.XNAS");
    assertThat(c.periods()).containsExactly(SweepJobConfig.Period.ALL);
  }

  @Test
  void localPathsBecomeAbsoluteAndUrisStay() {
    SweepJobConfig c = SweepJobOptions.parse(with("--out", "s3://bucket/ranked.csv"));
    assertThat(c.out()).isEqualTo("s3://bucket/ranked.csv");
    assertThat(c.csv()).isEqualTo(java.nio.file.Path.of("bars.csv").toAbsolutePath().toString());
  }

  @Test
  void periodsParseDatesAndWarmUp() {
    SweepJobConfig c =
        SweepJobOptions.parse(with("--periods", "h1=2013-01-01/2013-03-01/2013-07-01"));
    SweepJobConfig.Period p = c.periods().get(0);
    assertThat(p.label()).isEqualTo("h1");
    assertThat(p.tradeFrom()).isEqualTo(SweepValues.time("2013-03-01"));
    assertThat(p.toEnd()).isEqualTo(SweepValues.time("2013-07-01T00:00:00Z"));
  }

  @Test
  void walkForwardWindowsParseDurations() {
    SweepJobConfig c = SweepJobOptions.parse(with("--walk-forward", "120d/30d/P30D"));
    assertThat(c.walkForward())
        .isEqualTo(
            new SweepJobConfig.Windows(
                120 * 86_400_000_000_000L, 30 * 86_400_000_000_000L, 30 * 86_400_000_000_000L));
  }

  @Test
  void missingRequiredOptionNamesIt() {
    String[] args = Arrays.copyOfRange(VALID, 2, VALID.length);
    assertThatThrownBy(() -> SweepJobOptions.parse(args))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--csv is required");
  }

  @Test
  void unknownOptionIsListed() {
    assertThatThrownBy(() -> SweepJobOptions.parse(with("--gird", "x")))
        .hasMessageContaining("unknown option(s) [gird]");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--metric|luck|--metric must be one of",
        "--sizing|half|--sizing must be",
        "--periods|x=2013-01-01|is not from/to",
        "--periods|x=2013-02-01/2013-01-01|fromEnd <= tradeFrom <= toEnd",
        "--cash|lots|--cash must be a decimal",
        "--participation|2|participationRate must be in (0, 1]",
        "--parallelism|-1|--parallelism must be a whole number",
        "--walk-forward|30d/10d|--walk-forward must be in/out/step",
        "--walk-forward|30d/soon/10d|'soon' is not a duration",
        "--walk-forward|30d/0d/10d|window lengths and step must be > 0"
      })
  void badValuesSayWhatWasExpected(String option, String value, String message) {
    assertThatThrownBy(() -> SweepJobOptions.parse(with(option, value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void gridWithoutValidCombinationGivesTheStrategysReason() {
    assertThatThrownBy(() -> SweepJobOptions.parse(with("--grid", "fsat=5;slow=10")))
        .hasMessageContaining("no valid parameter combination")
        .hasMessageContaining("missing required parameter 'fast'");
    assertThatThrownBy(() -> SweepJobOptions.parse(with("--strategy", "nope")))
        .hasMessageContaining("nope");
  }

  @Test
  void usageListsEveryOption() {
    String usage = SweepJobOptions.usage();
    SweepJobOptions.OPTIONS.keySet().forEach(k -> assertThat(usage).contains("--" + k));
  }
}
