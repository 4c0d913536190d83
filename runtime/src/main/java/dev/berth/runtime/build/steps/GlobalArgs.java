package dev.berth.runtime.build.steps;

import dev.berth.dockerfile.instructions.BuildPlan;
import dev.berth.dockerfile.instructions.Instruction;
import dev.berth.dockerfile.shell.ShellLex;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ARGs declared before the first FROM, resolved once per build: they are visible in FROM lines (with the
 * automatic platform ARGs), and a stage sees one only by declaring it again without a value ({@code ARG VERSION}).
 */
final class GlobalArgs {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> automatic;

    GlobalArgs(BuildPlan plan, BuildArgs args, ShellLex lex) {
        this.automatic = args.automatic();
        for (Instruction.Arg arg : plan.globalArgs()) {
            for (Instruction.KeyValue kv : arg.args()) {
                ShellLex.Env env = fromEnv();
                String name = lex.word(kv.key(), env);
                String dflt = kv.value() == null ? null : lex.word(kv.value(), env);
                values.put(name, args.resolve(name, dflt));
            }
        }
    }

    /** The value of global ARG {@code name}, or null when it is not declared or has no value. */
    String value(String name) {
        return values.get(name);
    }

    /** What FROM lines expand with: the global ARGs, then the automatic ones. */
    ShellLex.Env fromEnv() {
        return name -> values.containsKey(name) ? values.get(name) : automatic.get(name);
    }
}
