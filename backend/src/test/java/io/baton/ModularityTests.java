package io.baton;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The module boundaries of design.md: each top-level package of {@code io.baton} is a
 * module reached only through its root package (or a named interface such as
 * {@code tenancy :: web}), using only the modules its {@code package-info.java} declares,
 * with no cycles; the Graph sandbox is a world of its own that depends on nothing of
 * Baton's and that nothing depends on.
 */
class ModularityTests {

	private static final ApplicationModules modules = ApplicationModules.of(BatonApplication.class);

	private static final JavaClasses mainClasses = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.baton");

	@Test
	void modulesOnlyUseEachOthersPublicSurfaceAndFormNoCycles() {
		modules.verify();
	}

	@Test
	void aDependencyAModuleDidNotDeclareFailsVerification() {
		ApplicationModules undeclared = ApplicationModules.of(fixtures.undeclared.FixtureApplication.class,
				(location) -> true);

		assertThatExceptionOfType(Violations.class).isThrownBy(undeclared::verify)
			.withMessageContaining("billing")
			.withMessageContaining("orders");
	}

	@Test
	void sandboxDependsOnNothingElseInBaton() {
		noClasses().that()
			.resideInAPackage("io.baton.sandbox..")
			.should()
			.dependOnClassesThat(resideInAPackage("io.baton..").and(resideOutsideOfPackage("io.baton.sandbox..")))
			.allowEmptyShould(true)
			.check(mainClasses);
	}

	@Test
	void nothingInBatonDependsOnTheSandbox() {
		noClasses().that()
			.resideOutsideOfPackage("io.baton.sandbox..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.baton.sandbox..")
			.check(mainClasses);
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
