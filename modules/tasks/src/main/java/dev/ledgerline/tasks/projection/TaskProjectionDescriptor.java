package dev.ledgerline.tasks.projection;

import java.util.List;

import dev.ledgerline.operations.api.ProjectionDescriptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TaskProjectionDescriptor {

    /** Bump with every migration that changes the tasks table: the next start rebuilds it. */
    static final int VERSION = 1;

    @Bean
    ProjectionDescriptor tasksDescriptor() {
        return new ProjectionDescriptor("tasks", TaskProjection.NAME, VERSION, List.of("tasks"));
    }
}
