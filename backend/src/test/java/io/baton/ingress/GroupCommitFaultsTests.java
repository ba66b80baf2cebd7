package io.baton.ingress;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.baton.ingress.TenantsReceivingWebhooks.Post;
import io.baton.platform.DatabaseSettings;
import io.baton.testing.BatonTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group commit when the database fails it: a group that cannot commit answers 503 and
 * stores nothing; one that hangs answers 503 at the flush timeout and frees its slot.
 * Slow tier: the faults (a revoked grant, a trigger that sleeps) hit the whole database,
 * so this class has a context and a database of its own, closed after it.
 */
@Tag("slow")
@BatonTest(properties = { "baton.test.label=group-commit-faults", "baton.ingress.flush-timeout=1s" })
@DirtiesContext
class GroupCommitFaultsTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	DatabaseSettings database;

	TenantsReceivingWebhooks world;

	@BeforeEach
	void threeTenantsWithAnAppEach() {
		this.world = new TenantsReceivingWebhooks(this.context, "Acme", "Globex", "Initech");
	}

	@Test
	void aGroupThatCannotCommitIsAnswered503AndStoresNothing() throws Exception {
		List<Post> posts = IntStream.range(0, 30).mapToObj((i) -> this.world.post(i, "doomed " + i)).toList();
		this.world.adminSql("REVOKE INSERT ON baton.webhook_batches FROM " + this.database.appRole());
		List<Integer> statuses;
		try {
			statuses = this.world.sendAllAtOnce(posts);
		}
		finally {
			this.world.adminSql("GRANT INSERT ON baton.webhook_batches TO " + this.database.appRole());
		}

		assertThat(statuses).hasSize(30).containsOnly(503);
		assertThat(this.world.storedRows()).isEmpty();
		assertThat(this.world.sendAllAtOnce(posts.subList(0, 3))).as("after the database recovers").containsOnly(200);
	}

	@Test
	void aGroupCommitThatHangsIsAnswered503AtItsTimeoutAndTheSlotsAreFreeAgain() throws Exception {
		List<Post> posts = IntStream.range(0, 6).mapToObj((i) -> this.world.post(i, "stuck " + i)).toList();
		this.world.adminSql("CREATE FUNCTION baton.hang_inserts() RETURNS trigger LANGUAGE plpgsql AS"
				+ " $$ BEGIN PERFORM pg_sleep(3); RETURN NULL; END $$");
		this.world.adminSql("CREATE TRIGGER hang BEFORE INSERT ON baton.webhook_batches"
				+ " FOR EACH STATEMENT EXECUTE FUNCTION baton.hang_inserts()");
		List<Integer> statuses;
		Duration answeredIn;
		try {
			long started = System.nanoTime();
			statuses = this.world.sendAllAtOnce(posts);
			answeredIn = Duration.ofNanos(System.nanoTime() - started);
		}
		finally {
			this.world.adminSql("DROP TRIGGER hang ON baton.webhook_batches");
			this.world.adminSql("DROP FUNCTION baton.hang_inserts()");
		}

		assertThat(statuses).containsOnly(503);
		assertThat(answeredIn).as("answered before the 3 s insert ends").isLessThan(Duration.ofMillis(2900));
		assertThat(this.world.sendAllAtOnce(posts.subList(0, 3))).as("the flush slots are free again")
			.containsOnly(200);
	}

}
