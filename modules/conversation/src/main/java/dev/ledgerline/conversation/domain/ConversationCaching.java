package dev.ledgerline.conversation.domain;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The conversations this node handled commands for last, kept in memory between commands (Axon then uses a
 * {@code CachingEventSourcingRepository}): a post into a cached conversation reads neither its snapshot nor the events
 * after it. At most {@code ledgerline.conversation.cache-size} conversations, least recently used out first; 0 turns
 * the cache off.
 * <p>
 * A cached conversation is stale once another node has appended to it. The stale node's next append then reuses a
 * sequence number that is already stored, the unique key refuses it, Axon rolls the command back and drops the entry,
 * and the conversation's web layer sends the command once more on freshly loaded state (a refusal too: a stale copy
 * may lack what would have let it accept). A command that fails for any other reason drops the entry as well, so a
 * cached conversation never holds a change that was not committed.
 */
@Configuration(proxyBeanMethods = false)
class ConversationCaching {

    static final String NAME = "conversationCache";

    @Bean(NAME)
    Cache conversationCache(@Value("${ledgerline.conversation.cache-size:1000}") int size) {
        if (size < 0) {
            throw new IllegalArgumentException(
                    "ledgerline.conversation.cache-size must be 0 (off) or more, was " + size);
        }
        return size == 0 ? NoCache.INSTANCE : new LeastRecentlyUsedCache(size);
    }
}
