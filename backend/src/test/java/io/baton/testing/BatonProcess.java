package io.baton.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.springframework.core.env.Environment;

import static org.awaitility.Awaitility.await;

/**
 * Baton as a separate operating-system process (a child JVM on the test's class path)
 * against the database of a test's own context, so a test can kill it as a crash would.
 * Its output goes to {@code target/baton-processes/{name}.log}. A child still running
 * when the test JVM exits is killed then, so none outlives the build.
 */
public final class BatonProcess implements AutoCloseable {

	private static final Set<Process> running = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> running.forEach(Process::destroyForcibly), "kill-baton-processes"));
	}

	private static final HttpClient http = TestHttp.builder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final int port;

	private final Path log;

	private final Process process;

	private BatonProcess(String name, int port, Path log, Process process) {
		this.name = name;
		this.port = port;
		this.log = log;
		this.process = process;
	}

	/**
	 * Starts Baton on a free port against the database {@code test} (a test's context)
	 * uses, with {@code properties} ({@code key=value}) added, and waits until it is
	 * healthy. A {@code baton.db.*} property given replaces the test's own (a proxy in
	 * front of the database, say).
	 */
	public static BatonProcess start(String name, Environment test, String... properties) {
		int port = BatonTestContext.freePort();
		Path log = Path.of("target", "baton-processes", name + ".log");
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "io.baton.BatonApplication",
				"--server.port=" + port, "--baton.public-url=http://localhost:" + port,
				"--baton.db.create-if-missing=false", "--baton.demo.enabled=false", "--spring.r2dbc.pool.max-size=8",
				"--logging.level.io.baton=INFO"));
		for (String key : List.of("host", "port", "name", "username", "password")) {
			boolean given = Arrays.stream(properties)
				.anyMatch((property) -> property.startsWith("baton.db." + key + "="));
			if (!given) {
				command.add("--baton.db." + key + "=" + test.getRequiredProperty("baton.db." + key));
			}
		}
		for (String property : properties) {
			command.add("--" + property);
		}
		try {
			Files.createDirectories(log.getParent());
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			running.add(process);
			BatonProcess baton = new BatonProcess(name, port, log, process);
			try {
				baton.awaitHealthy();
			}
			catch (RuntimeException | Error ex) {
				baton.kill();
				throw ex;
			}
			return baton;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String baseUrl() {
		return "http://localhost:" + this.port;
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Kills the process at once ({@code SIGKILL}: no shutdown hook, no graceful stop).
	 */
	public void kill() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor(20, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (!this.process.isAlive()) {
			running.remove(this.process);
		}
	}

	/**
	 * Asks the process to stop ({@code SIGTERM}, as an orchestrator does) and answers
	 * whether it exited within {@code patience}.
	 */
	public boolean terminate(Duration patience) {
		this.process.destroy();
		try {
			boolean exited = this.process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
			if (exited) {
				running.remove(this.process);
			}
			return exited;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public void close() {
		kill();
	}

	private void awaitHealthy() {
		await(this.name + " healthy (see " + this.log.toAbsolutePath() + ")").atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(250))
			.failFast(this.name + " exited; see " + this.log.toAbsolutePath(), () -> !this.process.isAlive())
			.ignoreExceptions()
			.until(() -> http
				.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.discarding())
				.statusCode() == 200);
	}

	@Override
	public String toString() {
		return this.name + " on port " + this.port;
	}

}
