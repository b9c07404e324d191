package org.postbackbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Keeps the modules' boundaries true as the code grows: each top-level package is a module, declares
 * in its {@code package-info.java} which modules it may use, and uses only their public types.
 */
class ModuleStructureTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // Spring AOT's classes (Foo__BeanDefinitions), there once the jar was built, wire every module by design.
            .withImportOption(location -> !location.contains("__"))
            .importPackages("org.postbackbridge");

    static final ApplicationModules MODULES = ApplicationModules.of(PostbackBridgeApplication.class);

    @Test
    void modulesHaveNoCyclesAndUseOnlyTheModulesTheyDeclareAndTheirPublicTypes() {
        MODULES.verify();
    }

    @Test
    void everyModuleDeclaresWhatItMayDependOn() {
        assertThat(MODULES.stream())
                .as("each module's package-info.java has @ApplicationModule(allowedDependencies = …)")
                .allSatisfy(module -> assertThat(module.getBasePackage()
                        .getAnnotation(ApplicationModule.class))
                        .as(module.getIdentifier().toString())
                        .isPresent()
                        .get()
                        .extracting(ApplicationModule::allowedDependencies)
                        .asInstanceOf(InstanceOfAssertFactories.ARRAY)
                        .doesNotContain(ApplicationModule.OPEN_TOKEN));
    }

    @Test
    void nothingButTheConsoleAndTheAlertsDependsOnTheIntakeModule() {
        noClasses().that().resideOutsideOfPackages("org.postbackbridge.intake..", "org.postbackbridge.console..",
                        "org.postbackbridge.alerts..")
                .should().dependOnClassesThat().resideInAPackage("org.postbackbridge.intake..")
                .check(MAIN);
    }

    @Test
    void nothingDependsOnTheBotModule() {
        noClasses().that().resideOutsideOfPackage("org.postbackbridge.bot..")
                .should().dependOnClassesThat().resideInAPackage("org.postbackbridge.bot..")
                .check(MAIN);
    }
}
