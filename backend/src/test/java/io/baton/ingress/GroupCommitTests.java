package io.baton.ingress;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import io.baton.graph.AppId;
import io.baton.ingress.TenantsReceivingWebhooks.Post;
import io.baton.ingress.TenantsReceivingWebhooks.Row;
import io.baton.ingress.TenantsReceivingWebhooks.TenantWithApp;
import io.baton.ingress.WebhookBatches.Batch;
import io.baton.tenancy.TenantId;
import io.baton.tenancy.TenantTransactions;
import io.baton.testing.BatonTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Group commit against the real PostgreSQL: many signed requests of several tenants at
 * once are each stored exactly once, byte for byte, under their own tenant, in fewer
 * transactions than requests; row-level security still checks each row against its own
 * tenant. What a failing database does to a group is in {@link GroupCommitFaultsTests}.
 */
@BatonTest
class GroupCommitTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	TenantTransactions transactions;

	@Autowired
	GroupCommit groupCommit;

	@Autowired
	MeterRegistry meters;

	TenantsReceivingWebhooks world;

	@BeforeEach
	void threeTenantsWithAnAppEach() {
		this.world = new TenantsReceivingWebhooks(this.context, "Acme", "Globex", "Initech");
	}

	@Test
	void concurrentSignedBatchesOfSeveralTenantsAreEachStoredOnceWithTheirExactBytes() throws Exception {
		List<Post> posts = IntStream.range(0, 200)
			.mapToObj((i) -> this.world.post(i, "request " + i + " \u00e7a va"))
			.toList();
		double commitsBefore = groupCommits();

		List<Integer> statuses = this.world.sendAllAtOnce(posts);

		assertThat(statuses).hasSize(200).containsOnly(200);
		assertThat(this.world.storedRows()).containsExactlyInAnyOrderElementsOf(
				posts.stream().map((post) -> new Row(post.to().tenant(), post.to().app(), post.body())).toList());
		assertThat(groupCommits() - commitsBefore).as("transactions for 200 batches").isLessThan(200);
		String acmesApp = this.world.tenantsWithApps.get(0).app();
		assertThat(this.meters.get("baton.ingress.ack").tag("app", acmesApp).timer().count()).isEqualTo(67);
		assertThat(this.meters.get("baton.ingress.batches").tag("app", acmesApp).counter().count()).isEqualTo(67);
		assertThat(this.meters.get("baton.ingress.events").tags("app", acmesApp).counter().count()).isEqualTo(67);
	}

	@Test
	void eachRequestLearnsTheIdOfItsOwnRow() {
		List<Batch> batches = IntStream.range(0, 60).mapToObj((i) -> {
			TenantWithApp to = this.world.tenantsWithApps.get(i % 3);
			return new Batch(new TenantId(to.tenant()), new AppId(to.app()), bytes("batch " + i), 1);
		}).toList();

		Map<Long, Batch> byId = Flux.fromIterable(batches)
			.flatMap((batch) -> this.groupCommit.store(batch).map((id) -> Map.entry(id, batch)), 60)
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.block();

		assertThat(byId).hasSize(60);
		byId.forEach((id, batch) -> assertThat(this.world.storedRow(id)).isEqualTo(new Row(batch.tenant().value(),
				batch.app().value(), new String(batch.body(), StandardCharsets.UTF_8))));
	}

	@Test
	void aRowOfOneTenantCannotBeWrittenUnderAnotherTenantsSetting() throws Exception {
		TenantId acme = new TenantId(this.world.tenantsWithApps.get(0).tenant());
		TenantWithApp globex = this.world.tenantsWithApps.get(1);
		Batch acmesBatch = new Batch(acme, new AppId(this.world.tenantsWithApps.get(0).app()), bytes("acme's"), 1);
		Batch globexBatch = new Batch(new TenantId(globex.tenant()), new AppId(globex.app()), bytes("globex's"), 1);

		assertThatThrownBy(() -> this.transactions
			.inEachTenant(List.of(acme),
					(tenant, db) -> WebhookBatches.insert(db, tenant, List.of(acmesBatch))
						.then(WebhookBatches.insert(db, globexBatch.tenant(), List.of(globexBatch))))
			.block()).hasMessageContaining("row-level security");
		assertThat(this.world.storedRows()).as("the whole transaction rolled back").isEmpty();
	}

	private static byte[] bytes(String text) {
		return TenantsReceivingWebhooks.batch(text).getBytes(StandardCharsets.UTF_8);
	}

	private double groupCommits() {
		return this.meters.get("baton.ingress.group.size").summary().count();
	}

}
