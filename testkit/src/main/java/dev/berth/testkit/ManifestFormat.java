package dev.berth.testkit;

/** Which family of media types an image's manifest, config and layers use. */
public enum ManifestFormat {
    OCI, DOCKER;

    String manifestType() {
        return this == OCI ? MediaTypes.OCI_MANIFEST : MediaTypes.DOCKER_MANIFEST;
    }

    String indexType() {
        return this == OCI ? MediaTypes.OCI_INDEX : MediaTypes.DOCKER_MANIFEST_LIST;
    }

    String configType() {
        return this == OCI ? MediaTypes.OCI_CONFIG : MediaTypes.DOCKER_CONFIG;
    }

    String layerType(Compression compression) {
        return switch (compression) {
            case NONE -> this == OCI ? MediaTypes.OCI_LAYER : MediaTypes.DOCKER_LAYER;
            case GZIP -> this == OCI ? MediaTypes.OCI_LAYER_GZIP : MediaTypes.DOCKER_LAYER_GZIP;
            case ZSTD -> this == OCI ? MediaTypes.OCI_LAYER_ZSTD : MediaTypes.DOCKER_LAYER_ZSTD;
        };
    }
}
