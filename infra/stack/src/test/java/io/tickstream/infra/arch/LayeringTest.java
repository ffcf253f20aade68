package io.tickstream.infra.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The dependency directions of ARCHITECTURE.md, checked on the main classes of every module (this
 * module depends on all of them, so they are all on its classpath).
 */
class LayeringTest {
  /** Runtime modules talk only through Kafka topics: none imports another. */
  private static final Map<String, String> RUNTIME_MODULES =
      Map.of(
          "ingest", "io.tickstream.ingest..",
          "stream-jobs", "io.tickstream.jobs..",
          "execution service", "io.tickstream.execution.service..",
          "sink", "io.tickstream.sink..",
          "api", "io.tickstream.api..");

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tickstream");
  }

  @Test
  void signalsImportsNoFramework() {
    classes()
        .that()
        .resideInAPackage("io.tickstream.signals..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "io.tickstream.signals..")
        .because("signals is the framework-free analytics core")
        .check(classes);
  }

  @Test
  void executionCoreImportsNoStreamingFramework() {
    noClasses()
        .that()
        .resideInAPackage("io.tickstream.execution..")
        .and()
        .resideOutsideOfPackage("io.tickstream.execution.service..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.kafka..",
            "org.apache.flink..",
            "io.vertx..",
            "io.tickstream.execution.service..")
        .because("the execution core runs inside Flink, Kafka Streams and the backtester alike")
        .allowEmptyShould(true)
        .check(classes);
  }

  @TestFactory
  List<DynamicTest> runtimeModulesNeverImportEachOther() {
    return RUNTIME_MODULES.entrySet().stream()
        .flatMap(
            from ->
                RUNTIME_MODULES.entrySet().stream()
                    .filter(to -> !to.getKey().equals(from.getKey()))
                    .map(
                        to ->
                            DynamicTest.dynamicTest(
                                from.getKey() + " does not import " + to.getKey(),
                                () ->
                                    noClasses()
                                        .that()
                                        .resideInAPackage(from.getValue())
                                        .should()
                                        .dependOnClassesThat()
                                        .resideInAPackage(to.getValue())
                                        .allowEmptyShould(true)
                                        .check(classes))))
        .toList();
  }

  @Test
  void nothingButInfraAndBenchImportsInfra() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.tickstream.infra..", "io.tickstream.bench..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.tickstream.infra..")
        .because("infra assembles the stack; nothing depends on it")
        .check(classes);
  }

  @Test
  void schemasDependsOnNoOtherModule() {
    noClasses()
        .that()
        .resideInAPackage("io.tickstream.schemas..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.tickstream.signals..",
            "io.tickstream.execution..",
            "io.tickstream.ingest..",
            "io.tickstream.jobs..",
            "io.tickstream.sink..",
            "io.tickstream.api..",
            "io.tickstream.infra..")
        .check(classes);
  }
}
