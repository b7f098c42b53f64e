// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Places one call to the phone bank the way FreeSWITCH's {@code socket} application does: connects
 * to the Event Socket port, plays the channel's part, and keys in a {@link CallScript}.
 *
 * <pre>
 * java -jar phone-simulator/target/phone-simulator-0.1.0-SNAPSHOT.jar \
 *     --host 127.0.0.1 --port 8084 --keys "1 6037991234567893# 7391 1" [--timeout-seconds 60]
 * </pre>
 *
 * prints the {@link Transcript} and exits 0 when the phone bank ended the call, 1 when the caller
 * hung up, 2 on an error, 64 on bad arguments.
 */
public final class PhoneSimulator {

  /** The simulated caller's number and the number it dialled, as the channel data shows them. */
  static final String CALLER_NUMBER = "1001";

  static final String DIALLED_NUMBER = "2000";

  private PhoneSimulator() {}

  /**
   * Places the call and waits at most {@code timeout} for it to end; never throws for a failed
   * call.
   */
  public static Transcript call(String host, int port, CallScript script, Duration timeout) {
    CompletableFuture<Transcript> call = SharedGenerator.CALLS.place(host, port, script, timeout);
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
   * One generator for every {@link #call}, made on first use: its daemon threads let a command line
   * or a test end without closing it.
   */
  private static final class SharedGenerator {
    static final CallGenerator CALLS =
        new CallGenerator(Math.max(2, Runtime.getRuntime().availableProcessors()), true);
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    String host = "127.0.0.1";
    int port = 8084;
    String keys = "";
    int timeoutSeconds = 60;
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
          default -> throw new IllegalArgumentException("Unknown option " + args[i] + ".");
        }
      }
      CallScript script = CallScript.parse(keys);
      Transcript transcript = call(host, port, script, Duration.ofSeconds(timeoutSeconds));
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
          "usage: java -jar phone-simulator.jar --host 127.0.0.1 --port 8084 --keys \"1"
              + " 6037991234567893# 7391 1\" [--timeout-seconds 60]");
      return 64;
    }
  }
}
