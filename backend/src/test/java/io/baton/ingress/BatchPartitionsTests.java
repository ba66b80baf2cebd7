package io.baton.ingress;

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

import io.baton.platform.DatabaseSettings;
import io.baton.testing.BatonTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raw batches live in daily partitions: made ahead of time, dropped whole after the
 * retention.
 */
@BatonTest(properties = { "baton.demo.enabled=false", "baton.retention.keep-days=14", "baton.retention.days-ahead=7" })
class BatchPartitionsTests {

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	@Autowired
	BatchPartitions partitions;

	@Autowired
	DatabaseSettings database;

	@Test
	void partitionsExistFromYesterdayToAWeekAhead() throws SQLException {
		this.partitions.maintain().block();

		LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
		assertThat(partitionNames()).contains(name(today.minusDays(1)), name(today), name(today.plusDays(7)));
	}

	@Test
	void partitionsOlderThanTheRetentionAreDroppedWhole() throws SQLException {
		LocalDate old = LocalDate.now(java.time.ZoneOffset.UTC).minusDays(30);
		LocalDate kept = LocalDate.now(java.time.ZoneOffset.UTC).minusDays(10);
		for (LocalDate day : List.of(old, kept)) {
			execute("CREATE TABLE baton." + name(day) + " PARTITION OF baton.webhook_batches FOR VALUES FROM ('" + day
					+ "') TO ('" + day.plusDays(1) + "')");
		}

		Integer dropped = this.partitions.maintain().block();

		assertThat(dropped).isEqualTo(1);
		assertThat(partitionNames()).doesNotContain(name(old)).contains(name(kept));
	}

	private static String name(LocalDate day) {
		return "webhook_batches_" + DAY.format(day);
	}

	private List<String> partitionNames() throws SQLException {
		List<String> names = new ArrayList<>();
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid ="
						+ " i.inhrelid JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'webhook_batches'")) {
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
