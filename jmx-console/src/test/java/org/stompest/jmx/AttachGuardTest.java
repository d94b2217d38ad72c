/*
 * Copyright 2026 the stompest for Java authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
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
