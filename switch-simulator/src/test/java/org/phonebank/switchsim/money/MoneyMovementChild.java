// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchsim.money;

import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.phonebank.switchlink.JposBankSwitch;
import org.phonebank.switchlink.SwitchSettings;
import org.phonebank.switchlink.keys.SwitchCredentials;

/**
 * The phone bank's JVM in the kill test: one transfer through the real path on a Derby folder,
 * halted ({@link Runtime#halt}, as kill -9: no finally blocks, no shutdown hooks, no Derby
 * shutdown) just before database step {@code haltAt}. Exits 0 after the transfer and its
 * store-and-forward settled when the path had fewer steps.
 *
 * <p>Arguments: derby folder, switch credentials folder, switch port, terminal id, haltAt.
 */
public final class MoneyMovementChild {

  private MoneyMovementChild() {}

  public static void main(String[] args) throws Exception {
    String folder = args[0];
    SwitchCredentials credentials = SwitchCredentials.load(Path.of(args[1]));
    int port = Integer.parseInt(args[2]);
    String terminal = args[3];
    int haltAt = Integer.parseInt(args[4]);
    DataSource derby = MoneyRig.derby(folder);
    FailingDataSource failing = FailingDataSource.halting(derby, haltAt);
    SwitchSettings settings =
        MoneyMovementFaultsTest.linkSettings(port)
            // Long enough for an approval on a loaded machine; a dropped answer costs it once.
            .withResponseTimeout(Duration.ofSeconds(1))
            .withIdentity(terminal, SwitchSettings.defaults().acquirerId(), "PHONEBANKIVR001");
    JposBankSwitch bank = new JposBankSwitch(settings, credentials);
    bank.start();
    if (!bank.awaitReady(Duration.ofSeconds(20))) {
      System.out.println("NO LINK");
      Runtime.getRuntime().halt(2);
    }
    MoneyRig rig = new MoneyRig(failing.dataSource(), derby, bank, credentials, terminal).start();
    failing.arm();
    System.out.println("OUTCOME " + rig.transfer("kill-test", 1_000));
    boolean settled = rig.settle(Duration.ofSeconds(20), false);
    System.out.println("STEPS " + failing.steps() + (settled ? " settled" : " NOT settled"));
    failing.trace().forEach(step -> System.out.println("TRACE " + step));
    System.out.flush();
    // Halted here too: a clean stop of jPOS and Derby would only cost time.
    Runtime.getRuntime().halt(settled ? 0 : 3);
  }
}
