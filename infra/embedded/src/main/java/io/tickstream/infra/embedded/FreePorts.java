package io.tickstream.infra.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Picks free loopback ports and checks requested ones, with a message that names the port. */
public final class FreePorts {
  private FreePorts() {}

  /** A port that was free a moment ago. */
  public static int pick() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port on loopback", e);
    }
  }

  /**
   * Returns {@code port} when nothing listens on it.
   *
   * @throws PortInUseException naming the port and what wanted it
   */
  public static int requireFree(int port, String what) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return port;
    } catch (IOException e) {
      throw new PortInUseException(port, what);
    }
  }
}
