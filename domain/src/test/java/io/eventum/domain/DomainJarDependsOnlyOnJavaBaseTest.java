package io.eventum.domain;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.spi.ToolProvider;

import static org.assertj.core.api.Assertions.assertThat;

/** jdeps, the JDK's own dependency analyser, sees only java.base in the domain's compiled classes. */
class DomainJarDependsOnlyOnJavaBaseTest {

    @Test
    void jdeps_reports_java_base_as_the_only_module_dependency() {
        // given
        Path classes = Path.of("target", "classes");
        assertThat(Files.isDirectory(classes)).as("compiled domain classes at %s", classes.toAbsolutePath()).isTrue();
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // when
        int exit = jdeps.run(new PrintWriter(out), new PrintWriter(err), "--print-module-deps", classes.toString());
        // then
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString().trim()).isEqualTo("java.base");
    }
}
