package dev.ledgerline.operations;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.ledgerline.support.probe.ProbeRecorded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** Test-only side effect in the probe-notes processing group: counts how often each probe event was "sent". */
@Component
@ProcessingGroup(ProbeNotesProjection.GROUP)
class ProbeNotifier {

    static final Map<String, AtomicInteger> SENT = new ConcurrentHashMap<>();

    @EventHandler
    @DisallowReplay
    void on(ProbeRecorded event) {
        SENT.computeIfAbsent(event.probeId(), id -> new AtomicInteger()).incrementAndGet();
    }

    static int sent(String probeId) {
        AtomicInteger count = SENT.get(probeId);
        return count == null ? 0 : count.get();
    }
}
