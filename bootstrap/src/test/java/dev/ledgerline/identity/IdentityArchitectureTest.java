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
import org.junit.jupiter.api.Test;

/** Identity's own rules, beyond the project-wide ones in {@code architecture.ArchitectureTest}. */
class IdentityArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ledgerline");

    @Test
    void even_the_application_reaches_identity_only_through_its_public_packages() {
        noClasses().that().resideOutsideOfPackage("dev.ledgerline.identity..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ledgerline.identity.domain..",
                        "dev.ledgerline.identity.projection..", "dev.ledgerline.identity.web..",
                        "dev.ledgerline.identity.token..")
                .check(CLASSES);
    }

    @Test
    void identity_commands_are_records() {
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
