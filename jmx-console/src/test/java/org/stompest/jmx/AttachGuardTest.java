package org.stompest.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AttachGuardTest {

    @Test
    void allowsAPidTheAttachMechanismLists() {
        assertThat(AttachGuard.refusal(ProcessHandle.current().pid(), () -> Set.of(ProcessHandle.current().pid())))
                .isEmpty();
    }

    @Test
    void refusesALivePidTheAttachMechanismDoesNotList() {
        assertThat(AttachGuard.refusal(ProcessHandle.current().pid(), Set::of)).contains(AttachGuard.NOT_A_JVM);
    }

    @Test
    void refusesAPidWithNoProcess() throws Exception {
        Process gone = new ProcessBuilder(ChildJvm.javaBinary(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        gone.waitFor();
        assertThat(AttachGuard.refusal(gone.pid())).contains("No such process");
    }
}
