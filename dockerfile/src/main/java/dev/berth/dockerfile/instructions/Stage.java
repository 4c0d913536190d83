package dev.berth.dockerfile.instructions;

import java.util.List;

/**
 * One build stage: its FROM and the instructions up to the next FROM.
 *
 * @param index        the stage's position, counting from 0 ({@code COPY --from=0})
 * @param name         the {@code AS} name in lower case, or null
 * @param from         its FROM
 * @param instructions what follows the FROM
 */
public record Stage(int index, String name, Instruction.From from, List<Instruction> instructions) {
    public Stage {
        instructions = List.copyOf(instructions);
    }

    /** The name docker shows for it: the AS name, else the index. */
    public String label() {
        return name != null ? name : Integer.toString(index);
    }
}
