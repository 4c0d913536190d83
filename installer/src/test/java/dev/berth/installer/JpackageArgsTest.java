package dev.berth.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testkit.BerthdCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The inputs of the .dmg and the .msi, which only the release workflow's macOS and Windows runners can build: the
 * jpackage argument files name only options jpackage has on that OS, the files they point at are the ones
 * {@code scripts/package} makes, and the workflow builds them the way the script expects.
 */
class JpackageArgsTest {
    private static final Path TOP = BerthdCommand.checkoutRoot();
    /** jpackage's options in JDK 25 (its documentation), common to every OS. */
    private static final Set<String> COMMON = Set.of("--type", "--app-version", "--copyright", "--description",
            "--icon", "--name", "--dest", "--temp", "--vendor", "--verbose", "--add-modules", "--module-path",
            "--jlink-options", "--runtime-image", "--input", "--app-content", "--add-launcher", "--arguments",
            "--java-options", "--main-class", "--main-jar", "--module", "--about-url", "--app-image",
            "--file-associations", "--install-dir", "--license-file", "--resource-dir", "--launcher-as-service");
    private static final Set<String> MAC = Set.of("--mac-package-identifier", "--mac-package-name",
            "--mac-package-signing-prefix", "--mac-sign", "--mac-signing-keychain", "--mac-signing-key-user-name",
            "--mac-app-store", "--mac-entitlements", "--mac-app-category", "--mac-dmg-content");
    private static final Set<String> WINDOWS = Set.of("--win-console", "--win-dir-chooser", "--win-help-url",
            "--win-menu", "--win-menu-group", "--win-per-user-install", "--win-shortcut", "--win-shortcut-prompt",
            "--win-update-url", "--win-upgrade-uuid");
    private static final Set<String> LINUX = Set.of("--linux-package-name", "--linux-deb-maintainer",
            "--linux-menu-group", "--linux-package-deps", "--linux-rpm-license-type", "--linux-app-release",
            "--linux-app-category", "--linux-shortcut");

