package dev.berth.app.files;

import java.util.ArrayList;
import java.util.List;

/** Path arithmetic for container paths: always "/"-separated and absolute, whatever the local OS uses. */
final class PathNames {
    private PathNames() {}

    /** Resolves "." and "..", collapses slashes; never climbs above "/". */
    static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.removeLast();
                }
            } else {
                parts.add(p);
            }
        }
        return "/" + String.join("/", parts);
    }

    static String child(String dir, String name) {
        return normalize(dir + "/" + name);
    }

    static String parent(String path) {
        String n = normalize(path);
        int slash = n.lastIndexOf('/');
        return slash <= 0 ? "/" : n.substring(0, slash);
    }

    /** Where a symlink in {@code dir} points: absolute targets as they are, relative ones from {@code dir}. */
    static String resolveLink(String dir, String target) {
        return target.startsWith("/") ? normalize(target) : normalize(dir + "/" + target);
    }

    static boolean within(String path, String root) {
        String r = normalize(root);
        return r.equals("/") || path.equals(r) || path.startsWith(r + "/");
    }

    static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String p : normalize(path).split("/")) {
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }
}
