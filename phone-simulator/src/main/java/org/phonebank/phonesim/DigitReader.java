// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim;

import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * FreeSWITCH's {@code play_and_get_digits} over a {@link DtmfQueue}, step for step as
 * signalwire/freeswitch (commit cc93a683, 2026-08) does it, so that the channel variables the phone
 * bank reads are exactly FreeSWITCH's:
 *
 * <ul>
 *   <li>{@code switch_play_and_get_digits}, src/switch_ivr_play_say.c lines 2630-2700: clears
 *       {@code <var>_invalid}, runs {@code switch_ivr_read} up to {@code tries} times, counts a
 *       timeout with at least {@code min} keys a success (l. 2666) and, when the regular expression
 *       does not match (an unanchored PCRE search, src/switch_regex.c), unsets the variable and
 *       sets {@code <var>_invalid} (l. 2683-2690);
 *   <li>{@code switch_ivr_read}, same file lines 2505-2628: clears {@code read_result} and the
 *       variable (never {@code read_terminator_used}), plays the prompt, whose first key breaks it
 *       and becomes the first digit ({@code switch_ivr_play_file}, l. 1713), collects the rest,
 *       sets {@code read_terminator_used} when a terminator ended the entry (l. 2584), calls fewer
 *       than {@code min} keys too small (l. 2599), sets {@code read_result} to success, timeout or
 *       failure (l. 2603-2613), drops a lone terminator on a one-key question (l. 2618) and sets
 *       the variable to whatever keys remain (l. 2622), even after a failure;
 *   <li>{@code switch_ivr_collect_digits_count}, src/switch_ivr.c lines 1342-1480: a terminator
 *       already in the buffer ends it (l. 1402), then keys are read from the queue until a
 *       terminator (l. 1467), {@code max} keys (l. 1477) or the timeout, which here is an empty
 *       queue (l. 1434, 1448). Keys past {@code max} stay queued for the next read.
 * </ul>
 *
 * A caller who hangs up mid-entry ({@link CallScript.HangUpMidEntry}) ends the collection when the
 * queue runs dry: {@code switch_ivr_collect_digits_count} returns {@code SWITCH_STATUS_FALSE} once
 * the channel is not ready, {@code switch_ivr_read} sets {@code read_result} to {@code failure}
 * and, at its {@code end:} label, the variable to the keys so far (l. 2622), and {@code
 * switch_play_and_get_digits} tries no more ({@code switch_channel_ready}, l. 2694). The hang-up
 * itself (CHANNEL_HANGUP, raised by {@code switch_channel_perform_hangup} on the thread that saw
 * the caller go) comes first: {@code onHangUp} runs before the variable is set.
 */
final class DigitReader {

  static final String READ_RESULT = "read_result";
  static final String TERMINATOR_USED = "read_terminator_used";

  private enum Status {
    SUCCESS,
    TIMEOUT,
    TOO_SMALL,
    /** The channel went down during the collection. */
    FALSE
  }

  /** What one play_and_get_digits consumed, for the transcript. */
  record Reading(int keys, boolean terminator) {}

  private final DtmfQueue queue;
  private final Map<String, String> variables;
  private final Consumer<DtmfQueue.Key> dequeued;
  private BooleanSupplier hangsUpWhenDry = () -> false;
  private Runnable onHangUp = () -> {};
  private boolean channelDown;

  /**
   * @param dequeued told of every key an application reads from the queue (where FreeSWITCH raises
   *     the DTMF event for a key not marked sensitive)
   */
  DigitReader(DtmfQueue queue, Map<String, String> variables, Consumer<DtmfQueue.Key> dequeued) {
    this.queue = queue;
    this.variables = variables;
    this.dequeued = dequeued;
  }

  /**
   * Makes the caller hang up when a collection finds the queue empty and {@code hangsUp} says so,
   * instead of letting it time out; {@code onHangUp} runs at that moment.
   */
  DigitReader hangingUp(BooleanSupplier hangsUp, Runnable onHangUp) {
    this.hangsUpWhenDry = hangsUp;
    this.onHangUp = onHangUp;
    return this;
  }

  /** Whether the caller hung up during the last read. */
  boolean channelDown() {
    return channelDown;
  }

