// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Places one call to the phone bank the way FreeSWITCH's {@code socket} application does: connects
 * to the Event Socket port, plays the channel's part, and keys in a {@link CallScript}.
 *
 * <pre>
 * java -jar phone-simulator/target/phone-simulator-0.1.0-SNAPSHOT.jar \
 *     --host 127.0.0.1 --port 8084 --peer-secret-file .state/esl-peer-secret \
 *     --keys "1 6037991234567893# 7391 1" [--timeout-seconds 60] \
 *     [--officer "user/1001=ignore,answer:2:5"]...
 * </pre>
 *
 * The peer secret is what FreeSWITCH's dialplan sets before {@code socket}; without it the phone
 * bank answers nothing but {@code connect}.
 *
 * <p>prints the {@link Transcript} and exits 0 when the phone bank ended the call, 1 when the
 * caller hung up, 2 on an error, 64 on bad arguments.
 */
public final class PhoneSimulator {

  /** The simulated caller's number and the number it dialled, as the channel data shows them. */
  static final String CALLER_NUMBER = "1001";

  static final String DIALLED_NUMBER = "2000";

  private PhoneSimulator() {}

  /**
   * Places the call and waits at most {@code timeout} for it to end; never throws for a failed
   * call.
   *
   * @param peerSecret the phone bank's Event Socket peer secret, set on the channel as the dialplan
   *     does; null for a call without it
   */
  public static Transcript call(
      String host, int port, String peerSecret, CallScript script, Duration timeout) {
    return call(host, port, peerSecret, script, timeout, OfficerPhones.answeringAll());
  }

  /**
   * As {@link #call(String, int, String, CallScript, Duration)}, with the officers' phones doing
   * what {@code officers} scripts when the phone bank rings them.
   */
  public static Transcript call(
      String host,
      int port,
      String peerSecret,
      CallScript script,
      Duration timeout,
      OfficerPhones officers) {
    CompletableFuture<Transcript> call =
        SharedGenerators.forSecret(peerSecret)
            .place(host, port, script, Duration.ZERO, timeout, CallListener.NONE, officers);
    try {
      return call.get();
    } catch (InterruptedException e) {
      // The call's own time-out still ends it; the interrupt is passed on to the caller.
      Thread.currentThread().interrupt();
      return call.join();
    } catch (ExecutionException e) {
      throw new IllegalStateException("Simulated call failed.", e.getCause());
    }
  }

  /**
   * One generator per peer secret for every {@link #call}, made on first use: their daemon threads
   * let a command line or a test end without closing them.
   */
  private static final class SharedGenerators {
    private static final Map<String, CallGenerator> BY_SECRET = new ConcurrentHashMap<>();

    static CallGenerator forSecret(String secret) {
      return BY_SECRET.computeIfAbsent(
          secret == null ? "" : secret,
          key ->
              new CallGenerator(
                  Math.max(2, Runtime.getRuntime().availableProcessors()),
                  true,
                  Dialplan.shipped(key.isEmpty() ? null : key)));
    }
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    String host = "127.0.0.1";
    int port = 8084;
    String keys = "";
    int timeoutSeconds = 60;
    String peerSecret = null;
    OfficerPhones officers = OfficerPhones.answeringAll();
    try {
      for (int i = 0; i < args.length; i += 2) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("Option " + args[i] + " needs a value.");
        }
        String value = args[i + 1];
        switch (args[i]) {
          case "--host" -> host = value;
          case "--port" -> port = Integer.parseInt(value);
          case "--keys" -> keys = value;
          case "--timeout-seconds" -> timeoutSeconds = Integer.parseInt(value);
          case "--peer-secret-file" -> peerSecret = readSecret(value);
          case "--officer" -> officers.parse(value);
          default -> throw new IllegalArgumentException("Unknown option " + args[i] + ".");
        }
      }
      CallScript script = CallScript.parse(keys);
      Transcript transcript =
          call(host, port, peerSecret, script, Duration.ofSeconds(timeoutSeconds), officers);
      transcript.lines().forEach(out::println);
      out.println("--- " + transcript.detail());
      return switch (transcript.ending()) {
        case APP_HUNG_UP, TRANSFERRED -> 0;
        case CALLER_HUNG_UP -> 1;
        case ERROR -> 2;
      };
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(
          "usage: java -jar phone-simulator.jar --host 127.0.0.1 --port 8084"
              + " --peer-secret-file .state/esl-peer-secret --keys \"1 6037991234567893# 7391 1\""
              + " [--timeout-seconds 60] [--officer user/1001=ignore,answer:2:5 ...]"
              + "\n  officer phones: answer[:RING[:TALK]] (TALK short: hangs up mid-call),"
              + " ignore, refuse[:RING], unreachable; seconds; default answer:5:8");
      return 64;
    }
  }

  /** The secret in {@code file}, as {@code ./phonebank start} wrote it. */
  public static String readSecret(String file) {
    try {
      return Files.readString(Path.of(file), StandardCharsets.US_ASCII).trim();
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read the peer secret file " + file + ".");
    }
  }
}
