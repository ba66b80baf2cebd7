package io.baton.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy in front of PostgreSQL, for outages without touching the shared cluster:
 * {@link Mode#FORWARD} passes bytes both ways; {@link Mode#REFUSE} cuts every open
 * connection and closes each new one at once (a database that is down);
 * {@link Mode#BLACK_HOLE} keeps connections open and passes nothing (a network that drops
 * packets).
 */
public final class TcpProxy implements AutoCloseable {

	public enum Mode {

		FORWARD, REFUSE, BLACK_HOLE

	}

	private final ServerSocket server;

	private final String targetHost;

	private final int targetPort;

	private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.FORWARD);

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	public TcpProxy(String targetHost, int targetPort) {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		try {
			this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread acceptor = new Thread(this::accept, "tcp-proxy-" + port());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public int port() {
		return this.server.getLocalPort();
	}

	public void set(Mode next) {
		this.mode.set(next);
		if (next == Mode.REFUSE) {
			this.open.forEach(TcpProxy::quietlyClose);
			this.open.clear();
		}
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				if (this.mode.get() == Mode.REFUSE) {
					quietlyClose(client);
					continue;
				}
				Socket upstream = new Socket(this.targetHost, this.targetPort);
				this.open.add(client);
				this.open.add(upstream);
				pump(client, upstream);
				pump(upstream, client);
			}
			catch (IOException ex) {
				// the server closed, or one connection failed: go on with the next
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread pumping = new Thread(() -> {
			byte[] buffer = new byte[16 * 1024];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					while (this.mode.get() == Mode.BLACK_HOLE && !from.isClosed()) {
						Thread.sleep(50);
					}
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// one side went away
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				quietlyClose(from);
				quietlyClose(to);
				this.open.remove(from);
				this.open.remove(to);
			}
		}, "tcp-proxy-pump");
		pumping.setDaemon(true);
		pumping.start();
	}

	private static void quietlyClose(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already gone
		}
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// already closed
		}
		this.open.forEach(TcpProxy::quietlyClose);
	}

}
