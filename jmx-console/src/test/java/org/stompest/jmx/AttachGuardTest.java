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

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttachGuardTest {
    @TempDir
    Path dir;

    private Path status(String sigCgt) throws Exception {
        return Files.writeString(dir.resolve("status"),
                "Name:\tjava\nSigQ:\t0/1\nSigPnd:\t0000000000000000\nSigBlk:\t0000000000000000\n"
                        + "SigIgn:\t0000000000000000\nSigCgt:\t" + sigCgt + "\n");
    }

    @Test
    void allowsAProcessThatCatchesSigquit() throws Exception {
        assertThat(AttachGuard.refusal(status("2000000181005ccf"))).isEmpty();
    }

    @Test
    void refusesAProcessThatWouldDieOfSigquit() throws Exception {
        assertThat(AttachGuard.refusal(status("0000000000004a0b")))
                .contains("not a JVM that can be attached to: it does not catch SIGQUIT");
    }

    @Test
    void allowsWhatItCannotCheck() {
        assertThat(AttachGuard.refusal(dir.resolve("missing"))).isEmpty();
    }

    @Test
    void refusesAPidWithNoProcess() throws Exception {
        Process gone = new ProcessBuilder(ChildJvm.javaBinary(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        gone.waitFor();
        assertThat(AttachGuard.refusal(gone.pid())).contains("No such process");
    }
}
