package io.baton.privacy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.baton.tenancy.AuditLog;
import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.TenantId;
import io.baton.tenancy.TenantTransactions;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Erases or exports everything Baton holds of one person, asking each module that holds
 * personal data, in one transaction of the person's tenant.
 */
@Component
public class Erasure {

	private final List<PersonalData> holders;

	private final List<LinkedPeople> linkedPeople;

	private final TenantTransactions transactions;

	private final AuditLog auditLog;

	Erasure(ObjectProvider<PersonalData> holders, ObjectProvider<LinkedPeople> linkedPeople,
			TenantTransactions transactions, AuditLog auditLog) {
		this.holders = holders.orderedStream().toList();
		this.linkedPeople = linkedPeople.orderedStream().toList();
		this.transactions = transactions;
		this.auditLog = auditLog;
	}

	/** Staff erase one contact; answers how many records of each kind went. */
	public Mono<Map<String, Long>> erase(CurrentTenant current, Person person, String pageName) {
		current.require(current.role().managesMembers(), "erase a contact's data");
		return this.transactions.inTenant(current.id(),
				(db) -> eraseIn(db, current.id(), person).flatMap((counts) -> this.auditLog
					.record(current, "privacy.contact_erased", pageName, Map.of("records", counts))
					.thenReturn(counts)));
	}

	/** Staff export one contact: every kind's records as JSON, in one document. */
	public Mono<ObjectNode> export(CurrentTenant current, Person person, String pageName) {
		current.require(current.role().managesMembers(), "export a contact's data");
		ObjectNode export = JsonNodeFactory.instance.objectNode();
		export.put("pageId", person.page().value());
		export.put("page", pageName);
		export.put("psid", person.psid());
		return this.transactions.inTenant(current.id(),
				(db) -> Flux.fromIterable(this.holders)
					.concatMap((holder) -> holder.export(db, current.id(), person)
						.doOnNext((records) -> export.set(holder.kind(), records)))
					.then(this.auditLog.record(current, "privacy.contact_exported", pageName, Map.of()))
					.thenReturn(export));
	}

	/** The oldest record any module still keeps for the tenant: retention at work. */
	public Mono<Optional<Instant>> oldestKept(CurrentTenant current) {
		return this.transactions.inTenant(current.id(),
				(db) -> Flux.fromIterable(this.holders)
					.concatMap((holder) -> holder.oldest(db, current.id()))
					.reduce((a, b) -> a.isBefore(b) ? a : b)
					.map(Optional::of)
					.defaultIfEmpty(Optional.empty()));
	}

	/**
	 * Erases everyone linked to the account a deletion request names, and marks the
	 * request done, in one transaction: a failure leaves the request to the next sweep.
	 */
	Mono<Void> completeRequest(TenantId tenant, String code, byte[] accountDigest) {
		return this.transactions.inTenant(tenant,
				(db) -> Flux.fromIterable(this.linkedPeople)
					.concatMap((people) -> people.linkedTo(db, tenant, accountDigest))
					.distinct()
					.collectList()
					.flatMap((people) -> Flux.fromIterable(people)
						.concatMap((person) -> eraseIn(db, tenant, person))
						.flatMapIterable(Map::values)
						.reduce(0L, Long::sum)
						.flatMap((records) -> DeletionRequests.complete(db, code, people.size(), records)
							.then(this.auditLog.recordBySystem(tenant, "privacy.deletion_completed", code,
									Map.of("contacts", people.size(), "records", records))))));
	}

	private Mono<Map<String, Long>> eraseIn(DatabaseClient db, TenantId tenant, Person person) {
		Map<String, Long> counts = new LinkedHashMap<>();
		return Flux.fromIterable(this.holders)
			.concatMap((holder) -> holder.erase(db, tenant, person)
				.doOnNext((erased) -> counts.put(holder.kind(), erased)))
			.then(Mono.fromSupplier(() -> counts));
	}

}
