package io.tickstream.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiMainTest {
  @Test
  void authenticationOnWithoutKeysIsRefusedNamingTheKey() {
    assertThatThrownBy(ApiMain::configure)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("auth.jwks")
        .hasMessageContaining("auth.enabled=false");
    assertThatThrownBy(() -> ApiMain.configure("--auth.enabled", "true"))
        .hasMessageContaining("set auth.jwks");
  }

  @Test
  void keysOrAnExplicitOptOutAreAccepted() {
    assertThat(ApiMain.configure("--auth.jwks", "/etc/tickstream/jwks.json").auth().configured())
        .isTrue();
    assertThat(ApiMain.configure("--auth.enabled", "false").auth().enabled()).isFalse();
  }
}
