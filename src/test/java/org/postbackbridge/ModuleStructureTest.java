package org.postbackbridge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Keeps the package-by-feature layout of DESIGN.md true as the code grows. */
class ModuleStructureTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.postbackbridge");

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersPublicTypes() {
        ApplicationModules.of(PostbackBridgeApplication.class).verify();
    }

    @Test
    void nothingButTheConsoleDependsOnThePostbackModule() {
        noClasses().that().resideOutsideOfPackages("org.postbackbridge.postback..", "org.postbackbridge.admin..")
                .should().dependOnClassesThat().resideInAPackage("org.postbackbridge.postback..")
                .check(MAIN);
    }

    @Test
    void nothingDependsOnTheBotModule() {
        noClasses().that().resideOutsideOfPackage("org.postbackbridge.bot..")
                .should().dependOnClassesThat().resideInAPackage("org.postbackbridge.bot..")
                .check(MAIN);
    }
}
