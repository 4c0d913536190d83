/**
 * What each Dockerfile instruction says, typed and checked in one place: {@link
 * dev.berth.dockerfile.instructions.InstructionParser} turns a parsed {@code Node} into an {@link
 * dev.berth.dockerfile.instructions.Instruction} (flags known to the instruction, JSON or shell form, key=value
 * pairs), and {@link dev.berth.dockerfile.instructions.BuildPlan} splits the list into the global ARGs and the
 * stages, each starting at its FROM. Values stay as written here: variables are expanded when a step runs, because
 * only then is it known which ARGs and ENVs are in scope.
 */
package dev.berth.dockerfile.instructions;
