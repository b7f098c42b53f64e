// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call.esl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EslSettingsTest {

  private static final PeerSecret SECRET = new PeerSecret("settings-test-secret-42");

  @Test
  void defaultsListenWhereTheDialplanSnippetPoints() {
    EslSettings settings = EslSettings.defaults(SECRET);
    assertEquals("127.0.0.1", settings.host());
    assertEquals(8084, settings.port());
    assertEquals("/var/lib/phonebank/prompts", settings.promptDirectory());
    assertEquals("wav", settings.audioExtension());
    assertEquals(Duration.ofSeconds(120), settings.commandTimeout());
    assertEquals(EslPeers.localWith(SECRET), settings.peers());
    assertEquals(List.of("127.0.0.1", "::1"), settings.peers().allowedAddresses());
    assertEquals(Duration.ofSeconds(5), settings.peers().handshakeTimeout());
    assertEquals(8 * 1024 * 1024, settings.peers().maxUnreadBytes());
  }

  @Test
  void everyKeyCanBeOverridden() {
    Map<String, String> given =
        Map.of(
            "phonebank.esl.host", "0.0.0.0",
            "phonebank.esl.port", " 9084 ",
            "phonebank.esl.prompt-dir", "/opt/prompts",
            "phonebank.esl.audio-extension", "sln16",
            "phonebank.esl.command-timeout-seconds", "30",
            "phonebank.esl.peer-secret", "another-secret-of-some-length",
            "phonebank.esl.allowed-peers", "10.1.2.3, 192.168.0.0/24",
            "phonebank.esl.handshake-timeout-seconds", "3",
            "phonebank.esl.max-unread-kib", "4096");
    EslSettings settings = EslSettings.from(key -> Optional.ofNullable(given.get(key)));
    assertEquals(
        new EslSettings(
            "0.0.0.0",
            9084,
            "/opt/prompts",
            "sln16",
            Duration.ofSeconds(30),
            new EslPeers(
                new PeerSecret("another-secret-of-some-length"),
                List.of("10.1.2.3", "192.168.0.0/24"),
                Duration.ofSeconds(3),
                4096 * 1024)),
        settings);
  }

  @Test
  void withoutAPeerSecretTheServerDoesNotStart() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class, () -> EslSettings.from(key -> Optional.empty()));
    assertTrue(refused.getMessage().contains("phonebank.esl.peer-secret"), refused.getMessage());
  }

  @Test
  void aShortOrOddSecretIsRefusedWithoutBeingEchoed() {
    IllegalArgumentException shortOne =
        assertThrows(IllegalArgumentException.class, () -> new PeerSecret("tooShort123"));
    assertFalse(shortOne.getMessage().contains("tooShort123"));
    assertThrows(IllegalArgumentException.class, () -> new PeerSecret("has space in it 0123456"));
    assertEquals("PeerSecret[****]", SECRET.toString());
    assertFalse(EslSettings.defaults(SECRET).toString().contains(SECRET.value()));
  }

  @Test
  void theSecretMatchesOnlyItself() {
    assertTrue(SECRET.matches("settings-test-secret-42"));
    assertFalse(SECRET.matches("settings-test-secret-43"));
    assertFalse(SECRET.matches("settings-test-secret-4"));
    assertFalse(SECRET.matches(null));
  }

  @Test
  void allowedPeersAreAddressLiteralsOrSubnetsNeverNames() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new EslPeers(SECRET, List.of("freeswitch.example"), Duration.ofSeconds(5), 1 << 23));
    assertThrows(
        IllegalArgumentException.class,
        () -> new EslPeers(SECRET, List.of("10.0.0.0/33"), Duration.ofSeconds(5), 1 << 23));
    assertThrows(
        IllegalArgumentException.class,
        () -> new EslPeers(SECRET, List.of(), Duration.ofSeconds(5), 1 << 23));
    new EslPeers(SECRET, List.of("fd00::/8", "10.0.0.7"), Duration.ofSeconds(5), 1 << 23);
  }

  @Test
  void handshakeTimeoutIsInSeconds() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new EslPeers(SECRET, List.of("127.0.0.1"), Duration.ofMillis(500), 1 << 23));
    assertThrows(
        IllegalArgumentException.class,
        () -> new EslPeers(SECRET, List.of("127.0.0.1"), Duration.ofSeconds(120), 1 << 23));
  }

  @Test
  void promptDirectoryWithASpaceIsRefusedSinceFreeSwitchSplitsArgumentsOnSpaces() {
    EslPeers peers = EslPeers.localWith(SECRET);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new EslSettings(
                "127.0.0.1", 8084, "/var/lib/phone bank", "wav", Duration.ofSeconds(60), peers));
    assertThrows(
        IllegalArgumentException.class,
        () -> new EslSettings("127.0.0.1", 8084, "/p!q", "wav", Duration.ofSeconds(60), peers));
  }

  @Test
  void portThatIsNotANumberIsNamedInTheError() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                EslSettings.from(
                    key ->
                        switch (key) {
                          case "phonebank.esl.port" -> Optional.of("eighty");
                          case "phonebank.esl.peer-secret" -> Optional.of(SECRET.value());
                          default -> Optional.empty();
                        }));
    assertTrue(refused.getMessage().contains("phonebank.esl.port"));
  }
}
