package io.tickstream.execution;

import static io.tickstream.execution.TestOrders.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstream.execution.portfolio.Portfolio;
import io.tickstream.execution.risk.RiskLimits;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountConfigTest {

  private static final RiskLimits LIMITS =
      new RiskLimits(d(1), d(1), d(1), d(1), 1, 1, d(1), d("0.1"), Set.of());

  @Test
  void validConfigOpensAPortfolioWithItsCash() {
    Portfolio p = Portfolio.open(new AccountConfig("ACC-1", "USD", d(25_000), LIMITS));
    assertThat(p.cash()).isEqualByComparingTo("25000");
    assertThat(p.equity()).isEqualByComparingTo("25000");
  }

  @Test
  void invalidConfigSaysWhatIsWrong() {
    assertThatThrownBy(() -> new AccountConfig("ACC 1", "USD", d(1), LIMITS))
        .hasMessage("accountId must be 1-32 of [A-Za-z0-9._-], got 'ACC 1'");
    assertThatThrownBy(() -> new AccountConfig("A", "usd", d(1), LIMITS))
        .hasMessage("currency must be an ISO 4217 code like USD, got 'usd'");
    assertThatThrownBy(() -> new AccountConfig("A", "USD", d(0), LIMITS))
        .hasMessage("startingCash must be > 0, got 0");
  }
}
