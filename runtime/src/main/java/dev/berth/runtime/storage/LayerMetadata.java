package dev.berth.runtime.storage;

import dev.berth.runtime.digest.Digest;

/** The {@code layer.json} beside a layer's {@code diff/}: what {@link Layer} holds apart from its location. */
record LayerMetadata(Digest chainId, Digest diffId, Digest parent, long size) {}
