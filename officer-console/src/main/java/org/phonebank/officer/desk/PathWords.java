// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer.desk;

import java.util.Locale;
import java.util.Map;

/**
 * The IVR path's step names ({@code org.phonebank.call.PathLog}, e.g. {@code transfer:amount},
 * {@code officer-queue:asked}) in words an officer reads at a glance. A step is a service, then
 * optionally {@code :} and what happened in it; a step this table does not know is shown with its
 * dashes as spaces, so a new step in the flows is still readable before it is added here.
 */
public final class PathWords {

  private static final Map<String, String> SERVICES =
      Map.ofEntries(
          Map.entry("main-menu", "Main menu"),
          Map.entry("card-entry", "Keyed the card number"),
          Map.entry("pin-entry", "Keyed the PIN"),
          Map.entry("authenticated", "PIN accepted by the issuer"),
          Map.entry("locked-out", "Locked out after wrong PINs"),
          Map.entry("balance", "Balance"),
          Map.entry("mini-statement", "Mini statement"),
          Map.entry("transfer", "Card-to-card transfer"),
          Map.entry("bill-payment", "Bill payment"),
          Map.entry("pin-change", "PIN change"),
          Map.entry("card-block", "Card block"),
          Map.entry("officer", "Asked for an officer"),
          Map.entry("officer-offer", "Offered an officer"),
          Map.entry("officer-queue", "Queued for an officer"),
          Map.entry("officer-callback", "Asked for a callback"),
          Map.entry("officer-transfer", "Transferred by the officer"),
          Map.entry("officer-transferred", "Back on hold after a transfer"));

  private PathWords() {}

  /** "Card-to-card transfer: declined insufficient funds" for {@code transfer:declined-...}. */
  public static String of(String step) {
    int colon = step.indexOf(':');
    String service = colon < 0 ? step : step.substring(0, colon);
    String words = SERVICES.getOrDefault(service, spaced(service));
    if (colon < 0 || colon == step.length() - 1) {
      return words;
    }
    return words + ": " + spaced(step.substring(colon + 1)).toLowerCase(Locale.ROOT);
  }

  private static String spaced(String name) {
    String spaced = name.replace('-', ' ').replace('_', ' ');
    return spaced.isEmpty()
        ? spaced
        : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }
}
