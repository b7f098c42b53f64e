// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call.esl;

import java.util.Optional;
import org.phonebank.call.KeypadEntry.Ending;
import org.phonebank.call.SecretEntry;
import org.phonebank.esl.EslEvent;

/**
 * How FreeSWITCH's {@code play_and_get_digits} left the channel variables, as the CHANNEL_EXECUTE
 * _COMPLETE shows them, read the way FreeSWITCH means them. Followed in signalwire/freeswitch
 * (commit cc93a683, 2026-08), {@code src/switch_ivr_play_say.c}: {@code switch_ivr_read} (lines
 * 2505-2628) and {@code switch_play_and_get_digits} (lines 2630-2700).
 *
 * <pre>
 * read_result  {var}          {var}_invalid  read_terminator_used  ending
 * success      set, len < max  -             #                     TERMINATED
 * success      set, len = max  -             -                     FULL
 * timeout      set             -             -                     PAUSED     (l. 2608; PAGD counts it a success, l. 2666)
 * failure      set             -             -                     TOO_FEW    (fewer than min, l. 2599; still set at l. 2622)
 * any          unset           set           -                     REFUSED    (regex refused, l. 2683-2689)
 * success      unset           -             -                     HASH_ONLY  (one-key question: l. 2618 drops a lone #)
 * failure      unset           -             #                     HASH_ONLY  (l. 2584, then too small at l. 2599)
 * failure      unset           -             -                     NOTHING
 * </pre>
 *
 * {@code switch_ivr_read} clears {@code read_result} and the variable before reading (l. 2542,
 * 2545) but never {@code read_terminator_used}: a value left from an earlier question would be read
 * as this one's, so {@link EslPhone} unsets it after every read that reports it.
 */
record DigitResult(Ending ending, String keys) {

  static final String READ_RESULT = "read_result";
  static final String TERMINATOR_USED = "read_terminator_used";

  static DigitResult of(EslEvent done, String variable, int maxDigits) {
    Optional<String> keys = done.variable(variable).filter(k -> !k.isEmpty());
    if (keys.isPresent()) {
      return new DigitResult(keyed(done, keys.get().length(), maxDigits), keys.get());
    }
    Optional<String> refused = done.variable(variable + "_invalid").filter(k -> !k.isEmpty());
    if (refused.isPresent()) {
      return new DigitResult(Ending.REFUSED, refused.get());
    }
    return new DigitResult(notKeyed(done), "");
  }

  /**
   * The same reading for a variable the decoder parsed as a secret ({@link
   * EslEvent#secretVariable(String)}): a new entry holding a copy of the keys, which the caller
   * closes; the event's own array is left for the caller to wipe.
   */
  static SecretEntry secret(EslEvent done, String variable, int maxDigits) {
    Optional<char[]> keys = done.secretVariable(variable).filter(k -> k.length > 0);
    if (keys.isPresent()) {
      return new SecretEntry(keyed(done, keys.get().length, maxDigits), keys.get());
    }
    Optional<char[]> refused = done.secretVariable(variable + "_invalid").filter(k -> k.length > 0);
    if (refused.isPresent()) {
      return new SecretEntry(Ending.REFUSED, refused.get());
    }
    return new SecretEntry(notKeyed(done), new char[0]);
  }

  private static Ending keyed(EslEvent done, int length, int maxDigits) {
    return switch (done.variable(READ_RESULT).orElse("")) {
      case "success" -> length >= maxDigits ? Ending.FULL : Ending.TERMINATED;
      case "timeout" -> Ending.PAUSED;
      default -> Ending.TOO_FEW;
    };
  }

  private static Ending notKeyed(EslEvent done) {
    boolean hash =
        "success".equals(done.variable(READ_RESULT).orElse(""))
            || done.variable(TERMINATOR_USED).isPresent();
    return hash ? Ending.HASH_ONLY : Ending.NOTHING;
  }

  @Override
  public String toString() {
    return "DigitResult[" + ending + ", " + keys.length() + " keys]";
  }
}
