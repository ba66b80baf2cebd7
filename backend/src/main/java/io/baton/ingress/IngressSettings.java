package io.baton.ingress;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of webhook ingress.
 *
 * @param maxBodySize the largest webhook body accepted (413 beyond)
 * @param acceptSha1Signature accept a request signed only with {@code X-Hub-Signature}
 * (SHA-1) when {@code X-Hub-Signature-256} is absent
 * @param groupMaxBatches the most batches one group commit stores
 * @param groupMaxSize the most body bytes one group commit stores (a larger single batch
 * goes alone)
 * @param concurrentFlushes group commits running at once; the next group gathers while
 * they run
 * @param maxWaitingBatches batches waiting for a group commit beyond which a request is
 * answered 503 at once (Facebook retries)
 * @param flushTimeout how long a group commit may take (a connection included) before its
 * requests are answered 503, well inside Facebook's 20 seconds
 * @param answerWithin the longest a webhook request may take, whatever it waits for (the
 * app's lookup on a database that stopped answering, say): past it the answer is 503, so
 * Facebook retries instead of timing out at 20 seconds
 */
@ConfigurationProperties("baton.ingress")
record IngressSettings(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("false") boolean acceptSha1Signature,
		@DefaultValue("200") int groupMaxBatches, @DefaultValue("4MB") DataSize groupMaxSize,
		@DefaultValue("2") int concurrentFlushes, @DefaultValue("10000") int maxWaitingBatches,
		@DefaultValue("10s") Duration flushTimeout, @DefaultValue("15s") Duration answerWithin) {
}
