package io.baton.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each test application context its own fresh database and its own port, so that
 * the public URL (which the sandbox's login redirects use) is known before the server
 * starts.
 */
public class BatonTestContext implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String label = context.getEnvironment().getProperty("baton.test.label", "app");
		TestDatabase.Coordinates database = TestDatabase.createFresh(label);
		int port = freePort();
		Map<String, Object> properties = new HashMap<>();
		properties.put("baton.db.host", database.host());
		properties.put("baton.db.port", database.port());
		properties.put("baton.db.name", database.name());
		properties.put("baton.db.username", database.username());
		properties.put("baton.db.password", database.password());
		properties.put("baton.db.create-if-missing", false);
		properties.put("server.port", port);
		properties.put("baton.public-url", "http://localhost:" + port);
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("batonTest", properties));
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("No free port", ex);
		}
	}

}
