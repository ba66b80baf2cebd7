package io.baton.privacy;

import io.baton.graph.PageId;
import io.baton.tenancy.TenantId;

import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/** One person as a page knows them: PSIDs are page-scoped. */
public record Person(PageId page, String psid) {

	public Person {
		if (psid.isBlank() || psid.length() > 64 || !psid.chars().allMatch(Character::isDigit)) {
			throw new IllegalArgumentException("A PSID is a number of up to 64 digits");
		}
	}

	/** Binds {@code :tenant}, {@code :page} and {@code :psid}: the person's rows. */
	public GenericExecuteSpec bind(GenericExecuteSpec statement, TenantId tenant) {
		return statement.bind("tenant", tenant.value()).bind("page", this.page.value()).bind("psid", this.psid);
	}

}
