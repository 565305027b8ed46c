package newsdesk;

import com.deepl.api.DeepLClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import newsdesk.deliver.ResultFormatter;
import newsdesk.ingest.ArticleReader;
import newsdesk.ingest.RejectionReport;
import newsdesk.summarize.ExtractiveSummarizer;
import newsdesk.translate.DeeplClientFactory;
import newsdesk.translate.DeeplTranslator;
import newsdesk.translate.InFlightLimit;
import newsdesk.translate.MissingSettingException;
import newsdesk.translate.RequestPacker;
import newsdesk.translate.SummaryTranslator;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;

/** The beans the routes call by name, built from config/application.properties. */
@Configuration
public class NewsdeskBeans implements CamelConfiguration {

    /**
     * The data folders exist before any route starts, so people can see where to drop files. A
     * mistyped translation mode stops start-up rather than silently translating in full.
     */
    @Override
    public void configure(CamelContext context) throws IOException, MissingSettingException {
        String mode = context.resolvePropertyPlaceholders("{{newsdesk.translate}}");
        if (!mode.equals("full") && !mode.equals("summary")) {
            throw new MissingSettingException("NEWSDESK_TRANSLATE (newsdesk.translate) must be full or summary, not '"
                    + mode + "'.");
        }
        String dataDir = context.resolvePropertyPlaceholders("{{newsdesk.data-dir}}");
        for (String folder : new String[] {"inbox", "outbox", "archive", "error"}) {
            Files.createDirectories(Path.of(dataDir, folder));
        }
    }

    @BindToRegistry
    public ArticleReader articleReader(@PropertyInject("newsdesk.source-language") String sourceLanguage,
                                       @PropertyInject("newsdesk.inbox.max-bytes") long maxBytes) {
        return new ArticleReader(sourceLanguage, maxBytes);
    }

    @BindToRegistry
    public DeeplTranslator deeplTranslator(@PropertyInject("deepl.auth-key") String authKey,
                                           @PropertyInject("deepl.auth-key-file") String authKeyFile,
                                           @PropertyInject("deepl.server-url") String serverUrl,
                                           @PropertyInject("deepl.max-retries") int maxRetries,
                                           @PropertyInject("deepl.timeout-ms") long timeoutMs,
                                           @PropertyInject("newsdesk.target-language") String targetLanguage,
                                           @PropertyInject("newsdesk.concurrency") int concurrency)
            throws MissingSettingException {
        DeepLClient client = DeeplClientFactory.create(authKey, authKeyFile, serverUrl, maxRetries, timeoutMs);
        return new DeeplTranslator(client, new RequestPacker(), new InFlightLimit(concurrency), targetLanguage);
    }

    @BindToRegistry
    public ExtractiveSummarizer extractiveSummarizer(@PropertyInject("newsdesk.summary.sentences") int sentences,
                                                     @PropertyInject("newsdesk.summary.max-chars") int maxChars) {
        return new ExtractiveSummarizer(sentences, maxChars);
    }

    @BindToRegistry
    public SummaryTranslator summaryTranslator(@BeanInject("extractiveSummarizer") ExtractiveSummarizer summarizer,
                                               @BeanInject("deeplTranslator") DeeplTranslator translator) {
        return new SummaryTranslator(summarizer, translator, new RequestPacker());
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
