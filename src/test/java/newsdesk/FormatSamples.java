package newsdesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/** The German sample article of each format (src/test/resources/articles), what each must read as, and the ninjs 2.1 schema. */
public final class FormatSamples {

    /** A sample file, the format it is read as, its headline and byline. */
    record Sample(String file, String format, String headline, String byline) {
        byte[] bytes() {
            try {
                return Files.readAllBytes(Path.of("src/test/resources/articles", file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static final List<Sample> ALL = List.of(
            new Sample("de-heise-1password.html", "html", "1Password für Mac generiert Einmal-Passwörter", "Mac & i"),
            new Sample("de-bahnstreik.md", "markdown", "Bahnstreik legt den Fernverkehr lahm", "Anna Schmidt"),
            new Sample("de-hochwasser.json", "ninjs", "Hochwasser an der Elbe: Dresden erwartet den Höchststand", "Jonas Weber"),
            new Sample("de-nitf-landtagswahl.xml", "nitf", "Landtagswahl: Hohe Beteiligung am Mittag", "Von Petra Müller"),
            new Sample("de-newsml-haushalt.xml", "newsml-g2", "Bundestag beschließt Haushalt für 2027", "Von Markus Klein"));

    /** The GeoJSON schema it refers to is a local stand-in, so validating needs no network. */
    private static final JsonSchema NINJS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                    builder -> builder.schemaMappers(mappers -> mappers.mapPrefix("https://geojson.org/schema/", "classpath:ninjs/")))
            .getSchema(FormatSamples.class.getResourceAsStream("/ninjs/ninjs-schema_2.1.json"));

    private FormatSamples() {
    }

    static Set<ValidationMessage> ninjsViolations(JsonNode item) {
        return NINJS.validate(item);
    }

    /** The bytes gzip-compressed, as an inbox file {@code name.html.gz} holds them. */
    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
