package dev.ledgerline.architecture;

import java.util.Map;
import java.util.Set;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ModuleGraph.BASE);
    }

    @Test
    void a_module_uses_only_the_public_packages_of_the_modules_it_may_depend_on() {
        classes().that().resideInAPackage(ModuleGraph.BASE + "..")
                .and().resideOutsideOfPackage(ModuleGraph.BASE + ".bootstrap..")
                .should(onlyReachPermittedModules())
                .check(production);
    }

    @Test
    void no_module_depends_on_bootstrap() {
        noClasses().that().resideOutsideOfPackage(ModuleGraph.BASE + ".bootstrap..")
                .and().resideInAPackage(ModuleGraph.BASE + ".*..")
                .should().dependOnClassesThat().resideInAPackage(ModuleGraph.BASE + ".bootstrap..")
                .allowEmptyShould(true)
                .check(production);
    }

    @Test
    void events_are_revisioned_records() {
        classes().that().resideInAPackage(ModuleGraph.BASE + ".*.events..")
                .and().areTopLevelClasses()
                .and().areNotEnums()
                .should(beRecords())
                .allowEmptyShould(true)
                .check(production);
        classes().that().resideInAPackage(ModuleGraph.BASE + ".*.events..")
                .and().areTopLevelClasses()
                .and().areNotEnums()
                .and().haveSimpleNameNotEndingWith("Id")
                .should().beAnnotatedWith(Revision.class)
                .allowEmptyShould(true)
                .check(production);
    }

    @Test
    void web_classes_touch_neither_jpa_entities_nor_aggregates() {
        noClasses().that().resideInAPackage("..web..")
                .should().dependOnClassesThat().areAnnotatedWith(Entity.class)
                .orShould().dependOnClassesThat().areAnnotatedWith(Aggregate.class)
                .allowEmptyShould(true)
                .check(production);
    }

    @Test
    void aggregates_and_entities_are_not_public() {
        classes().that().areAnnotatedWith(Aggregate.class).or().areAnnotatedWith(Entity.class)
                .and().resideInAPackage(ModuleGraph.BASE + "..")
                .should().notBePublic()
                .allowEmptyShould(true)
                .check(production);
    }

    private static ArchCondition<JavaClass> beRecords() {
        return new ArchCondition<>("be records") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                if (!item.reflect().isRecord()) {
                    events.add(SimpleConditionEvent.violated(item, item.getName() + " is not a record"));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> onlyReachPermittedModules() {
        return new ArchCondition<>("only use the public packages of permitted modules") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String own = moduleOf(item.getPackageName());
                if (own == null) {
                    return;
                }
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    String targetPackage = dependency.getTargetClass().getPackageName();
                    String target = moduleOf(targetPackage);
                    if (target == null || target.equals(own)) {
                        continue;
                    }
                    Set<String> allowed = ModuleGraph.ALLOWED.getOrDefault(own, Set.of());
                    if (!allowed.contains(target)) {
                        events.add(SimpleConditionEvent.violated(item,
                                own + " may not depend on " + target + ": " + dependency.getDescription()));
                    } else if (!isPublic(targetPackage, target)) {
                        events.add(SimpleConditionEvent.violated(item,
                                own + " uses an internal of " + target + ": " + dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static boolean isPublic(String targetPackage, String module) {
        String modulePackage = ModuleGraph.BASE + "." + module;
        return ModuleGraph.PUBLIC_PACKAGES.stream()
                .anyMatch(p -> targetPackage.equals(modulePackage + "." + p)
                        || targetPackage.startsWith(modulePackage + "." + p + "."));
    }

    static String moduleOf(String packageName) {
        for (Map.Entry<String, Set<String>> module : ModuleGraph.ALLOWED.entrySet()) {
            String modulePackage = ModuleGraph.BASE + "." + module.getKey();
            if (packageName.equals(modulePackage) || packageName.startsWith(modulePackage + ".")) {
                return module.getKey();
            }
        }
        return null;
    }
}
