// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The arguments of one {@code play_and_get_digits} and FreeSWITCH's rules for them: {@code <min>
 * <max> <tries> <timeout> <terminators> <file> <invalid_file> <var> <regexp> ...}. Collection stops
 * at {@code max} keys; fewer than {@code min}, or keys the regexp refuses, fail.
 */
record DigitRequest(int min, int max, String file, String variable, String regexp) {

  /** Parses the argument, or returns null when it is not a usable play_and_get_digits argument. */
  static DigitRequest parse(String arg) {
    String[] args = arg.trim().split(" +");
    if (args.length < 9) {
      return null;
    }
    try {
      return new DigitRequest(
          Integer.parseInt(args[0]), Integer.parseInt(args[1]), args[5], args[7], args[8]);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The keys FreeSWITCH keeps: it stops listening once {@code max} have been pressed. */
  String collected(String keys) {
    return keys.length() > max ? keys.substring(0, max) : keys;
  }

  boolean accepts(String collected) {
    if (collected.length() < min) {
      return false;
    }
    try {
      return Pattern.compile(regexp).matcher(collected).matches();
    } catch (PatternSyntaxException e) {
      return false;
    }
  }

  /** What the transcript says the caller did: never the keys of an entry longer than one key. */
  String describe(String keys, boolean sensitive) {
    if (sensitive) {
      return "keys a secret (" + keys.length() + " keys)";
    }
    if (keys.isEmpty()) {
      return "presses # only";
    }
    if (max == 1 && keys.length() == 1) {
      return "presses " + keys;
    }
    return "keys " + keys.length() + " digits";
  }
}
