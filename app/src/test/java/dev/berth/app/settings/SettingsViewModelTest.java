package dev.berth.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.engine.Connection;
import dev.berth.app.support.I18n;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SettingsViewModelTest {
    private Preferences node;
    private AppSettings settings;

    @BeforeEach
    void setUp() {
        I18n.setLocale(Locale.ENGLISH);
        node = Preferences.userRoot().node("dev/berth/test/" + UUID.randomUUID());
        settings = new AppSettings(node);
    }

    @AfterEach
    void tearDown() throws Exception {
        node.removeNode();
    }

    @Test
    void defaultsFollowTheSystem() {
        var vm = new SettingsViewModel(settings);
        assertEquals(ThemeChoice.SYSTEM, vm.themeProperty().get());
        assertEquals(LanguageChoice.SYSTEM, vm.languageProperty().get());
        assertEquals(Locale.KOREAN, LanguageChoice.SYSTEM.locale(Locale.KOREA));
        assertEquals(Locale.ENGLISH, LanguageChoice.SYSTEM.locale(Locale.GERMANY));
    }

    @Test
    void choicesAreSavedAndSurviveARestart() {
        var vm = new SettingsViewModel(settings);
        vm.themeProperty().set(ThemeChoice.DARK);
        vm.languageProperty().set(LanguageChoice.KOREAN);
        assertTrue(vm.addConnection("build box", "tcp://10.0.0.5:2375"));
        var again = new SettingsViewModel(new AppSettings(node));
        assertEquals(ThemeChoice.DARK, again.themeProperty().get());
        assertEquals(LanguageChoice.KOREAN, again.languageProperty().get());
        assertEquals(List.of(new Connection("build box", Connection.Kind.USER, "tcp://10.0.0.5:2375")),
                again.userConnections());
    }

    @Test
    void refusesUnusableOrDuplicateConnections() {
        var vm = new SettingsViewModel(settings);
        assertFalse(vm.addConnection("x", "http://host"));
        assertTrue(vm.errorProperty().get().contains("is not an engine address"));
        assertFalse(vm.addConnection("x", "ssh://host/var/run/docker.sock"));
        assertTrue(vm.errorProperty().get().contains("names a host, not a path"), vm.errorProperty().get());
        assertTrue(vm.addConnection("build box over ssh", "ssh://deploy@build.example"));
        assertFalse(vm.addConnection(" ", "unix:///a.sock"));
        assertEquals("Give the connection a name.", vm.errorProperty().get());
        assertTrue(vm.addConnection("a", "unix:///a.sock"));
        assertFalse(vm.addConnection("b", "unix:///a.sock"));
        assertEquals("unix:///a.sock is already in the list.", vm.errorProperty().get());
        vm.removeConnection(vm.userConnections().getFirst());
        vm.removeConnection(vm.userConnections().getFirst());
        assertTrue(new AppSettings(node).userConnections().isEmpty());
    }

    @Test
    void tlsConnectionsNeedAUsableCertificateFolderAndKeepIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        var vm = new SettingsViewModel(settings);
        assertFalse(vm.addConnection("secure", "tcp://box:2376", dir.toString()));
        assertEquals("These TLS certificates cannot be used: " + dir + " has no readable ca.pem",
                vm.errorProperty().get());
        for (String f : Connection.TLS_FILES) {
            java.nio.file.Files.writeString(dir.resolve(f), "pem");
        }
        assertFalse(vm.addConnection("secure", "unix:///a.sock", dir.toString()));
        assertTrue(vm.errorProperty().get().contains("tcp://"), vm.errorProperty().get());
        assertTrue(vm.addConnection("secure", "tcp://box:2376", " " + dir + " "));
        assertEquals(List.of(new Connection("secure", Connection.Kind.USER, "tcp://box:2376", dir.toString())),
                new SettingsViewModel(new AppSettings(node)).userConnections());
    }

    @Test
    void windowBoundsRoundTripAndStayUsable() {
        assertFalse(settings.windowBounds().hasPosition());
        settings.setWindowBounds(new WindowBounds(10, 20, 300, 200, true));
        WindowBounds b = settings.windowBounds();
        assertEquals(10, b.x());
        assertEquals(640, b.width(), "a too-small window is grown to a usable size");
        assertTrue(b.maximized());
    }

    @Test
    void corruptStoredConnectionsAreIgnored() {
        node.put("connections", "{not json");
        assertTrue(settings.userConnections().isEmpty());
        node.put("theme", "PURPLE");
        assertEquals(ThemeChoice.SYSTEM, settings.theme());
    }

    @Test
    void desktopChoicesAreSavedAndClosingKeepsRunningOnlyWithATray() {
        var vm = new SettingsViewModel(settings);
        assertTrue(vm.closeToTrayProperty().get(), "close to tray is the default");
        vm.setTrayMissing("no-host");
        assertFalse(vm.keepsRunningWhenClosed(), "without a tray, closing quits");
        vm.setTrayMissing("");
        assertTrue(vm.keepsRunningWhenClosed());
        vm.closeToTrayProperty().set(false);
        vm.startMinimizedProperty().set(true);
        vm.startEngineWithAppProperty().set(true);
        assertFalse(vm.keepsRunningWhenClosed());
        var again = new SettingsViewModel(new AppSettings(node));
        assertFalse(again.closeToTrayProperty().get());
        assertTrue(again.startMinimizedProperty().get());
        assertTrue(again.startEngineWithAppProperty().get());
    }
}
