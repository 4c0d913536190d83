package dev.berth.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Open Berth when I log in" as the XDG autostart entry every Linux desktop reads. */
class LoginItemTest {
    @TempDir
    Path home;

    @Test
    void turningItOnWritesAnAutostartEntryForTheLauncherAndOffRemovesIt() throws Exception {
        Path dir = home.resolve(".config/autostart");
        LoginItem item = new LoginItem(dir, "/usr/lib/berth/bin/berth");
        assertFalse(item.enabled());
        item.setEnabled(true);
        String entry = Files.readString(dir.resolve(LoginItem.FILE));
        assertTrue(entry.startsWith("[Desktop Entry]\n"), entry);
        assertTrue(entry.contains("\nExec=/usr/lib/berth/bin/berth\n"), entry);
        assertTrue(item.enabled());
        item.setEnabled(false);
        assertFalse(Files.exists(dir.resolve(LoginItem.FILE)));
        assertFalse(item.enabled());
    }

    @Test
    void aLauncherPathWithSpacesIsQuotedAsTheSpecAsks() {
        assertEquals("\"/home/a b/berth/bin/berth\"", LoginItem.quoted("/home/a b/berth/bin/berth"));
        assertEquals("\"/x/\\$HOME/\\\"q\\\"\"", LoginItem.quoted("/x/$HOME/\"q\""));
    }

    @Test
    void theSettingReflectsTheEntryAndAFailureIsSaid() throws Exception {
        Path blocked = home.resolve("not-a-dir");
        Files.writeString(blocked, "a file where the autostart directory would go");
        var vm = new SettingsViewModel(new AppSettings(Preferences.userRoot().node("dev/berth/test/login-"
                + System.nanoTime())), new LoginItem(blocked.resolve("autostart"), "/usr/lib/berth/bin/berth"));
        assertTrue(vm.openAtLoginSupported());
        assertFalse(vm.openAtLoginProperty().get());
        vm.openAtLoginProperty().set(true);
        assertTrue(vm.errorProperty().get().contains("login"), vm.errorProperty().get());
    }
}
