package dev.berth.runtime.network;

/**
 * Who carries out {@code network connect/disconnect}: in berthd the containers' side, which also handles created
 * and stopped containers; the network service alone where only running attachments exist (its own tests).
 */
public interface NetworkConnector {
    /**
     * @param asSent the request's {@code EndpointConfig} as the client sent it (null if none): inspect echoes its
     *               IPAMConfig, Links and DriverOpts, as dockerd does
     */
    void connect(String networkRef, String containerRef, EndpointRequest request,
            com.fasterxml.jackson.databind.JsonNode asSent);

    void disconnect(String networkRef, String containerRef);

    /** Connects and disconnects running attachments only. */
    static NetworkConnector attachmentsOf(NetworkService service) {
        return new NetworkConnector() {
            @Override
            public void connect(String networkRef, String containerRef, EndpointRequest request,
                    com.fasterxml.jackson.databind.JsonNode asSent) {
                service.connect(networkRef, containerRef, request);
            }

            @Override
            public void disconnect(String networkRef, String containerRef) {
                service.disconnect(networkRef, containerRef);
            }
        };
    }
}
