package io.baton.ingress;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of webhook ingress.
 *
 * @param maxBodySize the largest webhook body accepted (413 beyond; a larger
 * {@code Content-Length} is refused before the body is read)
 * @param acceptSha1Signature accept a request signed only with {@code X-Hub-Signature}
 * (SHA-1) when {@code X-Hub-Signature-256} is absent
 * @param groupMaxBatches the most batches one group commit stores
 * @param groupMaxSize the most body bytes one group commit stores (a larger single batch
 * goes alone)
 * @param concurrentFlushes group commits running at once; the next group gathers while
 * they run
 * @param maxWaitingBatches batches waiting for a group commit beyond which a request is
 * answered 503 at once (Facebook retries)
 * @param maxWaitingSize body bytes waiting for a group commit beyond which a request is
 * answered 503 at once
 * @param maxReadingSize body bytes being read at once (each request counts its
 * {@code Content-Length}, or {@code maxBodySize} without one) beyond which a request is
 * answered 503 before its body is read
 * @param flushTimeout how long a group commit may take (a connection included) before its
 * requests are answered 503, well inside Facebook's 20 seconds
 * @param answerWithin the longest a webhook request may take, whatever it waits for (the
 * app's lookup on a database that stopped answering, say): past it the answer is 503, so
 * Facebook retries instead of timing out at 20 seconds
 * @param refusalsPerAddress refused requests (unknown app, missing or bad signature, not
 * a batch, too large) one client address may make per minute (a minute's worth at once)
 * before its refusals are answered 429; its correctly signed batches are never limited
 * @param refusalsPerApp refused requests per minute for one app, from all addresses,
 * before they are answered 429
 * @param signedPerApp correctly signed batches per minute for one app beyond which they
 * are answered 429; 0, the default, is no limit. Every such 429 shows on the app's health
 * page: Facebook holds back the page's next updates after a failure and drops the
 * subscription after 8 hours of them
 * @param trackedKeys client addresses (and apps) whose budgets are kept apart; beyond,
 * new ones share one budget
 * @param refusalsWriteEvery how often the refusals counted in memory are written, per
 * app, reason and minute, for the health page
 */
@ConfigurationProperties("baton.ingress")
record IngressSettings(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("false") boolean acceptSha1Signature,
		@DefaultValue("200") int groupMaxBatches, @DefaultValue("4MB") DataSize groupMaxSize,
		@DefaultValue("2") int concurrentFlushes, @DefaultValue("10000") int maxWaitingBatches,
		@DefaultValue("64MB") DataSize maxWaitingSize, @DefaultValue("64MB") DataSize maxReadingSize,
		@DefaultValue("10s") Duration flushTimeout, @DefaultValue("15s") Duration answerWithin,
		@DefaultValue("60") int refusalsPerAddress, @DefaultValue("600") int refusalsPerApp,
		@DefaultValue("0") int signedPerApp, @DefaultValue("100000") int trackedKeys,
		@DefaultValue("10s") Duration refusalsWriteEvery) {
}
