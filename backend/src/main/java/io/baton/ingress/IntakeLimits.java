package io.baton.ingress;

import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import io.baton.graph.AppId;
import io.baton.platform.Budgets;

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
