package io.baton.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

/**
 * Runs before anything else starts: makes sure PostgreSQL answers (creating Baton's
 * database when allowed) and otherwise ends start-up with one line that says which
 * database was tried and how to point Baton elsewhere, instead of a wall of stack traces
 * from the connection pool and Flyway.
 */
public class DatabaseStartupCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	private static final String UNDEFINED_DATABASE = "3D000";

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		DatabaseSettings settings = Binder.get(event.getEnvironment())
			.bindOrCreate("baton.db", Bindable.of(DatabaseSettings.class));
		String problem = problemReaching(settings);
		if (problem != null) {
			System.err.println("Baton cannot start: PostgreSQL at " + settings.jdbcUrl() + " (user "
					+ settings.username() + ") " + problem
					+ ". Start PostgreSQL there, or point Baton elsewhere with BATON_DB_HOST, BATON_DB_PORT,"
					+ " BATON_DB_NAME, BATON_DB_USERNAME and BATON_DB_PASSWORD.");
			System.exit(2);
		}
	}

	static String problemReaching(DatabaseSettings settings) {
		try (Connection ignored = connect(settings, settings.name())) {
			return null;
		}
		catch (SQLException ex) {
			if (UNDEFINED_DATABASE.equals(ex.getSQLState()) && settings.createIfMissing()) {
				return createDatabase(settings);
			}
			return describe(ex);
		}
	}

	private static String createDatabase(DatabaseSettings settings) {
		try (Connection connection = connect(settings, "postgres")) {
			connection.createStatement().execute("CREATE DATABASE \"" + settings.name().replace("\"", "\"\"") + "\"");
			return null;
		}
		catch (SQLException ex) {
			return "has no database \"" + settings.name() + "\" and creating it failed: " + describe(ex);
		}
	}

	private static Connection connect(DatabaseSettings settings, String database) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", settings.username());
		properties.setProperty("password", settings.password());
		properties.setProperty("connectTimeout", "5");
		properties.setProperty("socketTimeout", "10");
		return DriverManager.getConnection(settings.jdbcUrl(database), properties);
	}

	private static String describe(SQLException ex) {
		Throwable cause = ex;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		return "could not be used (" + message.lines().findFirst().orElse(message).strip() + ")";
	}

}
