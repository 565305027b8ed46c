package newsdesk;

import com.deepl.api.DeepLClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import newsdesk.deliver.ResultFormatter;
import newsdesk.ingest.ArticleReader;
import newsdesk.ingest.InboxFileCheck;
import newsdesk.ingest.LanguageGuesser;
import newsdesk.ingest.RejectionReport;
import newsdesk.summarize.ExtractiveSummarizer;
import newsdesk.translate.DeeplClientFactory;
import newsdesk.translate.DeeplPause;
import newsdesk.translate.DeeplTranslator;
import newsdesk.translate.MissingSettingException;
import newsdesk.translate.RequestPacker;
import newsdesk.translate.TranslationCache;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;

/** The beans the routes call by name, built from config/application.properties. */
@Configuration
public class NewsdeskBeans implements CamelConfiguration {

    /** The data folders exist before any route starts, so people can see where to drop files. */
    @Override
    public void configure(CamelContext context) throws IOException {
        String dataDir = context.resolvePropertyPlaceholders("{{newsdesk.data-dir}}");
        for (String folder : new String[] {"inbox", "outbox", "archive", "error", "cache"}) {
            Files.createDirectories(Path.of(dataDir, folder));
        }
    }

    @BindToRegistry
    public ArticleReader articleReader(@PropertyInject("newsdesk.source-language") String sourceLanguage,
                                       @PropertyInject("newsdesk.inbox.max-bytes") long maxBytes) {
        return new ArticleReader(sourceLanguage, maxBytes);
    }

    @BindToRegistry
    public InboxFileCheck inboxFileCheck(@PropertyInject("newsdesk.inbox.max-bytes") long maxBytes) {
        return new InboxFileCheck(maxBytes);
    }

    @BindToRegistry
    public LanguageGuesser languageGuesser(@PropertyInject("newsdesk.target-language") String targetLanguage) {
        return new LanguageGuesser(targetLanguage);
    }

    /** The one DeepL client, shared by the translator and the pause's usage checks. */
    @BindToRegistry
    public DeepLClient deeplClient(@PropertyInject("deepl.auth-key") String authKey,
                                   @PropertyInject("deepl.auth-key-file") String authKeyFile,
                                   @PropertyInject("deepl.server-url") String serverUrl,
                                   @PropertyInject("deepl.max-retries") int maxRetries,
                                   @PropertyInject("deepl.timeout-ms") long timeoutMs)
            throws MissingSettingException {
        return DeeplClientFactory.create(authKey, authKeyFile, serverUrl, maxRetries, timeoutMs);
    }

    // Lazy: built on first use, once deeplClient is bound.
    @BindToRegistry(lazy = true)
    public DeeplTranslator deeplTranslator(@BeanInject("deeplClient") DeepLClient client,
                                           @PropertyInject("newsdesk.data-dir") String dataDir,
                                           @PropertyInject("newsdesk.target-language") String targetLanguage)
            throws IOException {
        TranslationCache cache = new TranslationCache(Path.of(dataDir, "cache"));
        return new DeeplTranslator(client, new RequestPacker(), cache, targetLanguage);
    }

    @BindToRegistry(lazy = true)
    public DeeplPause deeplPause(@BeanInject("deeplClient") DeepLClient client,
                                 @PropertyInject("newsdesk.deepl.pause-check-ms") long checkIntervalMs) {
        return new DeeplPause(client, checkIntervalMs);
    }

    @BindToRegistry
    public ExtractiveSummarizer extractiveSummarizer(@PropertyInject("newsdesk.summary.sentences") int sentences,
                                                     @PropertyInject("newsdesk.summary.max-chars") int maxChars) {
        return new ExtractiveSummarizer(sentences, maxChars);
    }

    @BindToRegistry
    public ResultFormatter resultFormatter() {
        return new ResultFormatter();
    }

    @BindToRegistry
    public RejectionReport rejectionReport() {
        return new RejectionReport();
    }
}