    /** An argument file as jpackage reads it: words split at white space, double quotes around words with spaces. */
    static List<String> words(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : Files.readString(file).toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    out.add(word.toString());
                }
                word.setLength(0);
                any = false;
            } else {
                word.append(c);
                any = true;
            }
        }
        if (any) {
            out.add(word.toString());
        }
        assertTrue(!quoted, file + " has an unclosed quote");
        return out;
    }

    private static List<String> args(String name) throws IOException {
        return words(TOP.resolve("installer/jpackage/" + name + ".args"));
    }

    private static String value(List<String> args, String option) {
        int i = args.indexOf(option);
        assertTrue(i >= 0 && i + 1 < args.size(), option + " with a value in " + args);
        return args.get(i + 1);
    }

    private static String script() throws IOException {
        return Files.readString(TOP.resolve("scripts/package"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"common", "linux", "mac", "mac-installer", "windows", "windows-installer"})
    void everyOptionIsOneJpackageHasOnThatSystem(String file) throws IOException {
        Set<String> platform = file.startsWith("mac") ? MAC : file.startsWith("windows") ? WINDOWS
                : file.startsWith("linux") ? LINUX : Set.of();
        List<String> words = args(file);
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            // A JVM option is the value of --java-options, not one of jpackage's.
            boolean isValue = i > 0 && words.get(i - 1).equals("--java-options");
            if (word.startsWith("--") && !isValue) {
                assertTrue(COMMON.contains(word) || platform.contains(word), file + ".args: " + word
                        + " is not a jpackage option on that system");
            }
        }
    }

    @Test
    void theLauncherStartsTheAppFromTheJarTheScriptStages() throws IOException {
        List<String> common = args("common");
        assertTrue(script().contains("\"$stage/input/" + value(common, "--main-jar") + "\""));
        String mainClass = value(common, "--main-class");
        assertTrue(Files.isRegularFile(TOP.resolve("app/src/main/java/" + mainClass.replace('.', '/') + ".java")),
                mainClass);
        assertTrue(common.stream().anyMatch(w -> w.contains("-XX:AOTCache=$APPDIR/berth.aot")),
                "the cache the script records is the one the launcher reads");
        assertTrue(script().contains("AOTCacheOutput=\"$appdir/berth.aot\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux:png", "mac:icns", "windows:ico"})
    void eachImageHasItsIconInItsFormatAndFindsBerthHome(String spec) throws IOException {
        String os = spec.split(":")[0];
        List<String> args = args(os);
        String icon = value(args, "--icon");
        assertTrue(icon.startsWith("dist/stage/icons/berth") && icon.endsWith("." + spec.split(":")[1]), icon);
        String mark = Files.readString(TOP.resolve("app/src/main/java/dev/berth/app/support/BerthMark.java"));
        String file = Path.of(icon).getFileName().toString();
        assertTrue(file.equals("berth-256.png") || mark.contains("\"" + file + "\""), "BerthMark writes " + file);
        assertTrue(args.stream().anyMatch(w -> w.startsWith("-Dberth.home=$APPDIR")), os + " sets berth.home");
        if (!os.equals("linux")) {
            // VmAssets.locate looks in <berth.home>/vm-assets/out/<arch>; berth.home is $APPDIR, the staged input.
            assertTrue(args.contains("-Dberth.home=$APPDIR"));
            assertTrue(script().contains("\"$stage/input/vm-assets/out/$vmarch\""));
        }
    }

    @Test
    void theDmgIsMadeFromTheMacImageWithItsIdentifier() throws IOException {
        List<String> image = args("mac");
        List<String> installer = args("mac-installer");
        assertEquals("dmg", value(installer, "--type"));
        assertEquals("dist/" + value(image, "--name") + ".app", value(installer, "--app-image"));
        assertEquals("dev.berth.app", value(image, "--mac-package-identifier"));
        assertTrue(value(installer, "--license-file").startsWith("dist/stage/legal/"));
        assertTrue(script().contains("cp installer/NOTICE \"$legal/NOTICE\""));
        assertTrue(script().contains("helpers/vfkit"), "vfkit is bundled where VfkitProvider looks first");
        String vfkit = Files.readString(TOP.resolve(
                "machine/src/main/java/dev/berth/machine/provider/VfkitProvider.java"));
        assertTrue(vfkit.contains("\"helpers\", \"vfkit\""));
    }

    @Test
    void theMsiIsPerUserWithAStartMenuEntryAndAFixedUpgradeCode() throws IOException {
        List<String> image = args("windows");
        List<String> installer = args("windows-installer");
        assertEquals("msi", value(installer, "--type"));
        assertEquals("dist/" + value(image, "--name"), value(installer, "--app-image"));
        assertTrue(installer.containsAll(List.of("--win-menu", "--win-shortcut", "--win-per-user-install")));
        // A fixed upgrade code lets a newer .msi replace an installed one instead of installing beside it.
        UUID.fromString(value(installer, "--win-upgrade-uuid"));
    }

    @Test
    void theReleaseWorkflowBuildsEachPackageWithTheScriptAndTheVmItNeeds() throws IOException {
        String workflow = Files.readString(TOP.resolve(".github/workflows/release.yml"));
        assertTrue(workflow.contains("vm-assets/build --arch ${{ matrix.arch }}"));
        assertTrue(workflow.contains("path: vm-assets/out/aarch64"), "the macOS job gets the arm64 VM");
        assertTrue(workflow.contains("path: vm-assets/out/x86_64"), "the Windows job gets the x86_64 VM (WSL2 root)");
        assertTrue(workflow.contains("brew install vfkit"));
        assertTrue(workflow.contains("BERTH_MAC_SIGNING_IDENTITY"), "signing is wired to the script");
        assertTrue(script().contains("BERTH_MAC_SIGNING_IDENTITY"));
        assertEquals(3, java.util.regex.Pattern.compile("run: (bash )?scripts/package\\n").matcher(workflow)
                .results().count(), "the .deb, .dmg and .msi jobs");
        for (String artifact : List.of("dist/*.deb", "dist/*.dmg", "dist/*.msi")) {
            assertTrue(workflow.contains(artifact), artifact);
        }
    }
}
