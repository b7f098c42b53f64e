// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.knowledge;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.phonebank.escalation.EscalationReason;
import org.phonebank.officer.desk.ResponseCodeWords;

/**
 * What one version of an article says, and what it answers: titles and bodies in English and
 * Persian, plain text only, and its links to escalation reasons and switch response codes.
 *
 * <p>Refused with {@link IllegalArgumentException} and a message naming the field: a blank or
 * over-long title (over {@value #MAX_TITLE} characters) or body (over {@value #MAX_BODY}); any
 * {@code <} or {@code >} (articles are plain text and never markup) or control character other than
 * line breaks and tabs; an escalation reason that is not an {@link EscalationReason} key; a
 * response code the switch link does not know ({@link ResponseCodeWords}), or {@code 00}, which
 * declines nothing; more than {@value #MAX_LINKS} links of a kind.
 *
 * @param escalationReasons {@link EscalationReason#key()}s, sorted, without repeats
 * @param responseCodes two-digit ISO 8583 field 39 codes, sorted, without repeats
 */
public record ArticleText(
    String titleEnglish,
    String titlePersian,
    String bodyEnglish,
    String bodyPersian,
    List<String> escalationReasons,
    List<String> responseCodes) {

  public static final int MAX_TITLE = 120;
  public static final int MAX_BODY = 4000;
  public static final int MAX_LINKS = 10;

  public ArticleText {
    titleEnglish = plain("English title", titleEnglish, MAX_TITLE);
    titlePersian = plain("Persian title", titlePersian, MAX_TITLE);
    bodyEnglish = plain("English body", bodyEnglish, MAX_BODY);
    bodyPersian = plain("Persian body", bodyPersian, MAX_BODY);
    escalationReasons = links("escalation reasons", escalationReasons);
    for (String reason : escalationReasons) {
      if (Arrays.stream(EscalationReason.values()).noneMatch(r -> r.key().equals(reason))) {
        throw new IllegalArgumentException(
            "Unknown escalation reason '"
                + shown(reason)
                + "'; known: "
                + Arrays.stream(EscalationReason.values())
                    .map(EscalationReason::key)
                    .collect(Collectors.joining(", "))
                + ".");
      }
    }
    responseCodes = links("response codes", responseCodes);
    for (String code : responseCodes) {
      if (!ResponseCodeWords.isKnown(code) || "00".equals(code)) {
        throw new IllegalArgumentException(
            "Unknown response code '"
                + shown(code)
                + "'; known decline codes: "
                + String.join(", ", ResponseCodeWords.declineCodes())
                + ".");
      }
    }
  }

  /** Whether this text mentions {@code needle} (already {@linkplain Search#fold folded}). */
  boolean mentions(String needle) {
    return Search.fold(titleEnglish + "\n" + titlePersian + "\n" + bodyEnglish + "\n" + bodyPersian)
        .contains(needle);
  }

  boolean titleMentions(String needle) {
    return Search.fold(titleEnglish + "\n" + titlePersian).contains(needle);
  }

  private static String plain(String field, String text, int max) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("The " + field + " is required.");
    }
    String trimmed = text.strip().replace("\r\n", "\n");
    if (trimmed.length() > max) {
      throw new IllegalArgumentException(
          "The "
              + field
              + " is too long: at most "
              + max
              + " characters, it has "
              + trimmed.length()
              + ".");
    }
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (c == '<' || c == '>') {
        throw new IllegalArgumentException(
            "The " + field + " must be plain text: '<' and '>' are not allowed (no markup).");
      }
      if (Character.isISOControl(c) && c != '\n' && c != '\t') {
        throw new IllegalArgumentException(
            "The "
                + field
                + " contains a control character; only line breaks and tabs are allowed.");
      }
    }
    return trimmed;
  }

  private static List<String> links(String kind, List<String> keys) {
    List<String> sorted =
        Objects.requireNonNullElse(keys, List.<String>of()).stream()
            .map(key -> key == null ? "" : key.strip())
            .filter(key -> !key.isEmpty())
            .distinct()
            .sorted()
            .toList();
    if (sorted.size() > MAX_LINKS) {
      throw new IllegalArgumentException(
          "At most " + MAX_LINKS + " " + kind + " per article (" + sorted.size() + " given).");
    }
    return sorted;
  }

  /** A refused value, shortened and stripped of anything but letters, digits and dashes. */
  private static String shown(String value) {
    String safe = value.replaceAll("[^\\p{L}\\p{N}-]", "?");
    return safe.length() > 32 ? safe.substring(0, 32) + "..." : safe;
  }
}
