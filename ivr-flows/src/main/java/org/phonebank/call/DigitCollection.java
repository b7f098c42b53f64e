// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call;

import java.time.Duration;
import java.util.Objects;
import org.phonebank.prompt.Prompt;

/**
 * Play a prompt and collect keypad digits: between {@code minDigits} and {@code maxDigits}, ended
 * early by the terminator key {@code #}, given up after {@code timeout} without input. Keys pressed
 * while the prompt plays interrupt it.
 */
public record DigitCollection(Prompt prompt, int minDigits, int maxDigits, Duration timeout) {

  public DigitCollection {
    Objects.requireNonNull(prompt, "Prompt is required.");
    Objects.requireNonNull(timeout, "Timeout is required.");
    if (minDigits < 1 || maxDigits < minDigits || maxDigits > 128) {
      throw new IllegalArgumentException("Digit bounds must satisfy 1 <= min <= max <= 128.");
    }
    if (timeout.toMillis() < 1000) {
      throw new IllegalArgumentException("FreeSWITCH clamps digit timeouts below one second.");
    }
  }
}
