package dev.berth.runtime.volume;

import java.util.Map;

/** The {@code volume.json} beside a volume's {@code _data}: everything about it that is not its content. */
record VolumeRecord(String name, String driver, Map<String, String> labels, Map<String, String> options,
        String createdAt) {}
