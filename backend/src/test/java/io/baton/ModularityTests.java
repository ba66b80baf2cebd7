package io.baton;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The module boundaries of design.md: each top-level package of {@code io.baton} is a
 * module reached only through its root package (or a named interface such as
 * {@code tenancy :: web}), using only the modules its {@code package-info.java} declares,
 * with no cycles; the Graph sandbox is a world of its own that depends on nothing of
 * Baton's and that nothing depends on.
 */
class ModularityTests {

	private static final Path COMMITTED = Path.of("..", "docs", "modules");

	private static final Pattern PLANTUML_SOURCE = Pattern.compile("<\\?plantuml-src (\\S+)\\?>");

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

	/**
	 * The diagram in docs/modules is the one the modules make today, as PlantUML and as
	 * an SVG rendered with PlantUML's own layout (Smetana, no graphviz). When a module
	 * changes, the fresh pair is left in {@code backend/target/modules} to be copied
	 * over.
	 */
	@Test
	void theCommittedModuleDiagramIsTheCurrentOne() throws IOException {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
		String diagram = sorted(Files.readString(Path.of("target", "spring-modulith-docs", "components.puml")))
			.replaceFirst("@startuml\n", "@startuml\n!pragma layout smetana\n");
		String svg = svgOf(diagram);
		Path fresh = Files.createDirectories(Path.of("target", "modules"));
		Files.writeString(fresh.resolve("components.puml"), diagram);
		Files.writeString(fresh.resolve("components.svg"), svg);

		assertThat(svg).contains("<svg").contains("Delivery").contains("Secrets");
		assertThat(Files.readString(COMMITTED.resolve("components.puml")))
			.as("docs/modules/components.puml is stale: cp backend/target/modules/* docs/modules/")
			.isEqualTo(diagram);
		assertThat(sourceOf(Files.readString(COMMITTED.resolve("components.svg"))))
			.as("docs/modules/components.svg is stale: cp backend/target/modules/* docs/modules/")
			.isEqualTo(sourceOf(svg));
	}

	/**
	 * The diagram with each run of components and of relations in alphabetical order:
	 * Spring Modulith lists them in an order that changes from run to run.
	 */
	private static String sorted(String diagram) {
		List<String> lines = new ArrayList<>(diagram.lines().toList());
		int start = 0;
		while (start < lines.size()) {
			String kind = kindOf(lines.get(start));
			int end = start + 1;
			while (kind != null && end < lines.size() && kind.equals(kindOf(lines.get(end)))) {
				end++;
			}
			Collections.sort(lines.subList(start, end));
			start = end;
		}
		return String.join("\n", lines) + "\n";
	}

	private static @Nullable String kindOf(String line) {
		String statement = line.strip();
		return statement.startsWith("Component(") || statement.startsWith("Rel(")
				? statement.substring(0, statement.indexOf('(')) : null;
	}

	private static String svgOf(String diagram) throws IOException {
		ByteArrayOutputStream svg = new ByteArrayOutputStream();
		new SourceStringReader(diagram).outputImage(svg, new FileFormatOption(FileFormat.SVG));
		return svg.toString(StandardCharsets.UTF_8);
	}

	/**
	 * The diagram's source that PlantUML keeps inside the SVG: what is drawn, without the
	 * coordinates, which depend on the fonts of the machine that drew it.
	 */
	private static String sourceOf(String svg) {
		Matcher source = PLANTUML_SOURCE.matcher(svg);
		assertThat(source.find()).as("the SVG carries its PlantUML source").isTrue();
		return source.group(1);
	}

}
