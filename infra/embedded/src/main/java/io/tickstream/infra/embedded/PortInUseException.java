package io.tickstream.infra.embedded;

/** A port the stack needs is taken by another process. */
public final class PortInUseException extends RuntimeException {
  private final int port;

  public PortInUseException(int port, String what) {
    super(
        "port "
            + port
            + " (for the "
            + what
            + ") is already in use: stop whatever listens there (ss -ltnp 'sport = :"
            + port
            + "') or choose another port with the matching --*-port option");
    this.port = port;
  }

  /** The port that was taken. */
  public int port() {
    return port;
  }
}
