package io.baton.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.baton.testing.BatonTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raw batches and delivery attempts live in daily partitions: made ahead of time, dropped
 * whole after the retention.
 */
@BatonTest
class DailyPartitionsTests {

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	@Autowired
	DailyPartitions partitions;

	@Autowired
	DatabaseSettings database;

	@Test
	void partitionsExistFromYesterdayToAWeekAhead() throws SQLException {
		this.partitions.maintain().block();

		LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
		for (String table : List.of("webhook_batches", "delivery_attempts")) {
			assertThat(partitionNames(table)).contains(name(table, today.minusDays(1)), name(table, today),
					name(table, today.plusDays(7)));
		}
	}

	@Test
	void partitionsOlderThanTheRetentionAreDroppedWhole() throws SQLException {
		LocalDate old = LocalDate.now(java.time.ZoneOffset.UTC).minusDays(30);
		LocalDate kept = LocalDate.now(java.time.ZoneOffset.UTC).minusDays(10);
		List<String> tables = List.of("webhook_batches", "delivery_attempts");
		for (String table : tables) {
			for (LocalDate day : List.of(old, kept)) {
				execute("CREATE TABLE baton." + name(table, day) + " PARTITION OF baton." + table
						+ " FOR VALUES FROM ('" + day + "') TO ('" + day.plusDays(1) + "')");
			}
		}

		// The run at start-up may still be going and drop some of them itself.
		Integer dropped = this.partitions.maintain().block();

		assertThat(dropped).isBetween(0, 2);
		for (String table : tables) {
			assertThat(partitionNames(table)).doesNotContain(name(table, old)).contains(name(table, kept));
		}
	}

	private static String name(String table, LocalDate day) {
		return table + "_" + DAY.format(day);
	}

	private List<String> partitionNames(String table) throws SQLException {
		List<String> names = new ArrayList<>();
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid ="
						+ " i.inhrelid JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = '" + table + "'")) {
			while (rows.next()) {
				names.add(rows.getString(1));
			}
		}
		return names;
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(this.database.jdbcUrl(), this.database.username(), this.database.password());
	}

}
