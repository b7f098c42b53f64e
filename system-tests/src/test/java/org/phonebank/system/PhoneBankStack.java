// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real phone bank, started and stopped through the README's own {@code ./phonebank} script, on
 * ports and a state folder of its own so a developer's running instance is left alone.
 */
final class PhoneBankStack {

  /**
   * Moves every port of the test stack by this much (environment {@code PHONEBANK_IT_PORT_OFFSET},
   * default 0), so two checkouts on one machine can run their full-stack tests at the same time.
   */
  static final int PORT_OFFSET =
      Integer.parseInt(System.getenv().getOrDefault("PHONEBANK_IT_PORT_OFFSET", "0"));

  static final int PORT_BASE = 14800 + PORT_OFFSET;
  static final int HTTP_PORT = PORT_BASE + 80;
  static final int HTTPS_PORT = PORT_BASE + 81;
  static final int ADMIN_PORT = PORT_BASE + 48;

  /** Payara's system JMX connector's port, which the launcher switches off. */
  static final int JMX_PORT = PORT_BASE + 86;

  static final int ESL_PORT = 18084 + PORT_OFFSET;
  static final int SWITCH_PORT = 19443 + PORT_OFFSET;

  /** The switch simulator's admin port on loopback: its faults and its settlement files. */
  static final int SWITCH_ADMIN_PORT = 19444 + PORT_OFFSET;

  /** Where the phone bank's callback dialler finds FreeSWITCH's inbound Event Socket. */
  static final int INBOUND_ESL_PORT = 18021 + PORT_OFFSET;

  /** The inbound Event Socket password of the test stack (a test value, not a secret). */
  static final String INBOUND_ESL_PASSWORD = "phonebank-it-inbound-esl";

  private final Path root =
      Path.of(System.getProperty("phonebank.root", "..")).toAbsolutePath().normalize();
  private final Path state =
      Path.of(System.getProperty("phonebank.it.state", "target/it-state"))
          .toAbsolutePath()
          .normalize();

  Path root() {
    return root;
  }

  Path state() {
    return state;
  }

  /** The Event Socket peer secret {@code ./phonebank start} generated, as the dialplan sets it. */
  String eslPeerSecret() {
    try {
      return Files.readString(state.resolve("esl-peer-secret"), StandardCharsets.US_ASCII).trim();
    } catch (IOException e) {
      throw new IllegalStateException("./phonebank start wrote no esl-peer-secret", e);
    }
  }

  Path derbyDatabase() {
    return state.resolve("derby").resolve("phonebank");
  }

  /** Every log this stack writes: the script's, the switch simulator's and Payara's server.log. */
  List<Path> logFolders() {
    return List.of(
        state.resolve("logs"), state.resolve("payara6/glassfish/domains/phonebank/logs"));
  }

  /** Payara's server.log. */
  Path serverLog() {
    return state.resolve("payara6/glassfish/domains/phonebank/logs/server.log");
  }

