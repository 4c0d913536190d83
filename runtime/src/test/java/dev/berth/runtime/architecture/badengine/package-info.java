/**
 * A deliberately bad engine: every class here breaks one of the rules in {@code EngineArchitecture}, so that
 * {@code EngineArchitectureRulesFailTest} can show each rule catching what it names.
 */
package dev.berth.runtime.architecture.badengine;
