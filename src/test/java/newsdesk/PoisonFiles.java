package newsdesk;

import java.nio.charset.StandardCharsets;

/** The hostile files (in ASCII, with text no other test file has, so a DeepL request is never taken for theirs) of an outside probe that once looped or were billed for markup or expanded entities, made here (they are big or repetitive). */
public final class PoisonFiles {

    private PoisonFiles() {
    }

    /** Front matter with a value nested 5,000 lists deep (10 KB). */
    public static byte[] deepFrontMatter() {
        return utf8("---\ntitle: T\nx: " + "[".repeat(5000) + "]".repeat(5000) + "\n---\n\nEin tief verschachtelter Vorspann steht vor diesem Satz.\n");
    }

    /** NITF with 20,000 nested blocks in body.content. */
    public static byte[] deepNitf() {
        return utf8("<nitf><head><title>Tief</title></head><body><body.content>" + "<block>".repeat(20_000)
                + "<p>Zwanzigtausend Bloecke umgeben diesen Absatz.</p>" + "</block>".repeat(20_000) + "</body.content></body></nitf>");
    }

    /** A 95 KB NITF declaring one 93 KB internal entity and using it in 60 paragraphs: 5.6 million characters of text. */
    public static byte[] entityText() {
        return utf8("<!DOCTYPE nitf [<!ENTITY a \"" + "Der Rat tagt. ".repeat(93 * 1024 / 14) + "\">]><nitf><body><body.content>"
                + "<p>&a;</p>".repeat(60) + "</body.content></body></nitf>");
    }

    /** A 104 KB NITF whose entities (within the expansion count) expand to about 40 MB. */
    public static byte[] entityMegabytes() {
        return utf8("<!DOCTYPE nitf [<!ENTITY a \"" + "Der Rat tagt. ".repeat(100 * 1024 / 14) + "\">]><nitf><body><body.content>"
                + "<p>&a;</p>".repeat(400) + "</body.content></body></nitf>");
    }

    /** 20,000 quote markers before 359 characters of text. */
    public static byte[] quotedMarkdown() {
        String text = "Zwanzigtausend Zitatzeichen stehen vor diesem Text. ".repeat(7).substring(0, 359);
        return utf8("> ".repeat(20_000) + text + "\n");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
