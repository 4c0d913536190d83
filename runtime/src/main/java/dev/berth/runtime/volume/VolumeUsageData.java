package dev.berth.runtime.volume;

/** A volume with its disk usage for {@code /system/df}: bytes under {@code _data} and how many containers use it. */
public record VolumeUsageData(Volume volume, long size, long refCount) {}
