package io.baton.platform;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * Token buckets by key (a client address, an app id), each holding at most a minute's
 * worth of tokens and refilled at {@code perMinute}. The keys come from strangers, so the
 * map is bounded: when it is full, buckets that have refilled (which a new bucket equals)
 * are dropped, and keys that still find no room share one bucket. A {@code perMinute} of
 * zero or less turns the budget off.
 */
public final class Budgets {

	private static final long SWEEP_AT_MOST_EVERY = Duration.ofSeconds(1).toNanos();

	private final int perMinute;

	private final int maxKeys;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final Bucket overflow;

	private final AtomicLong lastSweep = new AtomicLong(System.nanoTime() - SWEEP_AT_MOST_EVERY);

	public Budgets(int perMinute, int maxKeys) {
		this.perMinute = perMinute;
		this.maxKeys = maxKeys;
		this.overflow = new Bucket(perMinute, System.nanoTime());
	}

	public int perMinute() {
		return this.perMinute;
	}

	public boolean isOff() {
		return this.perMinute <= 0;
	}

	/** Whether the key has no token left now (takes none). */
	public boolean spent(String key) {
		if (isOff()) {
			return false;
		}
		Bucket bucket = this.buckets.get(key);
		return bucket != null && !bucket.has(System.nanoTime());
	}

	/** Takes one of the key's tokens; false when there is none left. */
	public boolean take(String key) {
		return isOff() || bucket(key).take(System.nanoTime());
	}

	/** Seconds until a spent budget has a token again, for {@code Retry-After}. */
	public long retryAfterSeconds() {
		return Math.max(1, (long) Math.ceil(60.0 / Math.max(1, this.perMinute)));
	}

	/**
	 * A client's key for per-address budgets: its address, an IPv6 one by its /64, which
	 * one client usually holds whole.
	 */
	public static String addressOf(@Nullable InetSocketAddress remote) {
		if (remote == null || remote.getAddress() == null) {
			return (remote != null) ? remote.getHostString() : "unknown";
		}
		InetAddress address = remote.getAddress();
		if (address instanceof Inet6Address) {
			byte[] bytes = address.getAddress();
			Arrays.fill(bytes, 8, 16, (byte) 0);
			return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
		}
		return address.getHostAddress();
	}

	private Bucket bucket(String key) {
		Bucket bucket = this.buckets.get(key);
		if (bucket != null) {
			return bucket;
		}
		long now = System.nanoTime();
		if (this.buckets.size() >= this.maxKeys) {
			sweep(now);
			if (this.buckets.size() >= this.maxKeys) {
				return this.overflow;
			}
		}
		return this.buckets.computeIfAbsent(key, (k) -> new Bucket(this.perMinute, now));
	}

	private void sweep(long now) {
		long last = this.lastSweep.get();
		if (now - last >= SWEEP_AT_MOST_EVERY && this.lastSweep.compareAndSet(last, now)) {
			this.buckets.values().removeIf((bucket) -> bucket.isFull(now));
		}
	}

	/** A minute's worth of tokens, refilled continuously. */
	private static final class Bucket {

		private final double capacity;

		private final double perNano;

		private double tokens;

		private long refilledAt;

		Bucket(int perMinute, long now) {
			this.capacity = perMinute;
			this.perNano = perMinute / (double) Duration.ofMinutes(1).toNanos();
			this.tokens = perMinute;
			this.refilledAt = now;
		}

		synchronized boolean has(long now) {
			refill(now);
			return this.tokens >= 1;
		}

		synchronized boolean take(long now) {
			refill(now);
			if (this.tokens < 1) {
				return false;
			}
			this.tokens--;
			return true;
		}

		synchronized boolean isFull(long now) {
			refill(now);
			return this.tokens >= this.capacity;
		}

		private void refill(long now) {
			this.tokens = Math.min(this.capacity, this.tokens + (now - this.refilledAt) * this.perNano);
			this.refilledAt = now;
		}

	}

}
