package dev.ledgerline.operations.projections;

import java.lang.management.ManagementFactory;
import java.util.UUID;

import org.springframework.stereotype.Component;

/** Names this application instance in projection_rebuilds (unique per start, so a restarted node is a new one). */
@Component
class NodeIdentity {

    private final String id = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    String id() {
        return id;
    }
}
