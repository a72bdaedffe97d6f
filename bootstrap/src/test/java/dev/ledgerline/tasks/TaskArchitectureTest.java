package dev.ledgerline.tasks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/** What the tasks module shows the others, and what it keeps to itself. */
class TaskArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ledgerline");

    @Test
    void other_modules_use_only_the_commands_events_and_queries_of_tasks() {
        noClasses().that().resideOutsideOfPackage("dev.ledgerline.tasks..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ledgerline.tasks.domain..",
                        "dev.ledgerline.tasks.projection..", "dev.ledgerline.tasks.web..")
                .check(CLASSES);
    }

    @Test
    void tasks_depends_only_on_the_api_and_events_of_identity_and_the_api_of_operations() {
        noClasses().that().resideInAPackage("dev.ledgerline.tasks..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ledgerline.conversation..",
                        "dev.ledgerline.audit..", "dev.ledgerline.operations.projections..", "dev.ledgerline.bootstrap..",
                        "dev.ledgerline.identity.domain..", "dev.ledgerline.identity.projection..",
                        "dev.ledgerline.identity.web..", "dev.ledgerline.identity.token..")
                .check(CLASSES);
    }

    @Test
    void the_aggregate_projection_and_web_layer_are_package_private() {
        classes().that().resideInAnyPackage("dev.ledgerline.tasks.domain", "dev.ledgerline.tasks.projection",
                        "dev.ledgerline.tasks.web")
                .should().notBePublic()
                .check(CLASSES);
    }

    @Test
    void events_are_revisioned_records() {
        classes().that().resideInAPackage("dev.ledgerline.tasks.events").and().doNotHaveSimpleName("TaskId")
                .should().beAnnotatedWith(Revision.class).andShould(beRecords())
                .check(CLASSES);
    }

    @Test
    void commands_and_queries_are_records_and_failures_are_exceptions() {
        classes().that().resideInAnyPackage("dev.ledgerline.tasks.commands", "dev.ledgerline.tasks.queries")
                .and().areTopLevelClasses().and().areNotAssignableTo(Throwable.class)
                .should(beRecords())
                .check(CLASSES);
    }

    private static ArchCondition<JavaClass> beRecords() {
        return new ArchCondition<>("be records") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                boolean record = item.getRawSuperclass().map(type -> type.isEquivalentTo(Record.class)).orElse(false);
                events.add(new SimpleConditionEvent(item, record, item.getName() + " is a record: " + record));
            }
        };
    }
}
