package io.baton.botapi;

import reactor.core.publisher.Mono;

import io.baton.apps.ApiKeyHolder;
import io.baton.graph.PageId;

/**
 * A rule a send must pass before it reaches Graph (the window, a tag's time limit, who
 * owns the thread): it answers a refusal in Graph's words, or nothing to let the send go.
 * Every bean of this type is asked, in order; none refuses today.
 */
interface OutboundPolicy {

	Mono<GraphRefusal> refusal(ApiKeyHolder key, PageId page, BotCall send);

}