  /** Kills Payara as a power cut would ({@code kill -9} of the pid it recorded), and waits. */
  void killServer() throws IOException {
    Path pidFile = state.resolve("payara6/glassfish/domains/phonebank/config/pid");
    long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim());
    ProcessHandle payara =
        ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("Payara is not running"));
    payara.destroyForcibly();
    payara.onExit().join();
  }

  /**
   * Deletes Payara's domain (Payara must be down), as a server rebuilt from scratch would be:
   * {@link #start} then creates it anew. What the phone bank keeps outside the domain stays.
   */
  void deleteDomain() throws IOException {
    Path domain = state.resolve("payara6/glassfish/domains/phonebank");
    try (var paths = Files.walk(domain)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** What an {@code asadmin} subcommand prints, run against this stack's Payara. */
  String asadmin(String... subcommand) throws IOException, InterruptedException {
    List<String> commandLine = new java.util.ArrayList<>();
    commandLine.addAll(
        List.of(
            state.resolve("payara6/bin/asadmin").toString(),
            "--port",
            Integer.toString(ADMIN_PORT),
            "--user",
            "admin",
            "--passwordfile",
            state.resolve("asadmin-passwords").toString()));
    commandLine.addAll(List.of(subcommand));
    return run(commandLine, "asadmin " + subcommand[0], 300);
  }

  void start() throws IOException, InterruptedException {
    // Generous: on a shared two-core machine under load a first start (unpack, domain, deploy) took
    // over
    // ten minutes.
    run("start", 1500);
  }

  void stop() throws IOException, InterruptedException {
    run("stop", 180);
  }

  /** What {@code ./phonebank status} prints. */
  String status() throws IOException, InterruptedException {
    return run("status", 60);
  }

  /** Stops the bank-switch simulator as a switch outage would; {@link #start} starts it again. */
  void killSwitch() throws IOException {
    long pid =
        Long.parseLong(
            Files.readString(state.resolve("switch-simulator.pid"), StandardCharsets.US_ASCII)
                .trim());
    ProcessHandle.of(pid)
        .ifPresent(
            simulator -> {
              simulator.destroyForcibly();
              simulator.onExit().join();
            });
  }

  /**
   * Sends one command to the switch simulator's admin port ({@code fault settle-twice-next 1},
   * {@code settle 2026-05-06 IVR00001 /path}, {@code business-date}) and returns what follows its
   * {@code ok}; throws when the simulator answers with an error.
   */
  String switchAdmin(String command) throws IOException {
    try (java.net.Socket socket =
            new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), SWITCH_ADMIN_PORT);
        java.io.BufferedReader in =
            new java.io.BufferedReader(
                new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        java.io.PrintWriter out =
            new java.io.PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8)) {
      socket.setSoTimeout(30_000);
      out.println(command);
      String reply = in.readLine();
      out.println("quit");
      if (reply == null || !reply.startsWith("ok")) {
        throw new IllegalStateException("switch admin '" + command + "' answered: " + reply);
      }
      return reply.substring(2).trim();
    }
  }

  /**
   * Runs a benchmark harness under {@code bench/} against this stack (its state folder, ports and
   * environment), so the test command keeps every harness working at a tiny size. Returns what it
   * printed; throws if it failed.
   */
  String bench(String harness, int timeoutSeconds, String... arguments)
      throws IOException, InterruptedException {
    List<String> commandLine = new java.util.ArrayList<>();
    commandLine.add(root.resolve("bench").resolve(harness).resolve("run").toString());
    commandLine.addAll(List.of(arguments));
    return run(commandLine, "bench-" + harness, timeoutSeconds);
  }

  private String run(String command, int timeoutSeconds) throws IOException, InterruptedException {
    return run(
        List.of(root.resolve("phonebank").toString(), command),
        "./phonebank " + command,
        timeoutSeconds);
  }

  private String run(List<String> commandLine, String name, int timeoutSeconds)
      throws IOException, InterruptedException {
    Files.createDirectories(state);
    Path output =
        state.resolve(
            name.replace("./", "").replace(' ', '-').replaceAll("[^A-Za-z0-9-]", "") + ".out");
    ProcessBuilder builder =
        new ProcessBuilder(commandLine)
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    Map<String, String> env = builder.environment();
    env.put("PHONEBANK_STATE", state.toString());
    env.put("PHONEBANK_PORT_BASE", Integer.toString(PORT_BASE));
    env.put("PHONEBANK_ESL_PORT", Integer.toString(ESL_PORT));
    env.put("PHONEBANK_SWITCH_PORT", Integer.toString(SWITCH_PORT));
    env.put("PHONEBANK_SWITCH_ADMIN_PORT", Integer.toString(SWITCH_ADMIN_PORT));
    env.put("PHONEBANK_SKIP_BUILD", "1");
    // The callback dialler: the test plays FreeSWITCH's inbound Event Socket with the simulator.
    env.put("PHONEBANK_ESL_INBOUND_PORT", Integer.toString(INBOUND_ESL_PORT));
    env.put("PHONEBANK_ESL_INBOUND_PASSWORD", INBOUND_ESL_PASSWORD);
    // Small chunks and a quick inbox, so the reconciliation test can stop a run half-way.
    env.put("PHONEBANK_RECONCILIATION_CHUNK_SIZE", "10");
    env.put("PHONEBANK_RECONCILIATION_INBOX_POLL_SECONDS", "1");
    // Reversals retried every second, not every ten: the tests wait for each one the switch held.
    env.put("PHONEBANK_SWITCH_SAF_RETRY_INTERVAL_MS", "1000");
    // A dropped answer times out after 4 s, not the default 10: the day of faults drops four on
    // purpose, each waited out by its caller. The simulator answers in milliseconds, so 4 s still
    // leaves a stalled JVM (a heap dump, a collection) room before a spurious time-out.
    env.put("PHONEBANK_SWITCH_RESPONSE_TIMEOUT_MS", "4000");
    Process process = builder.start();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(name + " did not finish in " + timeoutSeconds + " s");
    }
    String printed = Files.readString(output, StandardCharsets.UTF_8);
    System.out.println(printed);
    if (process.exitValue() != 0) {
      throw new IllegalStateException(name + " failed:\n" + printed);
    }
    return printed;
  }
}
