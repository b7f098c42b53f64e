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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The officers' REST API as a browser-less client sees it: over HTTPS, trusting only the demo
 * certificate {@code ./phonebank start} made, signed in as a demo user by the console's form
 * sign-in (its session cookie kept by the client).
 */
final class OfficerConsole {

  // JSON-B may order the properties as it likes: read each object, then each property.
  private static final Pattern OBJECT = Pattern.compile("\\{[^}]*\\}");
  private static final Pattern FINGERPRINT =
      Pattern.compile("\"fingerprint\"\\s*:\\s*\"([0-9a-f]{64})\"");
  private static final Pattern MASKED = Pattern.compile("\"maskedCard\"\\s*:\\s*\"([^\"]+)\"");

  static final String PLAIN_BASE =
      "http://127.0.0.1:" + PhoneBankStack.HTTP_PORT + "/officer/api/lockouts";
  static final String ROOT = "https://127.0.0.1:" + PhoneBankStack.HTTPS_PORT + "/officer";
  static final String BASE = ROOT + "/api/lockouts";

  private final HttpClient http;
  private final String base = BASE;

  /** Signed in as the demo officer. */
  OfficerConsole(PhoneBankStack stack) throws IOException, GeneralSecurityException {
    this(stack, "officer");
  }

  /** Signed in as the demo user {@code user} (officer, supervisor or backoffice). */
  OfficerConsole(PhoneBankStack stack, String user) throws IOException, GeneralSecurityException {
    this.http =
        HttpClient.newBuilder()
            .sslContext(trusting(stack))
            .cookieHandler(new java.net.CookieManager())
            .build();
    int status;
    try {
      status = signIn(http, user, password(stack, user));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    if (status != 204) {
      throw new AssertionError("sign-in as " + user + " answered " + status);
    }
  }

  static String password(PhoneBankStack stack, String user) throws IOException {
    return Files.readString(stack.state().resolve(user + "-password")).trim();
  }

  /** A form sign-in as the console's page sends it; the status (204, 401, 429). */
  static int signIn(HttpClient client, String user, String password)
      throws IOException, InterruptedException {
    return signInResponse(client, user, password).statusCode();
  }

  static HttpResponse<Void> signInResponse(HttpClient client, String user, String password)
      throws IOException, InterruptedException {
    String form =
        "username="
            + java.net.URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8);
    return client.send(
        HttpRequest.newBuilder(URI.create(ROOT + "/sign-in"))
            .header("X-Phonebank-Console", "1")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }

  /** A client trusting the demo certificate, with no session. */
  static HttpClient anonymous(PhoneBankStack stack) throws IOException, GeneralSecurityException {
    return HttpClient.newBuilder().sslContext(trusting(stack)).build();
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
            .header("X-Phonebank-Console", "1")
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    return http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  int statusWithoutLogin() throws IOException, InterruptedException {
    HttpClient fresh = HttpClient.newBuilder().sslContext(http.sslContext()).build();
    return fresh
        .send(
            HttpRequest.newBuilder(URI.create(base)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /**
   * How many callers the supervisor's wallboard ({@code GET api/wallboard}, as the supervisor)
   * counts as answered in {@code queue} (callers who joined in its window).
   */
  int answeredOnWallboard(String queue) throws IOException, InterruptedException {
    return queueFigure(wallboard(), queue, "answered");
  }

  /** The supervisor's wallboard as JSON ({@code GET api/wallboard}, as the supervisor). */
  String wallboard() throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(ROOT + "/api/wallboard"))
                .header("Accept", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError("GET wallboard answered " + response.statusCode());
    }
    return response.body();
  }

  /**
   * A whole-number figure ({@code answered}, {@code waiting}, ...) of one queue's wallboard row.
   */
  static int queueFigure(String wallboard, String queue, String figure) {
    // A queue's row is a flat object; JSON-B may order its properties as it likes.
    Matcher row =
        Pattern.compile("\\{[^{}]*\"queue\"\\s*:\\s*\"" + queue + "\"[^{}]*\\}").matcher(wallboard);
    if (!row.find()) {
      throw new AssertionError("no queue " + queue + " on the wallboard: " + wallboard);
    }
    return number(row.group(), figure);
  }

  /** How many officers the wallboard counts in {@code state} (READY, RESERVED, BUSY, ...). */
  static int officersIn(String wallboard, String state) {
    // The count's object has "officers"; an officer's own row has "officer" and "since".
    Matcher count =
        Pattern.compile("\\{[^{}]*\"state\"\\s*:\\s*\"" + state + "\"[^{}]*\\}").matcher(wallboard);
    while (count.find()) {
      if (count.group().contains("\"officers\"")) {
        return number(count.group(), "officers");
      }
    }
    throw new AssertionError("no count of " + state + " officers on the wallboard: " + wallboard);
  }

  private static int number(String object, String name) {
    Matcher value = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(object);
    if (!value.find()) {
      throw new AssertionError("no " + name + " in " + object);
    }
    return Integer.parseInt(value.group(1));
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
            HttpRequest.newBuilder(URI.create(base)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "GET lockouts answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}
