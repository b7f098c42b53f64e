// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.prompt;

import org.phonebank.money.Rials;

/**
 * An amount of rials as the caller hears it: «یک میلیون و دویست هزار ریال», "one million two
 * hundred thousand rials". Persian keeps the noun singular after any number; English says "one
 * rial" but "rials" otherwise. Always rials, never toman: an IVR states the official unit.
 */
public final class SpokenAmount {

  private SpokenAmount() {}

  public static Prompt of(Rials amount, Language language) {
    long value = amount.value();
    String unit;
    if (language == Language.PERSIAN) {
      unit = "rial";
    } else {
      unit = value == 1 || value == -1 ? "rial" : "rials";
    }
    return SpokenNumber.of(value, language).then(Prompt.of(language, unit));
  }
}
