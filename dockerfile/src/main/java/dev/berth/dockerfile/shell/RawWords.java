package dev.berth.dockerfile.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text at blanks outside quotes, keeping quotes and escapes in the words: {@code A="x y" B=\ z} gives
 * {@code A="x y"} and {@code B=\ z}. Used where words are found first and expanded later (ENV, LABEL, ARG, heredoc
 * markers), as BuildKit's {@code parseWords} does.
 */
public final class RawWords {
    private RawWords() {}

    /** The words of {@code text}, with {@code escape} as the escape character. */
    public static List<String> split(String text, char escape) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quote == 0 && Character.isWhitespace(ch)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                continue;
            }
            inWord = true;
            word.append(ch);
            if (ch == escape && quote != '\'' && i + 1 < text.length()) {
                word.append(text.charAt(++i));
            } else if (quote == 0 && (ch == '"' || ch == '\'')) {
                quote = ch;
            } else if (ch == quote) {
                quote = 0;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
