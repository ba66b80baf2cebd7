package io.baton.secrets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baton.tenancy.TenantTransactions;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The key rotation command ({@code --baton.encryption.rotate=true}, see
 * docs/operations.md): seals every value sealed with an older key (each module's
 * {@link Resealable}) again with the current one, tenant by tenant, reports the counts,
 * and exits.
 */
@Component
public class KeyRotation {

	private static final Logger logger = LoggerFactory.getLogger(KeyRotation.class);

	private final TenantTransactions transactions;

	private final List<Resealable> sealed;

	private final EncryptionSettings settings;

	KeyRotation(TenantTransactions transactions, List<Resealable> sealed, EncryptionSettings settings) {
		this.transactions = transactions;
		this.sealed = sealed;
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	void rotateWhenAsked(ApplicationReadyEvent ready) {
		if (!this.settings.rotate()) {
			return;
		}
		resealAll().subscribe((counts) -> {
			logger.info("Key rotation: re-sealed {} with key {}", counts, this.settings.keyId());
			System.exit(SpringApplication.exit(ready.getApplicationContext(), () -> 0));
		}, (ex) -> {
			logger.error("Key rotation failed; values not yet re-sealed keep their old key and still open", ex);
			System.exit(SpringApplication.exit(ready.getApplicationContext(), () -> 1));
		});
	}

	/** Re-seals every tenant's values sealed with an older key. */
	public Mono<Counts> resealAll() {
		return this.transactions.allTenants()
			.concatMap((tenant) -> Flux.fromIterable(this.sealed)
				.concatMap((values) -> values.reseal(tenant).map((count) -> Map.entry(values.what(), count))))
			.reduce(Counts.none(this.sealed), Counts::plus);
	}

	/** How many values of each kind were sealed again. */
	public record Counts(Map<String, Long> byKind) {

		static Counts none(List<Resealable> sealed) {
			Map<String, Long> zeros = new LinkedHashMap<>();
			sealed.forEach((values) -> zeros.put(values.what(), 0L));
			return new Counts(Map.copyOf(zeros));
		}

		/** How many values of that kind ("app secrets") were sealed again. */
		public long of(String what) {
			return this.byKind.getOrDefault(what, 0L);
		}

		Counts plus(Map.Entry<String, Long> more) {
			Map<String, Long> sum = new LinkedHashMap<>(this.byKind);
			sum.merge(more.getKey(), more.getValue(), Long::sum);
			return new Counts(Map.copyOf(sum));
		}

		@Override
		public String toString() {
			return this.byKind.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByKey())
				.map((entry) -> entry.getValue() + " " + entry.getKey())
				.collect(Collectors.joining(", "));
		}

	}

}
