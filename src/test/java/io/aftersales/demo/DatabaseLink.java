package io.aftersales.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The network between the application and its database, as a TCP relay that a test can cut and mend:
 * {@link #cut()} drops every open connection and refuses new ones, as a stopped or unreachable database
 * server would; {@link #restore()} lets connections through again. Used by the integration tests to inject
 * database outages into a running application (the demo run connects directly).
 */
public final class DatabaseLink implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DatabaseLink.class);

  private final int targetPort;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean up = true;
  private final ServerSocket server;
  private final Thread acceptor;

  DatabaseLink(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::accept, "database-link");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  /** The database becomes unreachable: open connections break, new ones are refused at once. */
  public void cut() {
    up = false;
    for (Socket socket : open)
      closeQuietly(socket);
    open.clear();
    log.warn("Database link cut");
  }

  public void restore() {
    up = true;
    log.warn("Database link restored");
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        if (!up) {
          client.setSoLinger(true, 0); // a reset, as from a host whose database is not listening
          closeQuietly(client);
          continue;
        }
        Socket database = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        open.add(client);
        open.add(database);
        pump(client, database);
        pump(database, client);
      } catch (IOException e) {
        if (!server.isClosed()) log.debug("database link: {}", e.toString());
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (SocketException e) {
        // cut, or the other side closed
      } catch (IOException e) {
        log.debug("database link pump: {}", e.toString());
      } finally {
        closeQuietly(from);
        closeQuietly(to);
        open.remove(from);
        open.remove(to);
      }
    }, "database-link-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : open)
      closeQuietly(socket);
  }
}
