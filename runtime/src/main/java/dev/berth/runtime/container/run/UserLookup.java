package dev.berth.runtime.container.run;

import dev.berth.runtime.errors.InvalidArgumentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves {@code --user name|uid[:group|gid]} against the container's own /etc/passwd and /etc/group, as
 * runc's libcontainer/user does for docker. A link in place of those files is not followed (it could point
 * at the host's).
 */
public final class UserLookup {
    private UserLookup() {}

    /** uid, gid and supplementary groups of the process. */
    public record Ids(long uid, long gid, List<Long> additionalGids) {}

    public static Ids resolve(Path rootfs, String user, List<String> groupAdd) {
        List<String[]> passwd = read(rootfs.resolve("etc/passwd"));
        List<String[]> groups = read(rootfs.resolve("etc/group"));
        String userPart = user == null || user.isEmpty() ? "0" : user.split(":", 2)[0];
        String groupPart = user != null && user.contains(":") ? user.split(":", 2)[1] : null;
        long uid;
        long gid = 0;
        String userName = null;
        String[] entry = find(passwd, userPart);
        if (entry != null) {
            uid = parse(entry[2]);
            gid = parse(entry[3]);
            userName = entry[0];
        } else if (userPart.matches("\\d+")) {
            uid = Long.parseLong(userPart);
        } else {
            throw new InvalidArgumentException(
                    "unable to find user " + userPart + ": no matching entries in passwd file");
        }
        if (groupPart != null) {
            String[] g = find(groups, groupPart);
            if (g != null) {
                gid = parse(g[2]);
            } else if (groupPart.matches("\\d+")) {
                gid = Long.parseLong(groupPart);
            } else {
                throw new InvalidArgumentException(
                        "unable to find group " + groupPart + ": no matching entries in group file");
            }
        }
        List<Long> extra = new ArrayList<>();
        for (String[] g : groups) {
            if (userName != null && g.length > 3 && List.of(g[3].split(",")).contains(userName) && parse(g[2]) != gid) {
                extra.add(parse(g[2]));
            }
        }
        for (String add : groupAdd) {
            String[] g = find(groups, add);
            if (g != null) {
                extra.add(parse(g[2]));
            } else if (add.matches("\\d+")) {
                extra.add(Long.parseLong(add));
            } else {
                throw new InvalidArgumentException(
                        "unable to find group " + add + ": no matching entries in group file");
            }
        }
        return new Ids(uid, gid, extra);
    }

    private static String[] find(List<String[]> entries, String nameOrId) {
        for (String[] e : entries) {
            if (e.length > 2 && e[0].equals(nameOrId)) {
                return e;
            }
        }
        for (String[] e : entries) {
            if (e.length > 2 && e[2].equals(nameOrId)) {
                return e;
            }
        }
        return null;
    }

    private static List<String[]> read(Path file) {
        List<String[]> out = new ArrayList<>();
        try {
            if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return out;
            }
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.split(":", -1));
                }
            }
        } catch (IOException e) {
            // An unreadable passwd file means numeric ids only, like runc.
        }
        return out;
    }

    private static long parse(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
