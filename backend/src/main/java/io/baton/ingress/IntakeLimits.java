package io.baton.ingress;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import io.baton.graph.AppId;

import org.springframework.stereotype.Component;

/**
 * What intake lets a request cost, all in memory: budgets of refused requests per client
 * address and per app, the optional limit on an app's correctly signed batches, and the
 * body bytes being read at once. Facebook sends every tenant's webhooks from its own
 * addresses, so a correctly signed batch is never limited by its address.
 */
@Component
class IntakeLimits {

	private final Budgets refusalsByAddress;

	private final Budgets refusalsByApp;

	private final Budgets signedByApp;

	private final long maxReadingBytes;

	private final AtomicLong readingBytes = new AtomicLong();

	IntakeLimits(IngressSettings settings) {
		this.refusalsByAddress = new Budgets(settings.refusalsPerAddress(), settings.trackedKeys());
		this.refusalsByApp = new Budgets(settings.refusalsPerApp(), settings.trackedKeys());
		this.signedByApp = new Budgets(settings.signedPerApp(), settings.trackedKeys());
		this.maxReadingBytes = settings.maxReadingSize().toBytes();
	}

	/** The address (an IPv6 one by its /64, which one client usually holds whole). */
	static String addressOf(@Nullable InetSocketAddress remote) {
		if (remote == null || remote.getAddress() == null) {
			return (remote != null) ? remote.getHostString() : "unknown";
		}
		InetAddress address = remote.getAddress();
		if (address instanceof Inet6Address) {
			byte[] bytes = address.getAddress();
			java.util.Arrays.fill(bytes, 8, 16, (byte) 0);
			return java.util.HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
		}
		return address.getHostAddress();
	}

	/** Whether the address has used up its refusals for now. */
	boolean addressSpent(String address) {
		return this.refusalsByAddress.spent(address);
	}

	/**
	 * Counts a refusal against the address and the app (null when unknown); false when
	 * either budget was spent, so the answer is 429.
	 */
	boolean takeRefusal(String address, @Nullable AppId app) {
		boolean addressHadOne = this.refusalsByAddress.take(address);
		boolean appHadOne = (app == null) || this.refusalsByApp.take(app.value());
		return addressHadOne && appHadOne;
	}

	/** Counts a correctly signed batch of the app; false when over its limit (if any). */
	boolean takeSigned(AppId app) {
		return this.signedByApp.take(app.value());
	}

	long refusalsRetryAfterSeconds() {
		return Math.max(this.refusalsByAddress.retryAfterSeconds(), this.refusalsByApp.retryAfterSeconds());
	}

	long signedRetryAfterSeconds() {
		return this.signedByApp.retryAfterSeconds();
	}

	/** Reserves room for a body about to be read; false when there is none. */
	boolean startReading(long bytes) {
		long reading = this.readingBytes.addAndGet(bytes);
		if (reading > this.maxReadingBytes && reading != bytes) {
			this.readingBytes.addAndGet(-bytes);
			return false;
		}
		return true;
	}

	void doneReading(long bytes) {
		this.readingBytes.addAndGet(-bytes);
	}

}
