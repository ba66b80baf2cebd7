package io.baton.tokens;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import io.baton.apps.Apps;
import io.baton.routing.NotificationTokenSeals;
import io.baton.tenancy.TenantTransactions;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The key rotation command ({@code --baton.encryption.rotate=true}, see
 * docs/operations.md): seals every app secret and page token sealed with an older key
 * again with the current one, tenant by tenant, reports the counts, and exits.
 */
@Component
public class KeyRotation {

	private static final Logger logger = LoggerFactory.getLogger(KeyRotation.class);

	private final TenantTransactions transactions;

	private final Apps apps;

	private final PageTokens tokens;

	private final NotificationTokenSeals notificationTokens;

	private final Environment environment;

	KeyRotation(TenantTransactions transactions, Apps apps, PageTokens tokens,
			NotificationTokenSeals notificationTokens, Environment environment) {
		this.transactions = transactions;
		this.apps = apps;
		this.tokens = tokens;
		this.notificationTokens = notificationTokens;
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void rotateWhenAsked(ApplicationReadyEvent ready) {
		if (!this.environment.getProperty("baton.encryption.rotate", Boolean.class, false)) {
			return;
		}
		resealAll().subscribe((counts) -> {
			logger.info("Key rotation: re-sealed {} app secrets, {} page tokens and {} notification tokens with key {}",
					counts.appSecrets(), counts.pageTokens(), counts.notificationTokens(),
					this.environment.getProperty("baton.encryption.key-id"));
			System.exit(SpringApplication.exit(ready.getApplicationContext(), () -> 0));
		}, (ex) -> {
			logger.error("Key rotation failed; values not yet re-sealed keep their old key and still open", ex);
			System.exit(SpringApplication.exit(ready.getApplicationContext(), () -> 1));
		});
	}

	/** Re-seals every tenant's values sealed with an older key. */
	public Mono<Counts> resealAll() {
		return this.transactions.allTenants()
			.concatMap((tenant) -> Mono
				.zip(this.apps.resealSecrets(tenant), this.tokens.resealTokens(tenant),
						this.notificationTokens.reseal(tenant))
				.map((counts) -> new Counts(counts.getT1(), counts.getT2(), counts.getT3())))
			.reduce(new Counts(0, 0, 0), Counts::plus);
	}

	/** How many values were sealed again. */
	public record Counts(long appSecrets, long pageTokens, long notificationTokens) {

		Counts plus(Counts other) {
			return new Counts(this.appSecrets + other.appSecrets, this.pageTokens + other.pageTokens,
					this.notificationTokens + other.notificationTokens);
		}

	}

}
