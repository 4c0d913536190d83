package dev.berth.runtime.image.reference;

import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.digest.Digest;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;

/**
 * A normalized image reference: registry domain, repository path, and optionally a tag and/or a digest.
 * {@link #parse} follows docker's {@code ParseNormalizedNamed} (distribution/reference {@code normalize.go}):
 * names without a domain live on {@code docker.io}, one-component names there get {@code library/}.
 * No default tag is applied; call {@link #withDefaultTag()} where docker would.
 */
public record ImageReference(String domain, String path, String tag, Digest digest) {
    public static final String DOCKER_HUB_DOMAIN = "docker.io";
    /** Where Docker Hub's registry API actually answers. */
    public static final String DOCKER_HUB_REGISTRY_HOST = "registry-1.docker.io";
    public static final String DEFAULT_TAG = "latest";
    private static final String LEGACY_HUB_DOMAIN = "index.docker.io";
    private static final String OFFICIAL_PREFIX = "library/";

    public ImageReference {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(path, "path");
        if (!ReferenceGrammar.DOMAIN_PATTERN.matcher(domain).matches()) {
            throw new InvalidReferenceException("invalid reference format: invalid domain \"" + domain + "\"");
        }
        if (!ReferenceGrammar.PATH_PATTERN.matcher(path).matches()) {
            throw new InvalidReferenceException("invalid reference format: invalid repository path \"" + path + "\"");
        }
        if (tag != null && !isValidTag(tag)) {
            throw new InvalidReferenceException("invalid tag format");
        }
    }

