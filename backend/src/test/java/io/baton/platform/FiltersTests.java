package io.baton.platform;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The optional {@code WHERE} of a list page, without Spring or a database: what always
 * holds is always there, each filter only when it has a value, bound by name.
 */
class FiltersTests {

	@Test
	void withNoFilterSetOnlyTheAlwaysConditionRemains() {
		Filters filters = Filters.where("tenant_id = :tenant", "tenant", "t-1")
			.and("app_id = :app", "app", null)
			.and("id < :before", "before", null);

		assertThat(filters.clause()).isEqualTo("tenant_id = :tenant");
		assertThat(filters.values()).containsExactly(entry("tenant", "t-1"));
	}

	@Test
	void eachPresentFilterIsJoinedWithAndAndBoundInOrder() {
		Instant from = Instant.parse("2026-12-01T00:00:00Z");

		Filters filters = Filters.where("tenant_id = :tenant", "tenant", "t-1")
			.and("app_id = :app", "app", "123")
			.and("status = :status", "status", null)
			.and("created_at >= :from", "from", from);

		assertThat(filters.clause()).isEqualTo("tenant_id = :tenant AND app_id = :app AND created_at >= :from");
		assertThat(filters.values()).containsExactly(entry("tenant", "t-1"), entry("app", "123"), entry("from", from));
	}

	@Test
	void aPartOfATextMatchesItsWildcardsLiterally() {
		Filters filters = Filters.where("tenant_id = :tenant", "tenant", "t-1")
			.andContains("actor_name", "actor", "50%_off");

		assertThat(filters.clause()).isEqualTo("tenant_id = :tenant AND actor_name ILIKE :actor");
		assertThat(filters.values()).containsEntry("actor", "%50\\%\\_off%");
	}

	@Test
	void anAbsentPartOfATextIsNoFilter() {
		Filters filters = Filters.where("tenant_id = :tenant", "tenant", "t-1")
			.andContains("actor_name", "actor", null);

		assertThat(filters.clause()).isEqualTo("tenant_id = :tenant");
		assertThat(filters.values()).isEqualTo(Map.of("tenant", "t-1"));
	}

}
