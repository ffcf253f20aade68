package io.tickstream.execution;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The execution core stays framework-free, so Flink, Kafka Streams and the API can all use it. */
class ExecutionCoreArchitectureTest {

  private final JavaClasses core =
      // Import only this module's compiled main classes: scanning the whole classpath for the
      // package costs seconds and finds nothing more.
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPath(Path.of("target", "classes"));

  @Test
  void importsTheCore() {
    assertThat(core.containPackage("io.tickstream.execution.risk")).isTrue();
  }

  @Test
  void coreImportsNoFramework() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.tickstream.execution.service..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.kafka..",
            "org.apache.flink..",
            "io.vertx..",
            "org.apache.avro..",
            "io.confluent..",
            "io.tickstream.schemas..",
            "io.tickstream.execution.service..")
        .check(core);
  }

  @Test
  void coreReadsNoWallClockAndStartsNoThreads() {
    // Determinism: time is passed in, so backtest and live replay agree. Parallel sweeps run on an
    // Executor the caller passes in (java.util.concurrent.Executor is the one concurrency type a
    // signature may name); only the class that waits for those runs touches Thread (to keep an
    // interrupt), and nothing constructs a thread or an executor.
    noClasses()
        .that()
        .resideOutsideOfPackage("io.tickstream.execution.service..")
        .should()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(System.class, "nanoTime")
        .orShould()
        .callMethod(java.time.Instant.class, "now")
        .orShould()
        .dependOnClassesThat(
            JavaClass.Predicates.resideInAPackage("java.util.concurrent..")
                .and(DescribedPredicate.not(JavaClass.Predicates.equivalentTo(Executor.class))))
        .orShould()
        .callConstructorWhere(
            JavaCall.Predicates.target(
                HasOwner.Predicates.With.owner(JavaClass.Predicates.assignableTo(Thread.class))))
        .check(core);
    noClasses()
        .that()
        .resideOutsideOfPackage("io.tickstream.execution.service..")
        .and()
        .doNotHaveFullyQualifiedName("io.tickstream.execution.backtest.sweep.ParallelRuns")
        .should()
        .dependOnClassesThat()
        .areAssignableTo(Thread.class)
        .check(core);
  }
}
