package dev.berth.runtime.container.store;

import java.security.SecureRandom;
import java.util.List;
import java.util.function.Predicate;

/**
 * Names for containers created without one, in docker's style: an adjective and a notable scientist or
 * engineer ("eager_hopper"), with a digit appended when the plain name is taken.
 */
public final class NameGenerator {
    private static final List<String> LEFT = List.of(
            "admiring", "adoring", "affectionate", "agitated", "amazing", "angry", "awesome", "beautiful", "blissful",
            "bold", "boring", "brave", "busy", "charming", "clever", "compassionate", "competent", "condescending",
            "confident", "cool", "cranky", "crazy", "dazzling", "determined", "distracted", "dreamy", "eager",
            "ecstatic",
            "elastic", "elated", "elegant", "eloquent", "epic", "exciting", "fervent", "festive", "flamboyant",
            "focused",
            "friendly", "frosty", "funny", "gallant", "gifted", "goofy", "gracious", "great", "happy", "hardcore",
            "heuristic", "hopeful", "hungry", "infallible", "inspiring", "intelligent", "interesting", "jolly",
            "jovial",
            "keen", "kind", "laughing", "loving", "lucid", "magical", "modest", "musing", "mystifying", "naughty",
            "nervous", "nice", "nifty", "nostalgic", "objective", "optimistic", "peaceful", "pedantic", "pensive",
            "practical", "priceless", "quirky", "quizzical", "recursing", "relaxed", "reverent", "romantic", "sad",
            "serene", "sharp", "silly", "sleepy", "stoic", "strange", "stupefied", "suspicious", "sweet", "tender",
            "thirsty", "trusting", "unruffled", "upbeat", "vibrant", "vigilant", "vigorous", "wizardly", "wonderful",
            "xenodochial", "youthful", "zealous", "zen");
    private static final List<String> RIGHT = List.of(
            "agnesi", "albattani", "allen", "almeida", "archimedes", "ardinghelli", "aryabhata", "austin", "babbage",
            "banach", "bardeen", "bartik", "bassi", "bell", "benz", "bhabha", "bhaskara", "blackwell", "bohr", "booth",
            "borg", "bose", "boyd", "brahmagupta", "brattain", "brown", "carson", "cerf", "chandrasekhar", "chaplygin",
            "chatelet", "clarke", "colden", "cori", "cray", "curie", "darwin", "davinci", "dijkstra", "dubinsky",
            "easley", "edison", "einstein", "elion", "engelbart", "euclid", "euler", "faraday", "feistel", "fermat",
            "fermi", "feynman", "franklin", "galileo", "gates", "goldberg", "goldstine", "goldwasser", "goodall",
            "hamilton", "haslett", "hawking", "heisenberg", "hellman", "hertz", "hodgkin", "hoover", "hopper", "hugle",
            "hypatia", "jackson", "jang", "jennings", "jepsen", "johnson", "joliot", "jones", "kalam", "kare", "keller",
            "kepler", "khayyam", "khorana", "kilby", "kirch", "knuth", "lalande", "lamarr", "lamport", "leakey",
            "leavitt", "lederberg", "lehmann", "lewin", "lichterman", "liskov", "lovelace", "lumiere", "mahavira",
            "margulis", "matsumoto", "maxwell", "mayer", "mccarthy", "mcclintock", "meitner", "mendel", "merkle",
            "mirzakhani", "montalcini", "moore", "morse", "napier", "nash", "neumann", "newton", "nightingale", "nobel",
            "noether", "northcutt", "noyce", "panini", "pare", "pascal", "pasteur", "perlman", "pike", "poincare",
            "ptolemy", "raman", "ramanujan", "ride", "ritchie", "roentgen", "rosalind", "saha", "sammet", "shamir",
            "shannon", "shaw", "shirley", "shockley", "sinoussi", "snyder", "spence", "stonebraker", "sutherland",
            "swanson", "swartz", "swirles", "taussig", "tesla", "tharp", "thompson", "torvalds", "turing",
            "varahamihira",
            "villani", "visvesvaraya", "volhard", "wescoff", "wiles", "williams", "wilson", "wing", "wozniak", "wright",
            "wu", "yalow", "yonath", "zhukovsky");

    private final SecureRandom random = new SecureRandom();

    /** A name {@code taken} says is free. */
    public String next(Predicate<String> taken) {
        for (int attempt = 0; attempt < 100; attempt++) {
            String name = LEFT.get(random.nextInt(LEFT.size())) + "_" + RIGHT.get(random.nextInt(RIGHT.size()));
            if (name.equals("boring_wozniak")) {
                continue; // Steve Wozniak is not boring (docker's own rule)
            }
            if (attempt > 0) {
                name += random.nextInt(10);
            }
            if (!taken.test(name)) {
                return name;
            }
        }
        throw new IllegalStateException("no free container name after 100 attempts");
    }
}
