// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import org.jpos.iso.ISOMsg;
import org.phonebank.banking.BalanceInquiry;
import org.phonebank.banking.BankSwitch;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.switchlink.keys.SwitchCredentials;
import org.phonebank.switchlink.keys.ZoneKey;
import org.phonebank.switchlink.pin.PinBlock;
import org.phonebank.switchlink.pin.PinEncipherment;
import org.phonebank.switchlink.tls.MutualTls;
import org.phonebank.switchlink.tls.TlsClientSocketFactory;

/**
 * The bank switch reached over ISO 8583:1987 with jPOS, on mutual TLS 1.3. The PIN is enciphered into an ISO-0
 * block under the zone PIN key as the request is built, and the block is wiped once the message has gone.
 *
 * <p>Life cycle: construct, {@link #start()} (connects in the background, reconnecting as needed), use from any
 * number of threads, {@link #close()}. A request while the link is down is {@code Unreachable}; one that gets no
 * answer in the response timeout, or a malformed answer, is {@code TimedOut} (outcome unknown: a later issue
 * turns these into reversals).
 */
public final class JposBankSwitch implements BankSwitch, AutoCloseable {

  private static final System.Logger LOG = System.getLogger(JposBankSwitch.class.getName());

  private final SwitchSettings settings;
  private final ZoneKey pinKey;
  private final SwitchLink link;

  public JposBankSwitch(SwitchSettings settings, SwitchCredentials credentials) {
    this.settings = Objects.requireNonNull(settings, "Switch settings are required.");
    Objects.requireNonNull(credentials, "Switch credentials are required.");
    this.pinKey = credentials.pinKey();
    this.link =
        new SwitchLink(
            settings,
            new TlsClientSocketFactory(
                MutualTls.context(credentials.client(), credentials.trustAnchors()), settings.connectTimeout()));
  }

  public void start() {
    link.start();
  }

  /** True while the link is up and has passed its echo test. */
  public boolean isReady() {
    return link.isReady();
  }

  /** Waits for the link to come up, for start-up checks and tests. */
  public boolean awaitReady(Duration timeout) {
    return link.awaitReady(timeout);
  }

  @Override
  public SwitchOutcome balanceInquiry(BalanceInquiry inquiry) {
    Objects.requireNonNull(inquiry, "Balance inquiry is required.");
    ISOMsg request;
    try (PinBlock pinBlock = PinEncipherment.encipher(inquiry.pin(), inquiry.card(), pinKey)) {
      request = SwitchMessages.balanceInquiry(inquiry, pinBlock, settings);
    }
    LinkReply reply;
    try {
      reply = link.exchange(request, settings.responseTimeout());
    } finally {
      SwitchMessages.wipePinData(request);
    }
    if (reply instanceof LinkReply.Answered answered) {
      try {
        return SwitchMessages.balanceOutcome(answered.response());
      } catch (IllegalArgumentException e) {
        LOG.log(Level.WARNING, "Malformed response {0}: {1}", SwitchMessages.describe(answered.response()),
            e.getMessage());
        return new SwitchOutcome.TimedOut();
      }
    }
    if (reply instanceof LinkReply.NotSent notSent) {
      return new SwitchOutcome.Unreachable(notSent.reason());
    }
    LOG.log(Level.WARNING, "No answer to {0}: {1}", SwitchMessages.describe(request), reply);
    return new SwitchOutcome.TimedOut();
  }

  @Override
  public void close() {
    link.close();
    pinKey.close();
  }

  @Override
  public String toString() {
    return "JposBankSwitch[" + settings.host() + ":" + settings.port() + ", terminal " + settings.terminalId() + "]";
  }
}
