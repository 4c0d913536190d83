package dev.berth.runtime.build.context;

import dev.berth.runtime.errors.InvalidArgumentException;
import java.util.ArrayList;
import java.util.List;

/** Paths inside a build context's tar: entry names made clean and relative (or refused), parents and last names. */
final class ContextPaths {
    private ContextPaths() {}

    /** The entry's name as a clean relative path; absolute names and {@code ..} are refused. */
    static String checked(String name) {
        if (name.startsWith("/")) {
            throw new InvalidArgumentException("tar entry " + name + " has an absolute path");
        }
        List<String> parts = new ArrayList<>();
        for (String p : name.split("/")) {
            if (p.equals("..")) {
                throw new InvalidArgumentException("tar entry " + name + " escapes the extraction directory with ..");
            }
            if (!p.isEmpty() && !p.equals(".")) {
                parts.add(p);
            }
        }
        return String.join("/", parts);
    }

    static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    static String nameOf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
