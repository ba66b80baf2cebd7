package io.baton.privacy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baton.apps.AppDirectory;
import io.baton.graph.AppId;
import io.baton.platform.BatonSettings;
import io.baton.platform.Digests;
import io.baton.platform.NotFound;
import io.baton.platform.Rejected;
import io.baton.platform.Repeating;
import io.baton.tenancy.AuditLog;
import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.TenantTransactions;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Facebook's data-deletion callback: the request is recorded (even when Baton holds
 * nothing of the person) before it is answered, then the people linked to the named
 * account are erased; a request whose erasure failed is finished by the next sweep.
 */
@Component
public class DataDeletion {

	private static final Logger logger = LoggerFactory.getLogger(DataDeletion.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AppDirectory directory;

	private final TenantTransactions transactions;

	private final Erasure erasure;

	private final AuditLog auditLog;

	private final BatonSettings settings;

	private final Clock clock;

	private final DatabaseClient database;

	private Disposable sweeps = () -> {
	};

	DataDeletion(AppDirectory directory, TenantTransactions transactions, Erasure erasure, AuditLog auditLog,
			BatonSettings settings, Clock clock, DatabaseClient database) {
		this.directory = directory;
		this.transactions = transactions;
		this.erasure = erasure;
		this.auditLog = auditLog;
		this.settings = settings;
		this.clock = clock;
		this.database = database;
	}

	/** Facebook's answer: where the person can follow the request, and its code. */
	public record Receipt(String url, String confirmationCode) {
	}

	public Mono<Receipt> request(AppId app, String signedRequest) {
		return this.directory.lookUp(app)
			.switchIfEmpty(Mono.error(() -> new NotFound("Baton serves no app " + app.value())))
			.flatMap((entry) -> verified(entry, signedRequest).flatMap((request) -> {
				byte[] account = Digests.sha256(request.userId());
				return this.transactions
					.inTenant(entry.tenant(),
							(db) -> DeletionRequests.record(db, newCode(), entry.tenant(), app, account,
									Digests.sha256(signedRequest)))
					.flatMap((recorded) -> (recorded.toDo()
							? this.erasure.completeRequest(entry.tenant(), recorded.code(), account)
								.onErrorResume((ex) -> {
									logger.warn("Data deletion {} not finished; the sweep retries it", recorded.code(),
											ex);
									return Mono.empty();
								})
							: Mono.<Void>empty())
						.thenReturn(
								new Receipt(this.settings.link("/data-deletion/" + recorded.code()), recorded.code())));
			}));
	}

	/** The public status of one request, by its confirmation code. */
	public Mono<Optional<DeletionStatus>> status(String code) {
		if (!code.matches("[0-9a-f]{32}")) {
			return Mono.just(Optional.empty());
		}
		return DeletionRequests.status(this.database, code);
	}

	/** The tenant's latest requests, for staff. */
	public Flux<DeletionRequest> recent(CurrentTenant current) {
		return this.transactions.inTenantMany(current.id(), (db) -> DeletionRequests.recent(db, current.id()));
	}

	private Mono<SignedRequest> verified(AppDirectory.Entry entry, String signedRequest) {
		try {
			return Mono.just(SignedRequest.verify(signedRequest, entry.appSecret(), this.clock.instant()));
		}
		catch (Rejected ex) {
			return this.auditLog
				.recordBySystem(entry.tenant(), "privacy.deletion_refused", entry.app().value(),
						Map.of("reason", ex.getMessage()))
				.then(Mono.error(ex));
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void startSweeps() {
		this.sweeps = Repeating.every(Duration.ofMinutes(1), "Data deletion sweep", this::sweep);
	}

	@EventListener(ContextClosedEvent.class)
	void stopSweeps() {
		this.sweeps.dispose();
	}

	/** Finishes requests whose erasure failed when they came; answers how many. */
	Mono<Long> sweep() {
		return this.transactions.allTenants()
			.concatMap((tenant) -> this.transactions.inTenantMany(tenant, (db) -> DeletionRequests.open(db, tenant))
				.concatMap(
						(open) -> this.erasure.completeRequest(tenant, open.code(), open.userDigest()).thenReturn(1L)))
			.reduce(0L, Long::sum);
	}

	private static String newCode() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
