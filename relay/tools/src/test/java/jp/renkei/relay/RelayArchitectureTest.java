package jp.renkei.relay;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The relay's boundaries, checked on the production classes of all its modules (this module's tests see them all):
 * what the server and the agent share depends on neither; the office agent (what every care office installs) does not
 * depend on the server's parts; nothing of the relay or the agent depends on the tools (benchmarks, harnesses, the card
 * emulator and demo); and no two packages depend on each other. The module graph already keeps the agent's jar from
 * compiling against the server's; these rules also hold where a package moves between modules. A wrong import fails
 * the build here, with the class and the line of the dependency.
 */
class RelayArchitectureTest {
    private static final String RELAY = "jp.renkei.relay";
    /** What the server and the agent share (renkei-relay-common). */
    private static final String[] SHARED = {RELAY + ".pki..", RELAY + ".launch.."};
    /** The office agent and its card reader. */
    private static final String[] OFFICE_SIDE = {RELAY + ".agent..", RELAY + ".card.."};
    /** The central server's parts. */
    private static final String[] SERVER_SIDE = {RELAY + ".server..", RELAY + ".http..", RELAY + ".journal..",
            RELAY + ".receipt..", RELAY + ".routing..", RELAY + ".cardcheck..", RELAY + ".tls.."};
    /** What operators and developers run beside the relay, never part of it. */
    private static final String[] TOOLS = {RELAY + ".tools..", RELAY + ".bench..", RELAY + ".carddemo..",
            RELAY + ".cardemulator.."};

    private static JavaClasses production;

    @BeforeAll
    static void importTheRelay() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(TestHelperJars::exclude)
                .importPackages(RELAY);
    }

    @Test
    void whatTheServerAndTheAgentShareDependsOnNeither() {
        noClasses().that().resideInAnyPackage(SHARED)
                .should().dependOnClassesThat(resideInAPackage(RELAY + "..").and(resideOutsideOfPackages(SHARED)))
                .because("renkei-relay-common is on both sides; what it needs of either belongs there")
                .check(production);
    }

    @Test
    void theOfficeAgentDoesNotDependOnTheServer() {
        noClasses().that().resideInAnyPackage(OFFICE_SIDE)
                .should().dependOnClassesThat().resideInAnyPackage(SERVER_SIDE)
                .because("every care office installs the agent; it talks to the server over HTTPS only")
                .check(production);
    }

    @Test
    void nothingOfTheRelayOrTheAgentDependsOnTheTools() {
        noClasses().that().resideOutsideOfPackages(TOOLS)
                .should().dependOnClassesThat().resideInAnyPackage(TOOLS)
                .because("the benchmarks, harnesses and demos are not shipped to run the relay or the agent")
                .check(production);
    }

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().matching(RELAY + ".(*)..").should().beFreeOfCycles().check(production);
    }

    /** The other modules' test helpers arrive as {@code -tests.jar} files, which the predefined option does not know. */
    private static final class TestHelperJars {
        static boolean exclude(Location location) {
            return !location.contains("-tests.jar");
        }
    }
}
