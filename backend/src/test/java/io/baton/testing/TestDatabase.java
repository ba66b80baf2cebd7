package io.baton.testing;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.core.ConditionTimeoutException;
import org.testcontainers.postgresql.PostgreSQLContainer;

import static org.awaitility.Awaitility.await;

/**
 * The PostgreSQL server tests run against, and a fresh database on it per test class.
 * <p>
 * {@code BATON_TEST_DB=postgresql://user[:password]@host:port} names a server (CI and
 * machines without Docker); without it, Testcontainers starts one where Docker runs;
 * without either, tests fail at once with a message saying so.
 */
public final class TestDatabase {

	public static final String SERVER_VARIABLE = "BATON_TEST_DB";

	private static final List<String> created = new CopyOnWriteArrayList<>();

	private static volatile Server server;

	private TestDatabase() {
	}

	/** Coordinates of one database. */
	public record Coordinates(String host, int port, String name, String username, String password) {

		public String jdbcUrl() {
			return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + this.name;
		}

		public Connection connect() throws SQLException {
			return DriverManager.getConnection(jdbcUrl(), this.username, this.password);
		}

	}

	private record Server(String host, int port, String username, String password) {

		Coordinates database(String name) {
			return new Coordinates(this.host, this.port, name, this.username, this.password);
		}

	}

	/**
	 * Coordinates of a database on the test server that the caller will create (and
	 * drop).
	 */
	public static Coordinates uncreated(String name) {
		created.add(name);
		return server().database(name);
	}

	/** Creates an empty database, dropped when the test JVM exits. */
	public static Coordinates createFresh(String label) {
		Server server = server();
		String name = "baton_test_" + label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_") + "_"
				+ UUID.randomUUID().toString().substring(0, 8);
		if (name.length() > 60) {
			name = name.substring(0, 51) + name.substring(name.length() - 9);
		}
		try (Connection connection = server.database("postgres").connect()) {
			connection.createStatement().execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database " + name + ": " + ex.getMessage(), ex);
		}
		created.add(name);
		return server.database(name);
	}

	private static synchronized Server server() {
		if (server == null) {
			server = locateServer();
			Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropCreated, "drop-test-databases"));
		}
		return server;
	}

	private static Server locateServer() {
		String configured = System.getenv(SERVER_VARIABLE);
		if (configured != null && !configured.isBlank()) {
			return parse(configured.strip());
		}
		if (dockerLooksAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
			container.start();
			return new Server(container.getHost(), container.getFirstMappedPort(), container.getUsername(),
					container.getPassword());
		}
		throw new IllegalStateException("No PostgreSQL for tests: set " + SERVER_VARIABLE
				+ "=postgresql://postgres@127.0.0.1:5432 (a server where this user may create databases),"
				+ " or run Docker so that Testcontainers can start one.");
	}

	private static boolean dockerLooksAvailable() {
		return System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"))
				|| Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
	}

	/**
	 * The shared application contexts are still open when the JVM exits, and close in
	 * Spring's own shutdown hook, beside this one: their databases are dropped once they
	 * have disconnected (or after a while, by force), not under their feet.
	 */
	private static void awaitDisconnected(Connection connection) {
		try {
			await("test databases disconnected").atMost(Duration.ofSeconds(20))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> connectionsTo(connection, created) == 0);
		}
		catch (ConditionTimeoutException ex) {
			System.err.println("Test databases still in use; dropping them anyway: " + created);
		}
	}

	private static long connectionsTo(Connection connection, List<String> names) throws SQLException {
		try (PreparedStatement count = connection
			.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE datname = ANY (?)")) {
			count.setArray(1, connection.createArrayOf("text", names.toArray()));
			try (ResultSet rows = count.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	static Server parse(String url) {
		URI uri = URI.create(url.replaceFirst("^jdbc:", ""));
		String userInfo = (uri.getUserInfo() != null) ? uri.getUserInfo() : "postgres";
		String[] parts = userInfo.split(":", 2);
		return new Server(uri.getHost(), (uri.getPort() > 0) ? uri.getPort() : 5432, parts[0],
				(parts.length > 1) ? parts[1] : "");
	}

	private static void dropCreated() {
		try (Connection connection = server.database("postgres").connect()) {
			awaitDisconnected(connection);
			for (String name : created) {
				connection.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			}
		}
		catch (SQLException ex) {
			System.err.println("Could not drop test databases " + created + ": " + ex.getMessage());
		}
	}

}
