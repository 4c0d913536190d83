/**
 * Registry credentials where the docker CLI keeps them: its {@code config.json} and the credential helpers it names
 * ({@code docker-credential-pass}, {@code -secretservice}, {@code -osxkeychain}, {@code -wincred}); read for pulls,
 * pushes and builds, written by the sign-in in Settings.
 */
package dev.berth.app.credentials;
