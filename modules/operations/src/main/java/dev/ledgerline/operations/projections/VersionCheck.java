package dev.ledgerline.operations.projections;

import dev.ledgerline.operations.api.ProjectionDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On start: a projection seen for the first time has its declared version stored (its processor builds its tables
 * from the first event); a projection declaring a newer version than the stored one is rebuilt blue-green while the
 * application serves traffic (on one node: another node starting at the same time gets a conflict and leaves it). A
 * node declaring an older version than the stored one (during a rolling upgrade) leaves the tables alone.
 */
@Component
class VersionCheck {

    private static final Logger log = LoggerFactory.getLogger(VersionCheck.class);

    private final Projections projections;
    private final RebuildTable rebuilds;
    private final Rebuilder rebuilder;
    private final boolean enabled;

    VersionCheck(Projections projections, RebuildTable rebuilds, Rebuilder rebuilder,
                 @Value("${ledgerline.operations.rebuild-on-version-change:true}") boolean enabled) {
        this.projections = projections;
        this.rebuilds = rebuilds;
        this.rebuilder = rebuilder;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildChangedProjections() {
        for (ProjectionDescriptor projection : projections.all()) {
            if (rebuilds.storeFirstVersion(projection.name(), projection.version())) {
                continue;
            }
            int stored = rebuilds.storedVersion(projection.name()).orElseThrow();
            if (stored < projection.version() && enabled) {
                if (rebuilds.active(projection.name()).isPresent()) {
                    log.info("Projection {} is at version {}, declared {}; a rebuild is running already",
                            projection.name(), stored, projection.version());
                    continue;
                }
                try {
                    rebuilder.start(projection, RebuildRecord.BLUE_GREEN, "version " + stored + " -> "
                            + projection.version());
                } catch (RebuildAlreadyRunning another) {
                    log.info("Projection {}: another node started its rebuild first", projection.name());
                }
            } else if (stored > projection.version()) {
                log.warn("Projection {} was built at version {}; this node declares {} and leaves it alone",
                        projection.name(), stored, projection.version());
            }
        }
    }
}