  /**
   * Runs one play_and_get_digits; {@code beforeTry} runs before each try's prompt, where the
   * caller's keys for it are queued.
   */
  Reading playAndGetDigits(DigitRequest request, Runnable beforeTry) {
    String invalidVariable = request.variable() + "_invalid";
    if (!request.regexp().isEmpty() && !request.variable().isEmpty()) {
      variables.remove(invalidVariable);
    }
    int keys = 0;
    boolean terminator = false;
    for (int tries = request.tries(); tries > 0; tries--) {
      beforeTry.run();
      StringBuilder buffer = new StringBuilder();
      Try one = read(request, buffer);
      keys += buffer.length();
      terminator |= one.terminated();
      Status status = one.status();
      if (channelDown) {
        return new Reading(keys, terminator);
      }
      if (status == Status.TIMEOUT && buffer.length() >= request.min()) {
        status = Status.SUCCESS;
      }
      if (request.min() == 0 && buffer.length() == 0 && variables.containsKey(TERMINATOR_USED)) {
        return new Reading(keys, terminator);
      }
      if (status == Status.SUCCESS && buffer.length() > 0) {
        if (request.regexp().isEmpty() || matches(request.regexp(), buffer)) {
          return new Reading(keys, terminator);
        }
        variables.remove(request.variable());
        variables.put(invalidVariable, buffer.toString());
      }
      // The invalid-input file plays without input arguments: keys neither break nor leave it.
    }
    return new Reading(keys, terminator);
  }

  private record Try(Status status, boolean terminated) {}

  /** switch_ivr_read for one try. */
  private Try read(DigitRequest request, StringBuilder buffer) {
    variables.remove(READ_RESULT);
    variables.remove(request.variable());
    Status status = Status.SUCCESS;
    // The prompt: the first queued key stops it and is the buffer's first digit.
    next().ifPresent(buffer::append);
    Optional<Character> ended = Optional.empty();
    if ((request.min() > 0 && buffer.length() < request.min()) || buffer.length() < request.max()) {
      Character[] terminator = new Character[1];
      status = collect(request, buffer, terminator);
      ended = Optional.ofNullable(terminator[0]);
    }
    ended.ifPresent(key -> variables.put(TERMINATOR_USED, String.valueOf(key)));
    int length = buffer.length();
    if (request.min() > 0 && length < request.min() && status != Status.FALSE) {
      status = Status.TOO_SMALL;
    }
    variables.put(
        READ_RESULT,
        switch (status) {
          case SUCCESS -> "success";
          case TIMEOUT -> "timeout";
          case TOO_SMALL, FALSE -> "failure";
        });
    if (request.max() == 1 && length == 1 && request.isTerminator(buffer.charAt(0))) {
      buffer.setLength(0);
    }
    if (buffer.length() > 0) {
      variables.put(request.variable(), buffer.toString());
    }
    return new Try(status, ended.isPresent());
  }

  /**
   * switch_ivr_collect_digits_count with an empty queue standing for the timeout; the terminator
   * that ended it goes into {@code terminator[0]}.
   */
  private Status collect(DigitRequest request, StringBuilder buffer, Character[] terminator) {
    for (int i = 0; i < buffer.length(); i++) {
      if (request.isTerminator(buffer.charAt(i))) {
        terminator[0] = buffer.charAt(i);
        buffer.setLength(i);
        return Status.SUCCESS;
      }
    }
    while (true) {
      Optional<Character> key = next();
      if (key.isEmpty() && hangsUpWhenDry.getAsBoolean()) {
        channelDown = true;
        onHangUp.run();
        return Status.FALSE;
      }
      if (key.isEmpty()) {
        return Status.TIMEOUT;
      }
      if (request.isTerminator(key.get())) {
        terminator[0] = key.get();
        return Status.SUCCESS;
      }
      buffer.append(key.get());
      if (buffer.length() >= request.max()) {
        return Status.SUCCESS;
      }
    }
  }

  private Optional<Character> next() {
    Optional<DtmfQueue.Key> key = queue.dequeue();
    key.ifPresent(dequeued);
    return key.map(DtmfQueue.Key::digit);
  }

  private static boolean matches(String regexp, CharSequence keys) {
    try {
      return Pattern.compile(regexp).matcher(keys).find();
    } catch (PatternSyntaxException e) {
      // FreeSWITCH logs the bad expression and counts it as no match.
      return false;
    }
  }
}
