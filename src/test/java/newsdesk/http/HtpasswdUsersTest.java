package newsdesk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import newsdesk.translate.MissingSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtpasswdUsersTest {

    @TempDir
    Path dir;

    @Test
    void checksPasswordsAgainstBcryptEntriesAndReadsTheFileAgainWhenItChanges() throws Exception {
        Path file = HttpClients.EDITOR.usersFile(dir);
        HtpasswdUsers users = HtpasswdUsers.read(file);
        assertThat(users.verify("editor", HttpClients.EDITOR.password())).isTrue();
        assertThat(users.verify("editor", "wrong")).isFalse();
        assertThat(users.verify("nobody", HttpClients.EDITOR.password())).isFalse();

        Path other = new HttpClients("desk", "Zweites-Passwort").usersFile(dir);
        Files.setLastModifiedTime(other, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(users.verify("desk", "Zweites-Passwort")).isTrue();
        assertThat(users.verify("editor", HttpClients.EDITOR.password())).as("no longer in the file").isFalse();
    }

    @Test
    void refusesAFileWithoutBcryptEntriesNamingTheLineButNotItsContent() throws Exception {
        Path file = Files.writeString(dir.resolve("users"), "editor:$apr1$abc$0123456789abcdefghijkl\n");
        assertThatThrownBy(() -> HtpasswdUsers.read(file)).isInstanceOf(MissingSettingException.class)
                .hasMessageContaining("line 1").hasMessageNotContaining("apr1");
        assertThatThrownBy(() -> HtpasswdUsers.read(dir.resolve("missing"))).isInstanceOf(MissingSettingException.class)
                .hasMessageContaining("cannot be read");
    }
}
