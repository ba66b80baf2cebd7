package io.baton.ingress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

import io.baton.ingress.WebhookBatches.Batch;
import io.baton.tenancy.TenantId;
import io.baton.tenancy.TenantTransactions;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Group commit of webhook batches. Each request's batch waits in a queue; a flush takes
 * everything waiting (up to a count and a size) and stores it in one transaction, so one
 * commit (one WAL flush) serves the whole group, and only then answers each request with
 * its batch's id. While flushes run, the next group gathers; an idle writer flushes a
 * lone batch at once, so no timer adds latency. A failed flush fails every request in it.
 * The queue is bounded by count and by bytes: beyond either, a batch is refused at once.
 */
@Component
class GroupCommit {

	private static final Logger logger = LoggerFactory.getLogger(GroupCommit.class);

	private final TenantTransactions transactions;

	private final IngressSettings settings;

	private final IngressMeters meters;

	private final Queue<WaitingBatch> waiting = new ConcurrentLinkedQueue<>();

	private final AtomicInteger waitingCount = new AtomicInteger();

	private final AtomicLong waitingBytes = new AtomicLong();

	private final AtomicInteger flushesRunning = new AtomicInteger();

	private final ApplicationEventPublisher events;

	GroupCommit(TenantTransactions transactions, IngressSettings settings, IngressMeters meters,
			ApplicationEventPublisher events) {
		this.events = events;
		this.transactions = transactions;
		this.settings = settings;
		this.meters = meters;
	}

	/**
	 * Answers the stored batch's id once the group holding it has committed, or
	 * {@link BatchesNotStored}.
	 */
	Mono<Long> store(Batch batch) {
		return Mono.create((stored) -> {
			int size = batch.body().length;
			if (this.waitingCount.incrementAndGet() > this.settings.maxWaitingBatches()) {
				this.waitingCount.decrementAndGet();
				stored.error(new BatchesNotStored("Too many webhook batches waiting for a commit"));
				return;
			}
			if (this.waitingBytes.addAndGet(size) > this.settings.maxWaitingSize().toBytes()) {
				this.waitingBytes.addAndGet(-size);
				this.waitingCount.decrementAndGet();
				stored.error(new BatchesNotStored("Too many webhook bytes waiting for a commit"));
				return;
			}
			this.waiting.add(new WaitingBatch(batch, stored));
			flushWhileSlotsAreFree();
		});
	}

	// Called after every arrival and every finished flush, so a batch that arrives while
	// all slots are busy is taken by the next flush to finish.
	private void flushWhileSlotsAreFree() {
		while (!this.waiting.isEmpty() && claimFlushSlot()) {
			List<WaitingBatch> group = takeGroup();
			if (group.isEmpty()) {
				this.flushesRunning.decrementAndGet();
			}
			else {
				flush(group);
			}
		}
	}

	private boolean claimFlushSlot() {
		int running = this.flushesRunning.get();
		while (running < this.settings.concurrentFlushes()) {
			if (this.flushesRunning.compareAndSet(running, running + 1)) {
				return true;
			}
			running = this.flushesRunning.get();
		}
		return false;
	}

	// Synchronized so that what is peeked is what is polled; it holds no I/O.
	private synchronized List<WaitingBatch> takeGroup() {
		List<WaitingBatch> group = new ArrayList<>();
		long bytes = 0;
		long maxBytes = this.settings.groupMaxSize().toBytes();
		WaitingBatch next;
		while (group.size() < this.settings.groupMaxBatches() && (next = this.waiting.peek()) != null
				&& (group.isEmpty() || bytes + next.batch().body().length <= maxBytes)) {
			group.add(this.waiting.poll());
			bytes += next.batch().body().length;
		}
		this.waitingCount.addAndGet(-group.size());
		this.waitingBytes.addAndGet(-bytes);
		return group;
	}

	private void flush(List<WaitingBatch> group) {
		long started = System.nanoTime();
		storeGroup(group).doFinally((signal) -> {
			this.flushesRunning.decrementAndGet();
			flushWhileSlotsAreFree();
		}).subscribe((stored) -> {
			this.meters.groupCommitted(group.size(), System.nanoTime() - started);
			acknowledge(stored);
			this.events.publishEvent(new BatchesStored(stored.size()));
		}, (ex) -> refuse(group, ex));
	}

	private Mono<List<StoredBatch>> storeGroup(List<WaitingBatch> group) {
		Map<TenantId, List<WaitingBatch>> byTenant = new LinkedHashMap<>();
		group.forEach((waiting) -> byTenant.computeIfAbsent(waiting.batch().tenant(), (tenant) -> new ArrayList<>())
			.add(waiting));
		return this.transactions.inEachTenant(List.copyOf(byTenant.keySet()), (tenant, db) -> {
			List<WaitingBatch> batches = byTenant.get(tenant);
			return WebhookBatches.insert(db, tenant, batches.stream().map(WaitingBatch::batch).toList())
				.map((ids) -> stored(batches, ids));
		})
			.map((storedByTenant) -> storedByTenant.stream().flatMap(List::stream).toList())
			// A database that hangs must not hold the flush slots: the requests get 503
			// and
			// Facebook retries; should the group commit after all, routing drops the
			// repeats.
			.timeout(this.settings.flushTimeout());
	}

	private static List<StoredBatch> stored(List<WaitingBatch> batches, List<Long> ids) {
		List<StoredBatch> stored = new ArrayList<>(batches.size());
		for (int i = 0; i < batches.size(); i++) {
			stored.add(new StoredBatch(batches.get(i), ids.get(i)));
		}
		return stored;
	}

	private static void acknowledge(List<StoredBatch> group) {
		group.forEach((stored) -> stored.waiting().stored().success(stored.id()));
	}

	private static void refuse(List<WaitingBatch> group, Throwable cause) {
		logger.warn("Group commit of {} webhook batches failed: {}", group.size(), cause.toString());
		BatchesNotStored notStored = new BatchesNotStored("The group commit failed", cause);
		group.forEach((waiting) -> waiting.stored().error(notStored));
	}

	/** A batch and the request waiting for its commit. */
	private record WaitingBatch(Batch batch, MonoSink<Long> stored) {
	}

	private record StoredBatch(WaitingBatch waiting, long id) {
	}

}
