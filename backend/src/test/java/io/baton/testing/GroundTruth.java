package io.baton.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.baton.platform.DatabaseSettings;

/**
 * The database as the login role sees it: a superuser here, it bypasses row-level
 * security, so what it reads is the ground truth a test checks Baton against.
 */
public final class GroundTruth {

	private GroundTruth() {
	}

	/** Reads one row of a result (the cursor is on it). */
	@FunctionalInterface
	public interface RowReader<T> {

		T read(ResultSet row) throws SQLException;

	}

	public static Connection connect(DatabaseSettings database) throws SQLException {
		return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
	}

	/** Every row of the query, each read by the reader. */
	public static <T> List<T> rows(DatabaseSettings database, String query, RowReader<T> reader) throws SQLException {
		List<T> values = new ArrayList<>();
		try (Connection connection = connect(database);
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(query)) {
			while (rows.next()) {
				values.add(reader.read(rows));
			}
		}
		return values;
	}

	public static void execute(DatabaseSettings database, String sql) throws SQLException {
		try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
