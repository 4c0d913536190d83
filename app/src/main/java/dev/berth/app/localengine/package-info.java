/**
 * Starting and stopping the local Berth engine. {@link dev.berth.app.localengine.LocalEngineController} keeps its
 * state and waits for its socket ({@link dev.berth.app.localengine.EngineProbe}); an
 * {@link dev.berth.app.localengine.EngineLauncher} starts it: the installed system service
 * ({@link dev.berth.app.localengine.ServiceLauncher}) or berthd as a child process, as root or through pkexec
 * ({@link dev.berth.app.localengine.ProcessLauncher}), as {@link dev.berth.app.localengine.LauncherChoice} picks.
 */
package dev.berth.app.localengine;
