package io.baton.delivery.process;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.concurrent.CopyOnWriteArrayList;

import io.baton.testing.BatonProcess;

import org.springframework.core.env.Environment;

/**
 * The Baton processes of one test, all on its context's database, with short leases and
 * polls so that a test sees recovery in seconds; all killed when the test ends, passed or
 * not.
 */
final class BatonProcesses implements AutoCloseable {

	private static final String[] QUICK = { "baton.delivery.lease=2s", "baton.delivery.poll-every=100ms",
			"baton.routing.poll-every=100ms", "baton.delivery.retry-schedule=250ms,500ms,1s,2s,2s,2s,2s,2s",
			"baton.delivery.circuit-threshold=1000" };

	private final Environment test;

	private final List<BatonProcess> started = new CopyOnWriteArrayList<>();

	BatonProcesses(Environment test) {
		this.test = test;
	}

	/**
	 * Starts one more, with {@code extra} properties too (replacing the quick ones of the
	 * same name), and waits until it is healthy.
	 */
	BatonProcess start(String name, String... extra) {
		Set<String> replaced = Arrays.stream(extra).map(BatonProcesses::key).collect(Collectors.toSet());
		String[] properties = Stream
			.concat(Arrays.stream(QUICK).filter((property) -> !replaced.contains(key(property))), Arrays.stream(extra))
			.toArray(String[]::new);
		BatonProcess baton = BatonProcess.start(name, this.test, properties);
		this.started.add(baton);
		return baton;
	}

	private static String key(String property) {
		return property.substring(0, property.indexOf('='));
	}

	List<BatonProcess> started() {
		return this.started;
	}

	@Override
	public void close() {
		this.started.forEach(BatonProcess::close);
	}

}
