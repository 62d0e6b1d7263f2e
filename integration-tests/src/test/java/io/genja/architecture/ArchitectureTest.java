package io.genja.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import io.genja.GenjaException;
import io.genja.task.FailureKind;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules docs/architecture.md states, checked over the main classes of every module on this module's class
 * path (the jars and class folders of genja-runtime, genja-ssh, genja-device, genja-testkit, genja-cli, ...).
 */
class ArchitectureTest {

    private static JavaClasses genja;

    @BeforeAll
    static void importEveryModule() {
        genja = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.genja");
    }

    @Test
    void everyModuleIsImported() {
        // a rule over no classes passes whatever the code does: make sure the modules are really there
        org.assertj.core.api.Assertions.assertThat(genja.stream().map(ArchitectureTest::moduleOf).distinct())
                .contains("genja-runtime", "genja-ssh", "genja-testkit", "genja-cli", "genja-tasks");
    }

    /**
     * No package cycles, with two dependencies named and allowed because DESIGN.md fixes both ends as public API:
     * every package may throw {@code io.genja.GenjaException}, the root of Genja's unchecked exceptions, which
     * depends on nothing; and {@code io.genja.connection} names {@code io.genja.task.FailureKind}, the one
     * vocabulary of failure kinds that a {@code ConnectionException} carries and a {@code TaskFailure} reports.
     */
    @Test
    void packagesHaveNoCycles() {
        slices().assignedFrom(EACH_PACKAGE).should().beFreeOfCycles()
                .ignoreDependency(DescribedPredicate.alwaysTrue(), JavaClass.Predicates.equivalentTo(GenjaException.class))
                .ignoreDependency(JavaClass.Predicates.resideInAPackage("io.genja.connection"),
                        JavaClass.Predicates.equivalentTo(FailureKind.class))
                .check(genja);
    }

    @Test
    void genjaExceptionDependsOnNothingOfGenja() {
        org.assertj.core.api.Assertions.assertThat(genja.get(GenjaException.class).getDirectDependenciesFromSelf())
                .extracting(dependency -> dependency.getTargetClass().getName())
                .filteredOn(name -> name.startsWith("io.genja.") && !name.equals(GenjaException.class.getName()))
                .isEmpty();
    }

    @Test
    void internalPackagesAreUsedOnlyInsideTheirModule() {
        classes().should(new ArchCondition<JavaClass>("use internal packages of their own module only") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    if (isInternal(target) && !moduleOf(target).equals(moduleOf(origin))) {
                        events.add(SimpleConditionEvent.violated(dependency, moduleOf(origin) + " uses "
                                + moduleOf(target) + "'s internal " + dependency.getDescription()));
                    }
                }
            }
        }).check(genja);
    }

    /**
     * genja-device's core reads bytes and profiles without the runtime, so any transport or tool can use it; only
     * {@code io.genja.device.connection} adapts it to the runtime's connection API.
     */
    @Test
    void theDeviceCoreUsesNothingOfGenjaOutsideIt() {
        classes().that().resideInAnyPackage("io.genja.device", "io.genja.device.session")
                .should().onlyDependOnClassesThat(DescribedPredicate.describe("are not Genja's or are the device core",
                        (JavaClass target) -> !target.getPackageName().startsWith("io.genja.")
                                || target.getPackageName().equals("io.genja.device")
                                || target.getPackageName().equals("io.genja.device.session")))
                .check(genja);
    }

    /** Every package its own slice, the root package {@code io.genja} included. */
    private static final SliceAssignment EACH_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            return javaClass.getPackageName().startsWith("io.genja")
                    ? SliceIdentifier.of(javaClass.getPackageName())
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "every io.genja package";
        }
    };

    private static boolean isInternal(JavaClass javaClass) {
        return javaClass.getPackageName().matches("io\\.genja(\\..+)?\\.internal(\\..+)?");
    }

    /** A module's directory in the reactor, or its artifact in a repository: {@code genja-runtime}. */
    private static final Pattern MODULE = Pattern.compile("/(genja-[a-z]+(?:-[a-z]+)*)(?=/target/|-\\d)");

    static String moduleOf(JavaClass javaClass) {
        String location = javaClass.getSource().map(source -> source.getUri().toString()).orElse("");
        Matcher matcher = MODULE.matcher(location);
        return matcher.find() ? matcher.group(1) : "unknown (" + location + ")";
    }
}
