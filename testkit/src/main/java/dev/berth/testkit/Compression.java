package dev.berth.testkit;

/** How a layer's tar is compressed in the registry. */
public enum Compression {
    /** Plain tar. */
    NONE,
    /** gzip, the form nearly every image uses. */
    GZIP,
    /** zstd; needs zstd-jni on the classpath (the runtime module has it, the test kit alone does not). */
    ZSTD
}
