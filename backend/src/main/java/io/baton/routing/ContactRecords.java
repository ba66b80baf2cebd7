package io.baton.routing;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.baton.graph.PageId;
import io.baton.privacy.LinkedPeople;
import io.baton.privacy.Person;
import io.baton.privacy.PersonalData;
import io.baton.tenancy.TenantId;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * A person's contact record, referrals and notification tokens, for erasure and export;
 * and who linked which account, for Facebook's data-deletion requests.
 */
@Component
class ContactRecords implements PersonalData, LinkedPeople {

	private static final String WHERE_PERSON = " WHERE tenant_id = :tenant AND page_id = :page AND psid = :psid";

	private static final String ERASE_REFERRALS = "DELETE FROM contact_referrals" + WHERE_PERSON;

	private static final String ERASE_TOKENS = "DELETE FROM notification_tokens" + WHERE_PERSON;

	private static final String ERASE_CONTACT = "DELETE FROM contacts" + WHERE_PERSON;

	private static final String CONTACT = """
			SELECT page_id, psid, first_seen_at, last_seen_at, last_interaction_at, account_linking,
			       account_linking_at, linked_account, thread_owner_app_id, thread_owner_at
			  FROM contacts""" + WHERE_PERSON;

	private static final String REFERRALS = "SELECT ref, source, type, at FROM contact_referrals" + WHERE_PERSON
			+ " ORDER BY at";

	private static final String TOKENS = """
			SELECT app_id, kind, topic, payload, frequency, timezone, status, expires_at, created_at, updated_at
			  FROM notification_tokens""" + WHERE_PERSON + " ORDER BY created_at";

	private static final String LINKED = """
			SELECT page_id, psid FROM contacts
			 WHERE tenant_id = :tenant AND linked_account IS NOT NULL
			   AND sha256(convert_to(linked_account, 'UTF8')) = :digest
			 ORDER BY page_id, psid
			""";

	@Override
	public String kind() {
		return "contacts";
	}

	@Override
	public Mono<Long> erase(DatabaseClient db, TenantId tenant, Person person) {
		return Flux.just(ERASE_REFERRALS, ERASE_TOKENS, ERASE_CONTACT)
			.concatMap((sql) -> person.bind(db.sql(sql), tenant).fetch().rowsUpdated())
			.reduce(0L, Long::sum);
	}

	@Override
	public Mono<JsonNode> export(DatabaseClient db, TenantId tenant, Person person) {
		ObjectNode export = JsonNodeFactory.instance.objectNode();
		return PersonalData.asJson(person.bind(db.sql(CONTACT), tenant).fetch().all())
			.doOnNext((contact) -> export.set("contact", contact))
			.then(PersonalData.asJson(person.bind(db.sql(REFERRALS), tenant).fetch().all()))
			.doOnNext((referrals) -> export.set("referrals", referrals))
			.then(PersonalData.asJson(person.bind(db.sql(TOKENS), tenant).fetch().all()))
			.doOnNext((tokens) -> export.set("notificationTokens", tokens))
			.thenReturn(export);
	}

	@Override
	public Flux<Person> linkedTo(DatabaseClient db, TenantId tenant, byte[] accountDigest) {
		return db.sql(LINKED)
			.bind("tenant", tenant.value())
			.bind("digest", accountDigest)
			.map((row) -> new Person(new PageId(row.get("page_id", String.class)), row.get("psid", String.class)))
			.all();
	}

}
