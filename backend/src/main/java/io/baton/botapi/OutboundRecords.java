package io.baton.botapi;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import io.baton.privacy.Person;
import io.baton.privacy.PersonalData;
import io.baton.tenancy.TenantId;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** What bots sent a person through Baton (the outbound log), for erasure and export. */
@Component
class OutboundRecords implements PersonalData {

	@Override
	public String kind() {
		return "sentMessages";
	}

	@Override
	public Mono<Long> erase(DatabaseClient db, TenantId tenant, Person person) {
		return person.bind(db.sql(OutboundRows.ERASE_PERSON), tenant).fetch().rowsUpdated();
	}

	@Override
	public Mono<JsonNode> export(DatabaseClient db, TenantId tenant, Person person) {
		return PersonalData.asJson(person.bind(db.sql(OutboundRows.OF_PERSON), tenant).fetch().all());
	}

}
