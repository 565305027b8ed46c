package newsdesk.translate;

/** DeepL refuses all work for now (quota, key), so an article is not even sent; its file waits. */
public class DeeplPausedException extends Exception {
    public DeeplPausedException() {
        super("Newsdesk is paused while DeepL refuses work.", null, false, false);
    }
}
