// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim.load;

import java.io.PrintStream;

/**
 * The load driver's command line: places many simulated calls at once against a running phone bank
 * and prints a Markdown report of calls completed per second, the most calls held at once, the
 * phone bank's reaction times to the caller's keys and, given the server's pid, its heap per held
 * call.
 *
 * <pre>
 * java -cp "phone-simulator/target/phone-simulator-0.1.0-SNAPSHOT.jar:phone-simulator/target/lib/*" \
 *     org.phonebank.phonesim.load.CallLoad --esl 127.0.0.1:8084 --concurrent 1000 --rate 50 \
 *     --duration-seconds 60 --keys "2 6037991234567893# 7391" --think-ms 20000
 * </pre>
 *
 * Exits 0 when no call failed, 1 when some did, 64 on bad arguments.
 */
public final class CallLoad {

  private CallLoad() {}

  public static void main(String[] args) throws InterruptedException {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
    LoadPlan plan;
    String peerSecret;
    try {
      plan = LoadOptions.parse(args);
      peerSecret = LoadOptions.peerSecret(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(LoadOptions.USAGE);
      return 64;
    }
    HeapProbe heap = new HeapProbe();
    LoadResult result = new LoadRun(plan, peerSecret, heap::liveBytes, heap::residentBytes).run();
    out.print(LoadReport.markdown(result));
    return result.errors() == 0 ? 0 : 1;
  }
}
