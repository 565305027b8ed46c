package newsdesk.summarize;

import java.util.List;

/**
 * An article's candidate sentences as the rankings see them: the verbatim texts in text order and, for
 * each, its terms (lower-cased, stemmed content words without stopwords).
 */
record Candidates(List<String> texts, List<List<String>> terms, Language language) {

    static Candidates of(List<String> texts, Language language) {
        return new Candidates(texts, texts.stream().map(language::terms).toList(), language);
    }

    int size() {
        return texts.size();
    }
}