    /** Parses what a user typed ({@code busybox}, {@code localhost:5000/a/b:1@sha256:…}) with docker's rules and messages. */
    public static ImageReference parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidReferenceException("invalid reference format");
        }
        if (ReferenceGrammar.IDENTIFIER.matcher(text).matches()) {
            throw new InvalidReferenceException("invalid repository name (" + text
                    + "), cannot specify 64-byte hexadecimal strings");
        }
        String[] split = splitDockerDomain(text);
        String domain = split[0];
        String remainder = split[1];
        int tagSeparator = remainder.indexOf(':');
        String remoteName = tagSeparator >= 0 ? remainder.substring(0, tagSeparator) : remainder;
        if (!remoteName.toLowerCase(Locale.ROOT).equals(remoteName)) {
            throw new InvalidReferenceException("invalid reference format: repository name (" + remoteName
                    + ") must be lowercase");
        }
        String full = domain + "/" + remainder;
        Matcher m = ReferenceGrammar.REFERENCE.matcher(full);
        if (!m.matches()) {
            if (ReferenceGrammar.REFERENCE.matcher(full.toLowerCase(Locale.ROOT)).matches()) {
                throw new InvalidReferenceException("invalid reference format: repository name must be lowercase");
            }
            throw new InvalidReferenceException("invalid reference format");
        }
        if (m.group(1).length() > ReferenceGrammar.NAME_TOTAL_LENGTH_MAX) {
            throw new InvalidReferenceException("invalid reference format: repository name must not be more than "
                    + ReferenceGrammar.NAME_TOTAL_LENGTH_MAX + " characters");
        }
        if (!ReferenceGrammar.DOMAIN_PATTERN.matcher(domain).matches()) {
            // The whole string only matched because the first component also reads as a path component.
            throw new InvalidReferenceException("invalid reference format");
        }
        String path = m.group(1).substring(domain.length() + 1);
        return new ImageReference(domain, path, m.group(2), parseDigest(m.group(3)));
    }

    /** Splits off the domain as docker does: the first component is a domain if it has '.', ':' or uppercase, or is localhost. */
    private static String[] splitDockerDomain(String name) {
        int slash = name.indexOf('/');
        String domain;
        String remainder;
        if (slash < 0) {
            domain = DOCKER_HUB_DOMAIN;
            remainder = name;
        } else {
            String first = name.substring(0, slash);
            boolean isDomain = first.equals("localhost") || first.equals(LEGACY_HUB_DOMAIN)
                    || first.contains(".") || first.contains(":")
                    || !first.toLowerCase(Locale.ROOT).equals(first);
            domain = isDomain ? first : DOCKER_HUB_DOMAIN;
            remainder = isDomain ? name.substring(slash + 1) : name;
        }
        if (domain.equals(LEGACY_HUB_DOMAIN)) {
            domain = DOCKER_HUB_DOMAIN;
        }
        if (domain.equals(DOCKER_HUB_DOMAIN) && !nameOf(remainder).contains("/")) {
            remainder = OFFICIAL_PREFIX + remainder;
        }
        return new String[]{domain, remainder};
    }

    /** The name part of a remainder (before any tag or digest), to decide whether it has a namespace. */
    private static String nameOf(String remainder) {
        int at = remainder.indexOf('@');
        String beforeDigest = at >= 0 ? remainder.substring(0, at) : remainder;
        int colon = beforeDigest.indexOf(':');
        return colon >= 0 ? beforeDigest.substring(0, colon) : beforeDigest;
    }

    /** go-digest's validation messages, since the grammar accepts algorithms and lengths we cannot verify. */
    private static Digest parseDigest(String text) {
        if (text == null) {
            return null;
        }
        int colon = text.indexOf(':');
        String algorithm = text.substring(0, colon);
        String hex = text.substring(colon + 1);
        int expectedLength = switch (algorithm) {
            case "sha256" -> 64;
            case "sha512" -> 128;
            default -> throw new InvalidReferenceException("unsupported digest algorithm");
        };
        if (hex.length() != expectedLength) {
            throw new InvalidReferenceException("invalid checksum digest length");
        }
        try {
            return Digest.parse(text);
        } catch (InvalidArgumentException e) {
            throw new InvalidReferenceException("invalid checksum digest format");
        }
    }

    /** True if {@code tag} is a valid tag ({@code [\w][\w.-]{0,127}}). */
    public static boolean isValidTag(String tag) {
        return tag != null && ReferenceGrammar.TAG_PATTERN.matcher(tag).matches();
    }

    /** This reference with {@code :latest} if it has neither tag nor digest. */
    public ImageReference withDefaultTag() {
        return tag == null && digest == null ? withTag(DEFAULT_TAG) : this;
    }

    /** Same repository and digest, with {@code tag} (validated). */
    public ImageReference withTag(String tag) {
        if (!isValidTag(tag)) {
            throw new InvalidReferenceException("invalid tag format");
        }
        return new ImageReference(domain, path, tag, digest);
    }

    /** Same repository and tag, with {@code digest}. */
    public ImageReference withDigest(Digest digest) {
        return new ImageReference(domain, path, tag, Objects.requireNonNull(digest, "digest"));
    }

    /** Just the repository. */
    public ImageReference withoutTagOrDigest() {
        return new ImageReference(domain, path, null, null);
    }

    /** The canonical repository name, e.g. {@code docker.io/library/busybox}. */
    public String repository() {
        return domain + "/" + path;
    }

    /** The short repository name docker prints: {@code busybox}, {@code user/app}, {@code localhost:5000/foo/bar}. */
    public String familiarRepository() {
        if (!domain.equals(DOCKER_HUB_DOMAIN)) {
            return repository();
        }
        if (path.startsWith(OFFICIAL_PREFIX) && path.indexOf('/', OFFICIAL_PREFIX.length()) < 0) {
            return path.substring(OFFICIAL_PREFIX.length());
        }
        return path;
    }

    /** The short form docker uses in {@code RepoTags}/{@code RepoDigests}: {@code busybox:latest}, {@code localhost:5000/foo@sha256:…}. */
    public String familiarString() {
        return familiarRepository() + suffix();
    }

    /** The host to talk the registry API to: {@code registry-1.docker.io} for Docker Hub, else the domain. */
    public String registryHost() {
        return domain.equals(DOCKER_HUB_DOMAIN) ? DOCKER_HUB_REGISTRY_HOST : domain;
    }

    /** True for Docker Hub references. */
    public boolean isDockerHub() {
        return domain.equals(DOCKER_HUB_DOMAIN);
    }

    private String suffix() {
        return (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }

    /** The canonical form, e.g. {@code docker.io/library/busybox:latest}. */
    @Override
    public String toString() {
        return repository() + suffix();
    }
}
