package dev.berth.app.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExternalTerminalTest {
    @Test
    void linuxUsesTheAlternativesTerminal() {
        assertEquals(
                List.of("x-terminal-emulator", "-e", "docker", "--host", "unix:///s", "exec", "-it", "abc", "/bin/sh"),
                ExternalTerminal.command("Linux", "unix:///s", "abc", "/bin/sh"));
    }

    @Test
    void windowsOpensATabInWindowsTerminal() {
        List<String> argv = ExternalTerminal.command("Windows 11", "npipe:////./pipe/berth", "0123456789abcdef", "sh");
        assertEquals(List.of("wt.exe", "new-tab", "--title", "Berth 0123456789ab"), argv.subList(0, 4));
        assertEquals("npipe:////./pipe/berth", argv.get(6));
    }

    @Test
    void macAsksTerminalAppWithAQuotedCommand() {
        List<String> argv = ExternalTerminal.command("Mac OS X", "unix:///Users/me/My Berth/b.sock", "abc", "/bin/sh");
        assertEquals("osascript", argv.getFirst());
        assertTrue(argv.get(2).contains("docker --host 'unix:///Users/me/My Berth/b.sock' exec -it abc /bin/sh"),
                argv.get(2));
    }
}
