package newsdesk.ingest.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;

/**
 * Finds a web page's article text among its navigation, teasers, comments and ads, as paragraphs
 * (subheadings, list items and quotes each one paragraph).
 *
 * <p>The rules, after Readability's and trafilatura's published ideas (docs/formats.md): drop what is
 * never article text (scripts, form controls, navigation, captions, hidden elements, elements whose class
 * or id says comment, share, related, sidebar... unless they are mostly paragraphs of sentences); take the
 * body the page marks as such, if it does; else score every block of running text by its length and commas
 * and credit its parent and grandparent; the best-scored container, less the share of its text that is links, holds the article,
 * and siblings that score like it, read like running text or continue it join it (an ancestor with far more
 * running text and few links more takes its place); the lead the page names as such between the headline and
 * that body comes first. Within it each block becomes a paragraph, except link lists,
 * furniture lines ("Advertisement"), short stray lines before and after the text and the reading tips
 * below it. A short result is read again without the class rules.
 */
final class HtmlMainText {

    /** Never article text. */
    private static final Set<String> DROPPED_TAGS = Set.of("script", "style", "noscript", "template", "svg", "canvas", "iframe",
            "object", "embed", "button", "input", "select", "textarea", "option", "nav", "aside", "footer", "dialog", "menu",
            "figure", "figcaption", "video", "audio", "picture", "img", "map", "link", "meta", "head", "label");
    /** Class or id words of page furniture (after Readability's "unlikely candidates"), unless article words outweigh them. */
    private static final Pattern FURNITURE = Pattern.compile("(?i)(^|[-_ ])(replies|respond|more-stories|sidebar|widget-area|banner|"
            + "menu|navbar|nav|navigation|footer|masthead|gdpr|consent|subscription|"
            + "ad-slot|adslot|pagination|pager|tags|tag-list|taglist|bio|credit|modal|popup|overlay|"
            + "skip|print|toolbar|rating|vote|jump|toc|meta|byline|dateline|timestamp|date|published|hidden|sr-only|"
            + "visually-hidden|screen-reader-text|teaser|teasers|carousel|slider|gallery|video|player|legend|author|info|download|"
            + "downloads|appstore|appstores)($|[-_ ])");
    /**
     * Furniture however it is written (imageCaption, PromoSmall, Author_InfoContainer, bilduntertitel): never article text,
     * whatever else the class says; a placeholder stands where an embed loads after consent.
     */
    private static final Pattern STRONG_FURNITURE = Pattern.compile("(?i)caption|comment(?!ary)|disqus|share|sharing|social|related|"
            + "promo|advert|newsletter|cookie|sponsor|outbrain|taboola|breadcrumb|subscribe|signup|recommend|trending|popular|"
            + "read-?more|more-from|also-read|recirculation|author[-_]?(bio|info|box)|ratings|placeholder|image-?desc|bildunter");
    /** Class or id words of article text, which outweigh furniture words (after Readability's "maybe candidates"). */
    private static final Pattern ARTICLE = Pattern.compile("(?i)(article|body|content|entry|main|post|story|text|blog|column)");
    private static final Pattern POSITIVE = Pattern.compile("(?i)article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story");
    private static final Pattern NEGATIVE = Pattern.compile("(?i)-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|"
            + "footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget");
    private static final Pattern HIDDEN_STYLE = Pattern.compile("(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden");
    /** Blocks whose text is a paragraph of their own. */
    private static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt",
            "td", "th", "div", "section", "article", "main", "ul", "ol", "dl", "table", "tbody", "thead", "tr", "header", "address",
            "center", "details", "summary", "hr", "br");
    private static final Set<String> SUBHEADINGS = Set.of("h2", "h3", "h4", "h5", "h6");
    private static final Set<String> SCORED = Set.of("p", "pre", "td", "blockquote");
    private static final String MARKED_BODY = "[itemprop=articleBody], [class~=(?i)^(article|story|entry|post|news)[-_]?(body|content|text)$],"
            + " [id~=(?i)^(article|story|entry|post|news)[-_]?(body|content|text)$]";
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…:;\"“”»«'’)。！？」』]$");
    /** Lines that are furniture wherever they stand, compared in lower case without punctuation at either end. */
    private static final Set<String> BOILERPLATE_LINES = Set.of("advertisement", "advert", "ad", "anzeige", "werbung",
            "skip to content", "skip to main content", "zum inhalt springen", "login", "log in", "log out", "sign in", "sign up",
            "anmelden", "abmelden", "subscribe", "abonnieren", "share", "teilen", "tweet", "email", "e-mail", "print", "drucken",
            "comments", "kommentare", "related", "related news", "related articles", "related stories", "trending", "read more",
            "weiterlesen", "mehr zum thema", "lesen sie auch", "das könnte sie auch interessieren", "this slideshow requires javascript",
            "to read the full story", "continue reading", "back to top", "nach oben", "close", "schließen", "menu", "menü", "search",
            "suche", "follow us", "folgen sie uns", "kommentieren", "kommentar schreiben", "antworten", "reply", "leave a reply",
            "leave a comment");
    /** A request to log in before taking part, in German or English: furniture of discussion pages. */
    private static final Pattern LOGIN_PROMPT = Pattern.compile("(?iu)(sie müssen sich|du musst dich|bitte melden sie sich|"
            + "you must be|please) (\\p{L}+ )?(einloggen|anmelden|an\\b|logged in|log in|sign in)");
    /** The words that open the reading tips or the author's box under an article, in German and English. */
    private static final Pattern READING_TIPS = Pattern.compile("(?iu)(das (thema )?könnte (dich|sie|euch) auch interessieren|"
            + "auch interessant|schon gelesen|lesen sie auch|lies auch|mehr zum thema|weitere artikel|ähnliche (artikel|beiträge)|"
            + "zum weiterlesen|über (den autor|die autorin)|noch mehr infos|you (might|may) also like|related (articles|stories|posts)|"
            + "more (from|stories)|about the author|also read)\\b");
    /** Stands for a {@code <br>} in collected text: a private-use character no page has. */
    private static final char BR = '\uE000';
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\uE000[\\s\u00A0]*\uE000[\\s\u00A0\uE000]*");
    private static final Pattern COMMA = Pattern.compile("[,،、，]");
    private static final Pattern TEASER = Pattern.compile("(?i)teaser");
    /**
     * Class, id or itemprop words of a lead or standfirst, in the words pages use (chapo in French templates, dek in
     * American ones); not "leading", which sets line height.
     */
    private static final Pattern LEAD_NAMES = Pattern.compile("(?i)lead(?!ing)|intro|teaser|summary|standfirst|description|excerpt|dek|"
            + "deck|sub-?title|abstract|chapo|prolog");
    /** How far, and by how much more running text, the article may reach beyond the best container ({@link #widen}). */
    private static final int WIDEN_LEVELS = 5;
    private static final int WIDEN_FACTOR = 4;
    private static final Evaluator H1_HEADLINE = QueryParser.parse("h1, :is(h2, h3, h4)[itemprop=headline]");
    private static final Evaluator H2_HEADLINE = QueryParser.parse("h2, :is(h3, h4)[itemprop=headline]");
    /** How far above the body the headline may stand for the text between them to be the lead. */
    private static final int LEAD_LEVELS = 4;
    /** How many paragraphs of running text make an element named like furniture article text ({@link #isMostlyRunningText}). */
    private static final int RUNNING_BLOCKS = 3;
    /** Class or id words of discussions, whose posts are running text and furniture of an article page all the same. */
    private static final Pattern DISCUSSION = Pattern.compile("(?i)comment|disqus|replies|respond|forum|discussion");

    /** Per element: its text length, the part of it in links, its commas, and its score as a container. */
    private static final class Stats {
        int chars;
        int linkChars;
        int commas;
        double score;
        boolean candidate;
        /** Characters in paragraphs of running text, for {@link #widen} only. */
        int running;
        /** Text and commas outside the element's child blocks: runs of text between them, which Readability wraps as paragraphs. */
        int ownChars;
        int ownCommas;
    }

    /** Below this many characters a result is taken for the wrong block, and the page is read again without the class rules. */
    private static final int SHORT_TEXT = 500;

    /** Tags whose lines are items of a list, table or code ({@link #endsWithAnnouncedItems}). */
    private static final Set<String> ITEMS = Set.of("li", "td", "th", "dd", "dt", "pre");

    private final Map<Element, Stats> stats = new IdentityHashMap<>();
    /** The lines collected from list items, table cells and code: the text may end with a list or table. */
    private final Set<String> items = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Whether class and id names count (furniture, scores): off for the second reading of a page whose first was short. */
    private final boolean classRules;
    /** The page's headline from its metadata, or null: the {@code h1} that matches it is the one a lead follows. */
    private final String headline;

    /**
     * The page's headline: an {@code h1} ({@code h2} on a page with no {@code h1} outside its furniture), or a lower
     * heading the page marks as the headline (news templates that set it in an {@code h3}).
     */
    private Evaluator headlineQuery = H1_HEADLINE;

    private HtmlMainText(boolean classRules, String headline) {
        this.classRules = classRules;
        this.headline = headline == null ? null : ParsedArticle.oneLine(headline).toLowerCase(Locale.ROOT);
    }

    /**
     * The article's paragraphs. A result under {@link #SHORT_TEXT} characters is often the wrong block (a bio, a
     * teaser list) or a page whose text stands in containers named like furniture (forum posts in "comment"
     * blocks, a body classed "share"): then a fresh copy of the page is read without the class rules, as
     * Readability retries; that text wins when it is at least twice as long (a short post with its share bar is
     * not the wrong block).
     */
    static List<String> paragraphs(Element body, String headline, Supplier<Element> freshCopy) {
        List<String> strict = new HtmlMainText(true, headline).extract(body);
        int chars = length(strict);
        if (chars >= SHORT_TEXT) {
            return strict;
        }
        List<String> relaxed = new HtmlMainText(false, headline).extract(freshCopy.get());
        return length(relaxed) >= 2 * chars + 100 ? relaxed : strict;
    }

    private static int length(List<String> paragraphs) {
        return paragraphs.stream().mapToInt(String::length).sum();
    }

    private List<String> extract(Element body) {
        measure(body);
        prune(body);
        // A page without an h1 but in its furniture may set its headline in an h2: the one that reads as the metadata's headline.
        headlineQuery = headline != null && body.selectFirst("h1") == null ? H2_HEADLINE : H1_HEADLINE;
        stats.clear();
        measure(body);
        Element top = topCandidate(body);
        List<Element> parts = marked(body, top);
        if (parts.isEmpty()) {
            parts = top == null ? List.of(body) : withSiblings(widen(top, body));
        }
        List<String> paragraphs = new ArrayList<>();
        for (Element part : parts) {
            collect(part, paragraphs);
        }
        paragraphs.removeIf(HtmlMainText::isBoilerplateLine);
        cutReadingTips(paragraphs);
        trimEdges(paragraphs);
        // After the trimming: the date line or photo credit between a lead and the body is no more article text than before.
        paragraphs.addAll(0, lead(parts.get(0)));
        return paragraphs;
    }

    /** Page furniture that is written out in the text: "Advertisement", "Read more", "© 2019 ... All rights reserved". */
    private static boolean isBoilerplateLine(String paragraph) {
        String line = paragraph.toLowerCase(java.util.Locale.ROOT).replaceAll("[\\p{P}\\s]+$", "").replaceAll("^[\\p{P}\\s]+", "");
        return BOILERPLATE_LINES.contains(line) || paragraph.length() < 200 && LOGIN_PROMPT.matcher(line).lookingAt()
                || paragraph.length() < 200 && (line.startsWith("©") || line.startsWith("copyright") || line.contains("all rights reserved"));
    }

    /**
     * A line that opens the reading tips or the author's box below an article ("Das könnte dich auch interessieren",
     * "Über den Autor", "You may also like") in its second half, with at most a third of the text after it, ends the
     * article there.
     */
    private static void cutReadingTips(List<String> paragraphs) {
        int total = length(paragraphs);
        int after = total;
        for (int i = 0; i < paragraphs.size(); i++) {
            String line = paragraphs.get(i);
            after -= line.length();
            // A tip box amid the text ("Auch interessant" and a link) is passed over: only a third or less may follow.
            if (i >= paragraphs.size() / 2 && after <= total / 3 && line.length() <= 80 && READING_TIPS.matcher(line).lookingAt()) {
                paragraphs.subList(i, paragraphs.size()).clear();
                return;
            }
        }
    }

    /**
     * Short lines that do not end like a sentence before the first and after the last paragraph of
     * text are the furniture around an article (a kicker, byline, date line, "Log in"), not its start or end.
     */
    private void trimEdges(List<String> paragraphs) {
        // A text of short lines only (a table of data, a list of steps) is all the page has: trimmed it would be refused.
        if (paragraphs.stream().allMatch(HtmlMainText::isStray)) {
            return;
        }
        while (!paragraphs.isEmpty() && isStray(paragraphs.get(0))) {
            paragraphs.remove(0);
        }
        if (endsWithAnnouncedItems(paragraphs)) {
            return;
        }
        while (!paragraphs.isEmpty() && isStray(paragraphs.get(paragraphs.size() - 1))) {
            paragraphs.remove(paragraphs.size() - 1);
        }
    }

    /**
     * Whether the text ends with list items, table cells or code that a line ending in a colon announces
     * ("Folgende Bestimmungen gelten:" and a table): the end of the article, not the furniture after it.
     */
    private boolean endsWithAnnouncedItems(List<String> paragraphs) {
        int start = paragraphs.size();
        while (start > 0 && isStray(paragraphs.get(start - 1))) {
            start--;
        }
        return start > 0 && start < paragraphs.size() && paragraphs.get(start - 1).endsWith(":")
                && paragraphs.subList(start, paragraphs.size()).stream().allMatch(items::contains);
    }

    private static boolean isStray(String paragraph) {
        return paragraph.length() < 80 && paragraph.split("\\s+").length < 10 && !SENTENCE_END.matcher(paragraph).find();
    }

    /**
     * The elements the page itself marks as the article's body (schema.org's {@code itemprop=articleBody},
     * or a class such as article-body, entry-content, story-text), outermost first; empty when there are none
     * or they hold much less text than the best-scored container, as a teaser or a summary would.
     */
    private List<Element> marked(Element body, Element top) {
        List<Element> marked = new ArrayList<>();
        for (Element element : body.select(MARKED_BODY)) {
            if (marked.stream().noneMatch(outer -> element.parents().contains(outer))) {
                marked.add(element);
            }
        }
        int chars = marked.stream().mapToInt(e -> stats.get(e).chars).sum();
        int topChars = top == null ? 0 : stats.get(top).chars;
        boolean microdata = marked.stream().anyMatch(e -> e.attr("itemprop").equals("articleBody"));
        return chars >= 200 && (microdata || chars >= 0.5 * topChars * (1 - linkDensity(top))) ? marked : List.of();
    }

    /**
     * The lead: running text between the headline ({@code h1}, the one that reads as the page's headline when
     * its metadata names one, not a site name) and the article's body, such as a teaser or standfirst in a block
     * of its own above the body, that the page names as such ({@link #isNamedLead}). Only where the headline stands
     * close above the body (a common container at most {@link #LEAD_LEVELS} levels up) or the named lead opens the
     * body's own {@code article} element, and never more text than the body has.
     */
    private List<String> lead(Element first) {
        Element headline = first.selectFirst(headlineQuery);
        if (headline != null || first.parent() == null) {
            return List.of();
        }
        Element above = first.parent();
        for (int level = 1; level < LEAD_LEVELS && above.selectFirst(headlineQuery) == null && above.parent() != null; level++) {
            above = above.parent();
        }
        boolean belowHeadline = above.selectFirst(headlineQuery) != null;
        // Without a headline close above, a named lead may still open the body's own article element.
        Element container = belowHeadline ? above : first.parent().closest("article");
        if (container == null) {
            return List.of();
        }
        List<Element> blocks = new ArrayList<>();
        if (!belowHeadline) {
            blocks.add(container);
        }
        NodeTraversor.filter(new org.jsoup.select.NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node == first) {
                    return FilterResult.STOP;
                }
                if (node instanceof Element element && element != container) {
                    if (element.is(headlineQuery)) {
                        blocks.clear();
                        if (isHeadline(element)) {
                            blocks.add(element);
                        }
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (!blocks.isEmpty() && BLOCKS.contains(element.normalName()) && !hasBlockChild(element)) {
                        blocks.add(element);
                        return FilterResult.SKIP_ENTIRELY;
                    }
                }
                return FilterResult.CONTINUE;
            }
        }, container);
        List<String> lead = new ArrayList<>();
        for (Element block : blocks.subList(Math.min(1, blocks.size()), blocks.size())) {
            if (linkDensity(block) < 0.2 && isNamedLead(block, container)) {
                collectLeaf(block, lead);
            }
        }
        // Sentences, not the date line, credit line or kicker around them.
        lead.removeIf(line -> line.length() < 40 || !SENTENCE_END.matcher(line).find() && line.length() < 150);
        return length(lead) <= stats.get(first).chars ? lead : List.of();
    }

    /**
     * Whether the page says a block is the article's lead: by a class, id or {@code itemprop} such as lead, intro,
     * teaser, standfirst, summary or description on it or a wrapper below the common container, or as a
     * paragraph in the article's {@code header}. Key points, photo captions and quotes between headline and
     * body say no such thing, and the benchmark's annotators did not count them as text.
     */
    private static boolean isNamedLead(Element block, Element container) {
        boolean paragraph = block.normalName().equals("p");
        for (Element e = block; e != null && e != container; e = e.parent()) {
            if (paragraph && e.normalName().equals("header")
                    || LEAD_NAMES.matcher(e.className() + " " + e.id() + " " + e.attr("itemprop")).find()) {
                return true;
            }
        }
        return false;
    }

    private boolean isHeadline(Element h1) {
        String text = ParsedArticle.oneLine(h1.text()).toLowerCase(Locale.ROOT);
        return headline == null || text.length() >= 10 && (headline.contains(text) || text.contains(headline));
    }

    /** Removes what is never article text. */
    private void prune(Element body) {
        List<Node> dropped = new ArrayList<>();
        NodeTraversor.filter(new org.jsoup.select.NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof org.jsoup.nodes.Comment) {
                    dropped.add(node);
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (node instanceof Element element && element != body && isFurniture(element, body)) {
                    dropped.add(element);
                    return FilterResult.SKIP_ENTIRELY;
                }
                return FilterResult.CONTINUE;
            }
        }, body);
        dropped.forEach(Node::remove);
    }

    private boolean isFurniture(Element element, Element body) {
        String tag = element.normalName();
        if (DROPPED_TAGS.contains(tag)) {
            return true;
        }
        if (element.hasAttr("hidden") || "true".equals(element.attr("aria-hidden"))
                || HIDDEN_STYLE.matcher(element.attr("style")).find()) {
            return true;
        }
        String role = element.attr("role");
        if (role.equals("navigation") || role.equals("complementary") || role.equals("contentinfo") || role.equals("banner")
                || role.equals("dialog") || role.equals("alert") || role.equals("menu") || role.equals("menubar")) {
            return true;
        }
        // A table row's class names what the row holds (a player, a product), not furniture.
        if (tag.equals("body") || tag.equals("article") || tag.equals("main") || tag.equals("a") || tag.equals("tr")) {
            return false;
        }
        String names = element.className() + " " + element.id();
        if (!classRules || names.length() <= 1) {
            return false;
        }
        // A paragraph's class words are mostly styling ("has-text-color", "date-sensitive"): only the strong ones, a
        // caption or credit line set as a paragraph, make it furniture.
        boolean furniture = STRONG_FURNITURE.matcher(names).find() || !tag.equals("p")
                && FURNITURE.matcher(names).find() && !ARTICLE.matcher(names).find() && !isLeadTeaser(element, names);
        // Furniture is a small part of a page: a layout wrapper ("container has-sidebar") that holds
        // most of the text, the article or its headline is not; an article classed as a teaser is another one's, in a list.
        return furniture && stats.get(element).chars < 0.4 * stats.get(body).chars
                && element.selectFirst("main, h1, [itemprop=articleBody]") == null
                && element.select("article").stream().allMatch(article -> TEASER.matcher(article.className() + " " + article.id()).find())
                && (DISCUSSION.matcher(names).find() || !isMostlyRunningText(element));
    }

    /**
     * Share bars, tag lists and players hold no paragraphs of sentences: an element named so that is mostly
     * {@link #RUNNING_BLOCKS} or more of them is article text under a name that says otherwise (a section whose id
     * is made from its heading, "sharing-with-a-single-developer"). Comments and forum posts are running text by nature.
     */
    private boolean isMostlyRunningText(Element element) {
        int blocks = 0;
        int chars = 0;
        for (Element block : element.getAllElements()) {
            if (isRunningBlock(block)) {
                blocks++;
                chars += stats.get(block).chars;
            }
        }
        return blocks >= RUNNING_BLOCKS && chars >= 0.5 * stats.get(element).chars;
    }

    /**
     * A block named teaser that links nowhere and holds running text is the article's own teaser (its lead); the
     * teasers of other articles link to them.
     */
    private boolean isLeadTeaser(Element element, String names) {
        Stats s = stats.get(element);
        return TEASER.matcher(names).find() && s.linkChars == 0 && s.chars >= 80 && SENTENCE_END.matcher(element.text()).find();
    }

    /** Text length, link text length and commas of every element, in one pass. */
    private void measure(Element body) {
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element element) {
                    stats.put(element, new Stats());
                }
            }

            @Override
            public void tail(Node node, int depth) {
                Element parent = (Element) node.parent();
                if (node instanceof TextNode text) {
                    String content = text.getWholeText();
                    if (content.isBlank()) {
                        return;
                    }
                    int chars = content.strip().length() + 1;
                    int commas = (int) COMMA.matcher(content).results().count();
                    boolean inLink = false;
                    boolean inBlock = false;
                    for (Element e = parent; e != null && stats.containsKey(e); e = e.parent()) {
                        Stats s = stats.get(e);
                        if (!inBlock && BLOCKS.contains(e.normalName())) {
                            inBlock = true;
                            s.ownChars += chars;
                            s.ownCommas += commas;
                        }
                        s.chars += chars;
                        s.commas += commas;
                        inLink |= e.normalName().equals("a");
                        if (inLink) {
                            s.linkChars += chars;
                        }
                    }
                }
            }
        }, body);
    }

    private double linkDensity(Element element) {
        Stats s = stats.get(element);
        return s == null || s.chars == 0 ? 0 : Math.min(1.0, (double) s.linkChars / s.chars);
    }

    /** Readability's scoring: blocks of running text credit their parent fully, grandparent by half, the next by a sixth. */
    private Element topCandidate(Element body) {
        List<Element> candidates = new ArrayList<>();
        for (Element element : body.getAllElements()) {
            String tag = element.normalName();
            boolean division = tag.equals("div") || tag.equals("section");
            Stats s = stats.get(element);
            if (s == null) {
                continue;
            }
            double score;
            Element ancestor;
            if (SCORED.contains(tag) || division && !hasBlockChild(element)) {
                score = s.chars < 25 ? 0 : 1 + s.commas + Math.min(s.chars / 100.0, 3);
                ancestor = element.parent();
            } else if (division) {
                // Text between a division's blocks (lines parted by <br>) is paragraphs of that division, as Readability wraps
                // them: their length counts uncapped, as that of several paragraphs would.
                score = s.ownChars < 25 ? 0 : 1 + s.ownCommas + s.ownChars / 100.0;
                ancestor = element;
            } else {
                continue;
            }
            if (score == 0) {
                continue;
            }
            for (int level = 0; level < 3 && ancestor != null && stats.containsKey(ancestor); level++, ancestor = ancestor.parent()) {
                Stats a = stats.get(ancestor);
                if (!a.candidate) {
                    a.candidate = true;
                    a.score = initialScore(ancestor);
                    candidates.add(ancestor);
                }
                a.score += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
            }
        }
        Element best = null;
        double bestScore = 0;
        for (Element candidate : candidates) {
            Stats s = stats.get(candidate);
            s.score *= 1 - linkDensity(candidate);
            if (s.score > bestScore) {
                bestScore = s.score;
                best = candidate;
            }
        }
        // A container holding nothing but the best one says nothing new; its wider parent may hold the rest of the text.
        while (best != null && best.parent() != null && stats.containsKey(best.parent()) && best.parent() != body
                && stats.get(best.parent()).chars <= stats.get(best).chars * 1.05) {
            best = best.parent();
        }
        return best;
    }

    private double initialScore(Element element) {
        double score = switch (element.normalName()) {
            case "div", "article", "main", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return score + classWeight(element);
    }

    private double classWeight(Element element) {
        double weight = 0;
        if (!classRules) {
            return weight;
        }
        for (String name : new String[] {element.className(), element.id()}) {
            if (name.isEmpty()) {
                continue;
            }
            if (NEGATIVE.matcher(name).find()) {
                weight -= 25;
            }
            if (POSITIVE.matcher(name).find()) {
                weight += 25;
            }
        }
        return weight;
    }

    /**
     * The best container and those of its siblings that look like more of the same article: scored like it,
     * paragraphs, a block or two of running text (a lead in a wrapper of its own), or a section of text of
     * a size like its own (an article split into sections).
     */
    private List<Element> withSiblings(Element top) {
        Element parent = top.parent();
        if (parent == null) {
            return List.of(top);
        }
        double threshold = Math.max(10, stats.get(top).score * 0.2);
        List<Element> parts = new ArrayList<>();
        for (Element sibling : parent.children()) {
            Stats s = stats.get(sibling);
            if (sibling == top) {
                parts.add(sibling);
            } else if (s != null && s.candidate && s.score + (sameClass(sibling, top) ? stats.get(top).score * 0.2 : 0) >= threshold) {
                parts.add(sibling);
            } else if (s != null && sibling.normalName().equals("p")) {
                double density = linkDensity(sibling);
                String text = sibling.text();
                if (s.chars > 80 && density < 0.25 || s.chars <= 80 && s.chars > 0 && density == 0 && text.matches(".*\\.( |$).*")) {
                    parts.add(sibling);
                }
            } else if (s != null && (isRunningText(sibling) || continuesText(sibling, top))) {
                parts.add(sibling);
            }
        }
        return parts;
    }

    /**
     * An article in blocks that score apart (the answers of an FAQ, the posts of a thread, the modules of a guide)
     * fills an ancestor of the best container: the nearest of up to {@link #WIDEN_LEVELS} ancestors, each step
     * {@link #WIDEN_FACTOR} times the running text of the last with next to no links in what it adds, is taken.
     */
    private Element widen(Element top, Element body) {
        Element best = top;
        boolean measured = false;
        Element ancestor = top.parent();
        for (int level = 0; level < WIDEN_LEVELS && ancestor != null && ancestor != body && stats.containsKey(ancestor);
                level++, ancestor = ancestor.parent()) {
            Stats wide = stats.get(ancestor);
            Stats narrow = stats.get(best);
            int added = wide.chars - narrow.chars;
            if (added > 0 && wide.linkChars - narrow.linkChars < 0.1 * added) {
                if (!measured) {
                    // Measured only for the pages that may need it: most add links on the way up.
                    measureRunningText(body);
                    measured = true;
                }
                if (wide.running >= WIDEN_FACTOR * narrow.running) {
                    best = ancestor;
                }
            }
        }
        return best;
    }

    /** Per element, the characters of its paragraphs of running text ({@link #isRunningBlock}). */
    private void measureRunningText(Element body) {
        for (Element block : body.getAllElements()) {
            if (isRunningBlock(block)) {
                int chars = stats.get(block).chars;
                for (Element e = block; e != null && stats.containsKey(e); e = e.parent()) {
                    stats.get(e).running += chars;
                }
            }
        }
    }

    /** A paragraph of running text: a block of 80 characters or more, few links, ending like a sentence. */
    private boolean isRunningBlock(Element block) {
        Stats s = stats.get(block);
        return s != null && s.chars >= 80 && BLOCKS.contains(block.normalName()) && linkDensity(block) < 0.25 && !hasBlockChild(block)
                && SENTENCE_END.matcher(block.text()).find();
    }

    /** A block or two of sentences with next to no links, as a lead or a paragraph in a wrapper of its own is. */
    private boolean isRunningText(Element element) {
        Stats s = stats.get(element);
        if (s.chars <= 80 || linkDensity(element) >= 0.25) {
            return false;
        }
        List<Element> leaves = new ArrayList<>();
        for (Element block : element.getAllElements()) {
            if (BLOCKS.contains(block.normalName()) && !hasBlockChild(block) && stats.get(block).chars > 0) {
                leaves.add(block);
                if (leaves.size() > 3) {
                    return false;
                }
            }
        }
        return leaves.stream().allMatch(leaf -> SENTENCE_END.matcher(leaf.text()).find());
    }

    /** A sibling holding a good share of text like the best container's, with few links: the article's next section. */
    private boolean continuesText(Element sibling, Element top) {
        Stats s = stats.get(sibling);
        int topChars = stats.get(top).chars;
        if (s.chars < 0.25 * topChars || s.chars < 200 || s.commas < 2 || linkDensity(sibling) >= 0.2) {
            return false;
        }
        // A bigger sibling is the rest of an article split into sections only if it reads like it: as many commas
        // per character as half the body's, and next to no links.
        return s.chars <= 1.5 * topChars
                || (double) s.commas / s.chars >= 0.5 * stats.get(top).commas / topChars && linkDensity(sibling) < 0.1;
    }

    private static boolean sameClass(Element a, Element b) {
        return !a.className().isEmpty() && a.className().equals(b.className());
    }

    private static boolean hasBlockChild(Element element) {
        for (Element child : element.children()) {
            if (BLOCKS.contains(child.normalName()) && !child.normalName().equals("br")) {
                return true;
            }
        }
        return false;
    }

    /** Each block's text as a paragraph, inline runs between blocks too; link lists are left out. */
    private void collect(Element container, List<String> paragraphs) {
        StringBuilder inline = new StringBuilder();
        for (Node child : container.childNodes()) {
            if (child instanceof TextNode text) {
                inline.append(text.getWholeText());
            } else if (child instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("br")) {
                    inline.append(BR);
                } else if (!BLOCKS.contains(tag)) {
                    appendText(element, inline);
                } else {
                    flush(inline, container, paragraphs);
                    if (tag.equals("h1")) {
                        // The headline, which is the article's title line already.
                        continue;
                    }
                    int before = paragraphs.size();
                    if (hasBlockChild(element)) {
                        collect(element, paragraphs);
                    } else if (keeps(element)) {
                        collectLeaf(element, paragraphs);
                        if (ITEMS.contains(tag)) {
                            items.addAll(paragraphs.subList(before, paragraphs.size()));
                        }
                    }
                    if (paragraphs.size() == before && stats.get(element) != null && stats.get(element).linkChars > 0) {
                        dropHeadingOf(element, paragraphs);
                    }
                }
            }
        }
        flush(inline, container, paragraphs);
    }

    /** The subheading right above a list of links that was left out ("Neueste Artikel", "Weitere Informationen") goes with it. */
    private static void dropHeadingOf(Element list, List<String> paragraphs) {
        Element heading = list.previousElementSibling();
        if (heading != null && SUBHEADINGS.contains(heading.normalName()) && !paragraphs.isEmpty()
                && paragraphs.get(paragraphs.size() - 1).equals(ParsedArticle.oneLine(heading.text()))) {
            paragraphs.remove(paragraphs.size() - 1);
        }
    }

    private void collectLeaf(Element element, List<String> paragraphs) {
        StringBuilder text = new StringBuilder();
        appendText(element, text);
        split(text.toString(), paragraphs);
    }

    /** The element's text, each {@code <br>} marked, so that a run of them can part paragraphs as in browsers. */
    private static void appendText(Element element, StringBuilder text) {
        for (Node node : element.childNodes()) {
            if (node instanceof TextNode textNode) {
                text.append(textNode.getWholeText());
            } else if (node instanceof Element child) {
                if (child.normalName().equals("br")) {
                    text.append(BR);
                } else {
                    appendText(child, text);
                }
            }
        }
    }

    /** Source line breaks are spaces; two or more {@code <br>} in a row end a paragraph, one is a space. */
    private static void split(String text, List<String> paragraphs) {
        for (String part : PARAGRAPH_BREAK.split(text)) {
            String line = ParsedArticle.oneLine(part.replace(BR, ' '));
            if (!line.isEmpty()) {
                paragraphs.add(line);
            }
        }
    }

    private void flush(StringBuilder inline, Element container, List<String> paragraphs) {
        String text = inline.toString();
        inline.setLength(0);
        if (linkDensity(container) < 0.5 || text.length() > 100) {
            split(text, paragraphs);
        }
    }

    /** A block is left out when it is mostly links (a list of related stories) and short. */
    private boolean keeps(Element block) {
        Stats s = stats.get(block);
        if (s == null || s.chars == 0) {
            return false;
        }
        double density = linkDensity(block);
        if (density > 0.5 && (s.chars < 200 || !block.normalName().equals("p"))) {
            return false;
        }
        return true;
    }
}
