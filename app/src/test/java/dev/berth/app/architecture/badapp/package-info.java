/** A deliberately bad app: each class breaks one rule of {@code AppArchitecture}, for {@code AppArchitectureRulesFailTest}. */
package dev.berth.app.architecture.badapp;
