// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.phonebank.phonesim.CallScript;
import org.phonebank.phonesim.PhoneSimulator;

/** Reads a {@link LoadPlan} from {@code CallLoad}'s command line. */
final class LoadOptions {

  static final String USAGE =
      "usage: CallLoad [--esl 127.0.0.1:8084 | --host 127.0.0.1 --port 8084] [--concurrent 1000]"
          + " [--rate 50] [--duration-seconds 60] [--warm-up-seconds 0] [--keys \"2"
          + " 6037991234567893# 7391\" (repeatable: callers take them in turn)] [--think-ms 0] [--timeout-seconds 120] [--switch-delay-ms"
          + " 0] [--round-trip-step 0] [--round-trip-answer main-menu] [--server-pid 0] [--threads 2]"
          + " [--peer-secret-file"
          + " .state/esl-peer-secret]";

  private LoadOptions() {}

  static LoadPlan parse(String[] args) {
    String host = "127.0.0.1";
    int port = 8084;
    int concurrent = 1000;
    double rate = 50;
    long durationSeconds = 60;
    long warmUpSeconds = 0;
    List<CallScript> scripts = new ArrayList<>();
    long thinkMillis = 0;
    long timeoutSeconds = 120;
    long switchDelayMillis = 0;
    int roundTripStep = 0;
    String roundTripAnswer = "main-menu";
    long serverPid = 0;
    int threads = 2;
    for (int i = 0; i < args.length; i += 2) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Option " + args[i] + " needs a value.");
      }
      String value = args[i + 1];
      switch (args[i]) {
        case "--esl" -> {
          int colon = value.lastIndexOf(':');
          if (colon < 1) {
            throw new IllegalArgumentException("--esl must be host:port.");
          }
          host = value.substring(0, colon);
          port = whole(args[i], value.substring(colon + 1));
        }
        case "--host" -> host = value;
        case "--port" -> port = whole(args[i], value);
        case "--concurrent" -> concurrent = whole(args[i], value);
        case "--rate" -> rate = decimal(args[i], value);
        case "--duration-seconds" -> durationSeconds = whole(args[i], value);
        case "--warm-up-seconds" -> warmUpSeconds = whole(args[i], value);
        case "--keys" -> scripts.add(CallScript.parse(value));
        case "--think-ms" -> thinkMillis = whole(args[i], value);
        case "--timeout-seconds" -> timeoutSeconds = whole(args[i], value);
        case "--switch-delay-ms" -> switchDelayMillis = whole(args[i], value);
        case "--round-trip-step" -> roundTripStep = whole(args[i], value);
        case "--round-trip-answer" -> roundTripAnswer = value;
        case "--server-pid" -> serverPid = Long.parseLong(value);
        case "--threads" -> threads = whole(args[i], value);
        case "--peer-secret-file" -> {
          // read by peerSecret(args): a secret has no place in the plan, which is printed
        }
        default -> throw new IllegalArgumentException("Unknown option " + args[i] + ".");
      }
    }
    return new LoadPlan(
        host,
        port,
        concurrent,
        rate,
        Duration.ofSeconds(durationSeconds),
        Duration.ofSeconds(warmUpSeconds),
        scripts.isEmpty() ? List.of(CallScript.parse("2 6037991234567893# 7391")) : scripts,
        Duration.ofMillis(thinkMillis),
        Duration.ofSeconds(timeoutSeconds),
        Duration.ofMillis(switchDelayMillis),
        roundTripStep,
        roundTripAnswer,
        serverPid,
        threads);
  }

  /** The secret in the {@code --peer-secret-file} given, or null when none is. */
  static String peerSecret(String[] args) {
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (args[i].equals("--peer-secret-file")) {
        return PhoneSimulator.readSecret(args[i + 1]);
      }
    }
    return null;
  }

  private static int whole(String option, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a whole number.");
    }
  }

  private static double decimal(String option, String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a number.");
    }
  }
}
