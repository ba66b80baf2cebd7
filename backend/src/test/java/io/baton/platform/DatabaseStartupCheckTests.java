package io.baton.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.baton.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Baton started against a PostgreSQL that is not there says so in one line, naming the
 * URL it tried and how to point it elsewhere, and exits non-zero. Slow tier: it starts
 * Baton in a child JVM.
 */
@Tag("slow")
class DatabaseStartupCheckTests {

	@Test
	void unreachableDatabaseEndsStartUpWithOneClearLine() throws Exception {
		int closedPort = closedPort();
		Process baton = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), "io.baton.BatonApplication", "--baton.db.host=127.0.0.1",
				"--baton.db.port=" + closedPort, "--server.port=0")
			.redirectErrorStream(true)
			.start();

		boolean exited = baton.waitFor(60, TimeUnit.SECONDS);
		String output = new String(baton.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!exited) {
			baton.destroyForcibly();
		}

		assertThat(exited).as("Baton exits instead of waiting: " + output).isTrue();
		assertThat(baton.exitValue()).isNotZero();
		List<String> lines = output.lines().filter((line) -> !line.isBlank()).toList();
		assertThat(lines).as(output).hasSize(1);
		assertThat(lines.get(0)).contains("jdbc:postgresql://127.0.0.1:" + closedPort + "/baton")
			.contains("BATON_DB_HOST");
	}

	@Test
	void aMissingDatabaseIsCreatedOnlyWhenAllowed() {
		TestDatabase.Coordinates missing = TestDatabase.uncreated("baton_test_missing_" + System.nanoTime());
		DatabaseSettings notAllowed = new DatabaseSettings(missing.host(), missing.port(), missing.name(),
				missing.username(), missing.password(), "baton_app", "", false);
		DatabaseSettings allowed = new DatabaseSettings(missing.host(), missing.port(), missing.name(),
				missing.username(), missing.password(), "baton_app", "", true);

		assertThat(DatabaseStartupCheck.problemReaching(notAllowed)).contains("does not exist");
		assertThat(DatabaseStartupCheck.problemReaching(allowed)).isNull();
		assertThat(DatabaseStartupCheck.problemReaching(notAllowed)).as("it exists now").isNull();
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
