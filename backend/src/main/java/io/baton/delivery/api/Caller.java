package io.baton.delivery.api;

import reactor.core.publisher.Mono;

import io.baton.apps.ApiKeyHolder;
import io.baton.delivery.Replays;
import io.baton.delivery.DeliveryView;
import io.baton.graph.AppId;
import io.baton.tenancy.CurrentTenant;
import io.baton.platform.NotFound;
import io.baton.tenancy.TenantId;

/**
 * Who calls the API and what they may reach: a key reaches its own app only, staff every
 * app of their tenant with their role's rights. Anything out of reach is
 * {@link NotFound}, exactly like what does not exist.
 */
sealed interface Caller {

	TenantId tenant();

	/** Whether the caller may see the app's deliveries at all. */
	boolean reaches(AppId app);

	Mono<DeliveryView> replay(Replays replays, long id);

	Mono<Long> replayDeadLetters(Replays replays, AppId app);

	/** An app's API key. */
	record Key(ApiKeyHolder holder) implements Caller {

		@Override
		public TenantId tenant() {
			return this.holder.tenant();
		}

		@Override
		public boolean reaches(AppId app) {
			return this.holder.app().equals(app);
		}

		@Override
		public Mono<DeliveryView> replay(Replays replays, long id) {
			return replays.replay(tenant(), this.holder.app(), this.holder.actorName(), id);
		}

		@Override
		public Mono<Long> replayDeadLetters(Replays replays, AppId app) {
			return replays.replayDeadLetters(tenant(), app, this.holder.actorName());
		}

	}

	/** A signed-in member of the tenant. */
	record Staff(CurrentTenant current) implements Caller {

		@Override
		public TenantId tenant() {
			return this.current.id();
		}

		@Override
		public boolean reaches(AppId app) {
			return true;
		}

		@Override
		public Mono<DeliveryView> replay(Replays replays, long id) {
			return replays.replay(this.current, id);
		}

		@Override
		public Mono<Long> replayDeadLetters(Replays replays, AppId app) {
			return replays.replayDeadLetters(this.current, app);
		}

	}

}
