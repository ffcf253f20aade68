package io.tickstream.signals;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The analytics core is framework-free: main code depends on the JDK and itself only. */
class SignalsArchitectureTest {

  @Test
  void mainCodeDependsOnlyOnTheJdkAndItself() {
    JavaClasses main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.tickstream.signals");
    assertThat(main.size()).as("classes analysed").isGreaterThan(30);
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("io.tickstream.signals..", "java..")
        .because(
            "signals must stay usable from Flink, Kafka Streams, the backtester and tests alike")
        .check(main);
  }
}
