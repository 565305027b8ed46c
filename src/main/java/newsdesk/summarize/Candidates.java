package newsdesk.summarize;

import java.util.List;

/**
 * The sentences a summary may be drawn from, in text order, each with its terms (stemmed content words),
 * and the title's terms (empty when there is no title).
 */
record Candidates(List<String> sentences, List<List<String>> terms, List<String> titleTerms) {

    int size() {
        return sentences.size();
    }
}
