package dev.berth.runtime.image.reference;

import java.util.regex.Pattern;

/**
 * The reference grammar of distribution/reference ({@code regexp.go}), spelled out as regular expressions.
 *
 * <pre>
 * reference  := name [ ":" tag ] [ "@" digest ]
 * name       := [domain '/'] path-component ['/' path-component]*
 * domain     := host [':' port]      host := domain-name | '[' IPv6 ']'
 * path-comp  := [a-z0-9]+ (separator [a-z0-9]+)*     separator := [._] | __ | -+
 * tag        := [\w][\w.-]{0,127}
 * digest     := algorithm ':' hex{32,}
 * </pre>
 */
final class ReferenceGrammar {
    static final int NAME_TOTAL_LENGTH_MAX = 255;

    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String IPV6 = "\\[(?:[a-fA-F0-9:]+)\\]";
    private static final String HOST = "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|" + IPV6 + ")";
    private static final String DOMAIN = HOST + "(?::[0-9]+)?";
    private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String NAME = "(?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
    private static final String TAG = "[\\w][\\w.-]{0,127}";
    private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";

    /** Groups: 1 name, 2 tag, 3 digest. */
    static final Pattern REFERENCE = Pattern.compile("(" + NAME + ")(?::(" + TAG + "))?(?:@(" + DIGEST + "))?");
    static final Pattern TAG_PATTERN = Pattern.compile(TAG);
    static final Pattern DOMAIN_PATTERN = Pattern.compile(DOMAIN);
    static final Pattern PATH_PATTERN = Pattern.compile(PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*");
    /** A bare image ID, which docker refuses as a repository name to avoid confusion with IDs. */
    static final Pattern IDENTIFIER = Pattern.compile("[a-f0-9]{64}");

    private ReferenceGrammar() {}
}
