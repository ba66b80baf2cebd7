package io.baton.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

import io.baton.testing.BatonTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code maintain_daily_partitions} runs with its owner's rights and {@code baton_app}
 * may call it: it refuses arguments that would drop today's or future partitions, or make
 * years of them (L1).
 */
@BatonTest
class PartitionMaintenanceArgumentsTests {

	@Autowired
	DatabaseSettings database;

	@Test
	void refusesANegativeOrZeroRetentionAndKeepsTodaysPartition() throws SQLException {
		assertThatThrownBy(() -> callAsTheAppRole(7, -1)).isInstanceOf(SQLException.class)
			.hasMessageContaining("p_keep_days");
		assertThatThrownBy(() -> callAsTheAppRole(7, 0)).isInstanceOf(SQLException.class)
			.hasMessageContaining("p_keep_days");

		assertThat(todaysPartitionExists()).isTrue();
	}

	@Test
	void refusesDaysAheadOutsideItsRange() {
		assertThatThrownBy(() -> callAsTheAppRole(-5, 14)).isInstanceOf(SQLException.class)
			.hasMessageContaining("p_days_ahead");
		assertThatThrownBy(() -> callAsTheAppRole(100_000, 14)).isInstanceOf(SQLException.class)
			.hasMessageContaining("p_days_ahead");
	}

	@Test
	void acceptsTheSettingsBatonUses() throws SQLException {
		callAsTheAppRole(7, 14);

		assertThat(todaysPartitionExists()).isTrue();
	}

	/**
	 * Calls it in a transaction that is rolled back, so no other test loses a partition.
	 */
	private void callAsTheAppRole(int daysAhead, int keepDays) throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			try {
				statement.execute("SET LOCAL ROLE " + this.database.appRole());
				statement.execute("SELECT baton.maintain_daily_partitions(" + daysAhead + ", " + keepDays + ")");
			}
			finally {
				connection.rollback();
			}
		}
	}

	private boolean todaysPartitionExists() throws SQLException {
		String today = "webhook_batches_" + DateTimeFormatter.BASIC_ISO_DATE.format(LocalDate.now(ZoneOffset.UTC));
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("SELECT count(*) FROM pg_class WHERE relname = '" + today + "'")) {
			rows.next();
			return rows.getInt(1) == 1;
		}
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(this.database.jdbcUrl(), this.database.username(), this.database.password());
	}

}
