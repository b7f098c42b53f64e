// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The officers' REST API as a browser-less client sees it: over HTTPS, trusting only the demo
 * certificate {@code ./phonebank start} made, signed in as the demo officer by HTTP Basic.
 */
final class OfficerConsole {

  // JSON-B may order the properties as it likes: read each object, then each property.
  private static final Pattern OBJECT = Pattern.compile("\\{[^}]*\\}");
  private static final Pattern FINGERPRINT =
      Pattern.compile("\"fingerprint\"\\s*:\\s*\"([0-9a-f]{64})\"");
  private static final Pattern MASKED = Pattern.compile("\"maskedCard\"\\s*:\\s*\"([^\"]+)\"");

  static final String PLAIN_BASE =
      "http://127.0.0.1:" + PhoneBankStack.HTTP_PORT + "/officer/api/lockouts";
  static final String BASE =
      "https://127.0.0.1:" + PhoneBankStack.HTTPS_PORT + "/officer/api/lockouts";

  private final HttpClient http;
  private final String base = BASE;
  private final String authorization;

  OfficerConsole(PhoneBankStack stack) throws IOException, GeneralSecurityException {
    this.http = HttpClient.newBuilder().sslContext(trusting(stack)).build();
    String password = Files.readString(stack.state().resolve("officer-password")).trim();
    this.authorization = basic("officer", password);
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** TLS that trusts the console's demo certificate alone. */
  static SSLContext trusting(PhoneBankStack stack) throws IOException, GeneralSecurityException {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    try (InputStream pem = Files.newInputStream(stack.state().resolve("console-certificate.pem"))) {
      trusted.setCertificateEntry(
          "console", CertificateFactory.getInstance("X.509").generateCertificate(pem));
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trust.getTrustManagers(), null);
    return tls;
  }

  HttpClient client() {
    return http;
  }

  String authorization() {
    return authorization;
  }

  /** Masked cards now locked. */
  List<String> lockedCards() throws IOException, InterruptedException {
    List<String> masked = new ArrayList<>();
    for (String[] card : cards()) {
      masked.add(card[1]);
    }
    return masked;
  }

  /** Unlocks the card shown as {@code maskedCard}; false when it was not locked. */
  boolean unlockIfLocked(String maskedCard) throws IOException, InterruptedException {
    for (String[] card : cards()) {
      if (card[1].equals(maskedCard)) {
        int status = unlockStatus(card[0]);
        if (status != 204) {
          throw new AssertionError("unlock answered " + status);
        }
        return true;
      }
    }
    return false;
  }

  int unlockStatus(String fingerprint) throws IOException, InterruptedException {
    HttpRequest post =
        HttpRequest.newBuilder(URI.create(base + "/" + fingerprint + "/unlock"))
            .header("Authorization", authorization)
            .header("X-Phonebank-Console", "1")
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    return http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  int statusWithoutLogin() throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create(base)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** Each locked card as {fingerprint, masked card}. */
  private List<String[]> cards() throws IOException, InterruptedException {
    List<String[]> cards = new ArrayList<>();
    Matcher object = OBJECT.matcher(list());
    while (object.find()) {
      Matcher fingerprint = FINGERPRINT.matcher(object.group());
      Matcher masked = MASKED.matcher(object.group());
      if (fingerprint.find() && masked.find()) {
        cards.add(new String[] {fingerprint.group(1), masked.group(1)});
      }
    }
    return cards;
  }

  private String list() throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base)).header("Authorization", authorization).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "GET lockouts answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}
