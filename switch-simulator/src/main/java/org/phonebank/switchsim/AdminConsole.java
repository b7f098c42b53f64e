// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchsim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.phonebank.card.CardNumber;

/**
 * A plain-text admin port on loopback for testers and tests: one command per line, one reply line
 * each.
 *
 * <pre>
 * fault &lt;spec&gt;        e.g. fault drop-next 3, fault delay 800, fault clear (see FaultPlan)
 * faults              what is set now
 * ledger &lt;card&gt;       masked card, holder and balance
 * settle &lt;yyyy-MM-dd&gt; &lt;terminal&gt; &lt;file&gt;  write the settlement file of that business date
 * business-date       the business date now (what field 15 carries)
 * reversals           how many reversals the issuer processed
 * disconnect          drop every client link
 * help, quit
 * </pre>
 *
 * Example session: {@code fault drop-next 1} → {@code ok delay 0 ms, drop x1}.
 */
final class AdminConsole implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(AdminConsole.class.getName());

  private final SwitchSimulator simulator;
  private final ServerSocket server;
  private final Thread acceptor;

  AdminConsole(SwitchSimulator simulator, int port) throws IOException {
    this.simulator = simulator;
    this.server = new ServerSocket(port, 5, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::accept, "switch-simulator-admin");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Thread session = new Thread(() -> serve(client), "switch-simulator-admin-session");
        session.setDaemon(true);
        session.start();
      } catch (IOException e) {
        if (!server.isClosed()) {
          LOG.log(Level.WARNING, "Admin port failed: {0}", e.getMessage());
        }
      }
    }
  }

  private void serve(Socket client) {
    try (client;
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String command = line.trim();
        if (command.equals("quit")) {
          out.println("bye");
          return;
        }
        if (!command.isEmpty()) {
          out.println(execute(command));
        }
      }
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "Admin session ended: {0}", e.getMessage());
    }
  }

  /** Runs one command and returns its one-line reply. */
  String execute(String command) {
    String[] words = command.split("\\s+", 2);
    try {
      return switch (words[0]) {
        case "fault" -> {
          if (words.length < 2) {
            yield "ok " + simulator.faults().describe();
          }
          simulator.faults().apply(words[1]);
          yield "ok " + simulator.faults().describe();
        }
        case "faults" -> "ok " + simulator.faults().describe();
        case "ledger" -> ledger(words.length < 2 ? "" : words[1].trim());
        case "disconnect" -> "ok " + simulator.disconnectAll() + " link(s) dropped";
        case "settle" -> settle(words.length < 2 ? "" : words[1].trim());
        case "business-date" -> "ok " + simulator.businessDate();
        case "reversals" -> "ok " + simulator.reversalsProcessed();
        case "help" ->
            "commands: fault <spec>, faults, ledger <card>, settle <date> <terminal> <file>,"
                + " business-date, reversals, disconnect, quit";
        default -> "error unknown command '" + words[0] + "' (try help)";
      };
    } catch (IllegalArgumentException e) {
      return "error " + e.getMessage();
    }
  }

  /**
   * Writes the settlement file of a business date and terminal to a path (docs/settlement-file.md).
   */
  private String settle(String arguments) {
    String[] parts = arguments.split("\\s+");
    if (parts.length != 3) {
      return "error usage: settle <yyyy-MM-dd> <terminal> <file>";
    }
    LocalDate date;
    try {
      date = LocalDate.parse(parts[0]);
    } catch (DateTimeParseException e) {
      return "error not a date yyyy-MM-dd: " + parts[0];
    }
    byte[] file = simulator.settlementFile(date, parts[1]);
    try {
      Files.write(Path.of(parts[2]), file);
    } catch (IOException e) {
      return "error cannot write " + parts[2] + ": " + e.getMessage();
    }
    return "ok " + file.length + " bytes written to " + parts[2];
  }

  private String ledger(String pan) {
    if (!CardNumber.isValid(pan)) {
      return "error not a valid card number";
    }
    return simulator
        .ledger()
        .account(pan)
        .map(
            a ->
                "ok "
                    + a.card().masked()
                    + " "
                    + a.holder()
                    + " account "
                    + a.account()
                    + " balance "
                    + simulator.ledger().balance(a.card())
                    + (simulator.ledger().isHot(pan) ? " BLOCKED" : ""))
        .orElse("error card " + new CardNumber(pan).masked() + " is not in the ledger");
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // Closing anyway.
    }
  }
}
