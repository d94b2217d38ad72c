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
