package dev.ledgerline.identity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.core.domain.JavaClass;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;

/** What the identity module shows the others, and what it keeps to itself. */
class IdentityArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ledgerline");

    @Test
    void other_modules_use_only_the_api_commands_events_and_queries_of_identity() {
        noClasses().that().resideOutsideOfPackage("dev.ledgerline.identity..")
                .and().resideOutsideOfPackage("dev.ledgerline.bootstrap.security..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ledgerline.identity.domain..",
                        "dev.ledgerline.identity.projection..", "dev.ledgerline.identity.web..",
                        "dev.ledgerline.identity.token..")
                .check(CLASSES);
    }

    @Test
    void identity_depends_on_no_other_module_and_not_on_the_application() {
        noClasses().that().resideInAPackage("dev.ledgerline.identity..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ledgerline.tasks..",
                        "dev.ledgerline.conversation..", "dev.ledgerline.audit..", "dev.ledgerline.operations..",
                        "dev.ledgerline.bootstrap..")
                .check(CLASSES);
    }

    @Test
    void identity_aggregates_are_package_private() {
        classes().that().areAnnotatedWith(Aggregate.class).and().resideInAPackage("dev.ledgerline.identity..")
                .should().notBePublic()
                .check(CLASSES);
    }

    @Test
    void identity_events_are_revisioned_records_or_value_types() {
        classes().that().resideInAPackage("dev.ledgerline.identity.events")
                .and().areNotEnums()
                .and().doNotHaveSimpleName("UserId").and().doNotHaveSimpleName("SessionId")
                .should().beAnnotatedWith(Revision.class).andShould(beRecords())
                .check(CLASSES);
        classes().that().resideInAPackage("dev.ledgerline.identity.commands").and().areNotEnums()
                .and().areTopLevelClasses()
                .should(beRecords())
                .check(CLASSES);
    }

    @Test
    void the_projection_and_the_stores_keep_their_classes_to_the_module() {
        classes().that().resideInAnyPackage("dev.ledgerline.identity.domain", "dev.ledgerline.identity.projection")
                .and().haveSimpleNameStartingWith("Jdbc").or().haveSimpleName("IdentityProjection")
                .should().notBePublic()
                .check(CLASSES);
        classes().that().resideInAPackage("dev.ledgerline.identity.web").and().areTopLevelClasses()
                .should().haveModifier(JavaModifier.FINAL).orShould().notBePublic()
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
