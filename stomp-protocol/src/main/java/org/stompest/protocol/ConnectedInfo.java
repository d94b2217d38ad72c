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
package org.stompest.protocol;

/**
 * What {@link Commands#connected} reads from a CONNECTED frame: the reference's tuple
 * {@code (version, server, session, (serverSend, serverReceive))}.
 *
 * @param version                the negotiated protocol version
 * @param server                 the {@code server} header, or {@code null} (always {@code null} in 1.0)
 * @param session                the {@code session} header, or {@code null}
 * @param serverSendHeartBeat    how often the server will send heart-beats in ms (0: never)
 * @param serverReceiveHeartBeat how often the server wants heart-beats in ms (0: never)
 */
public record ConnectedInfo(String version, String server, String session, int serverSendHeartBeat,
                            int serverReceiveHeartBeat) {
}
