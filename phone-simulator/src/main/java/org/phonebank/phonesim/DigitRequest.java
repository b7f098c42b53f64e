// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim;

/**
 * The arguments of one {@code play_and_get_digits}, read by position and defaulted as {@code
 * play_and_get_digits_function} in FreeSWITCH's {@code
 * src/mod/applications/mod_dptools/mod_dptools.c} does: {@code <min> <max> <tries> <timeout>
 * <terminators> <file> <invalid_file> <var> <regexp> [<digit_timeout>]}; a minimum below zero is
 * zero, a maximum below the minimum is the minimum, no terminators means {@code #}. An argument in
 * single quotes loses them, as {@code switch_separate_string} (src/switch_utils.c, {@code
 * cleanup_separated_string}) strips them: {@code ''} is an empty regular expression, which {@code
 * switch_play_and_get_digits} treats as none.
 */
record DigitRequest(
    int min,
    int max,
    int tries,
    String terminators,
    String file,
    String invalidFile,
    String variable,
    String regexp) {

  /** Parses the argument, or returns null when it is not a usable play_and_get_digits argument. */
  static DigitRequest parse(String arg) {
    String[] args = arg.trim().split(" +");
    if (args.length < 9) {
      return null;
    }
    try {
      int min = Math.max(0, Integer.parseInt(args[0]));
      int max = Math.max(min, Integer.parseInt(args[1]));
      String terminators = args[4].isEmpty() ? "#" : args[4];
      return new DigitRequest(
          min,
          max,
          Integer.parseInt(args[2]),
          terminators,
          args[5],
          args[6],
          args[7],
          unquoted(args[8]));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String unquoted(String arg) {
    return arg.length() >= 2 && arg.startsWith("'") && arg.endsWith("'")
        ? arg.substring(1, arg.length() - 1)
        : arg;
  }

  boolean isTerminator(char key) {
    return terminators.indexOf(key) >= 0;
  }
}
