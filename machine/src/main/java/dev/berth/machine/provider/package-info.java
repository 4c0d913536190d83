/**
 * Hypervisors, each behind {@link dev.berth.machine.provider.VmProvider}: {@code qemu} (Linux, macOS, Windows; KVM, HVF
 * or WHPX when they work, TCG when they do not), {@code vfkit} (macOS, Apple's Virtualization framework) and {@code
 * wsl2} (Windows). A provider turns a {@link dev.berth.machine.provider.VmSpec} into commands — values, so that their
 * exact arguments are unit-tested on Linux for every OS — and starts them.
 */
package dev.berth.machine.provider;
