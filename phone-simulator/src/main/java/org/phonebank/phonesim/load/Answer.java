// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim.load;

/**
 * What the phone bank answered a caller's keys with, named from its first audible command: the
 * prompt a {@code playback} or {@code play_and_get_digits} plays, by its file name without folder,
 * language or extension ({@code /prompts/fa/main-menu.wav} is {@code main-menu}; of a {@code
 * file_string://} list, the first file), else the application itself ({@code hangup}, {@code
 * transfer}, {@code bridge}). The load report tells the calls that reached the expected next menu
 * from those refused on the way (a locked card, no PIN try left).
 */
final class Answer {

  private static final String FILE_LIST = "file_string://";

  /** The position of the prompt file among {@code play_and_get_digits}' arguments. */
  private static final int DIGITS_FILE = 5;

  private Answer() {}

  static String of(String application, String argument) {
    String playable =
        switch (application) {
          case "playback" -> argument.trim();
          case "play_and_get_digits" -> {
            String[] args = argument.trim().split(" +");
            yield args.length > DIGITS_FILE ? args[DIGITS_FILE] : "";
          }
          default -> null;
        };
    if (playable == null) {
      return application;
    }
    String files =
        playable.startsWith(FILE_LIST) ? playable.substring(FILE_LIST.length()) : playable;
    for (String file : files.split("!")) {
      // Tone and silence streams (tone_stream://, silence_stream://) say nothing.
      if (!file.isEmpty() && !file.contains("://")) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
      }
    }
    return application + " of nothing audible";
  }
}
