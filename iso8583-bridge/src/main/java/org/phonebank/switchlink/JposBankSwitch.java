// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.phonebank.banking.BalanceInquiry;
import org.phonebank.banking.BankSwitch;
import org.phonebank.banking.BillPayment;
import org.phonebank.banking.CardBlock;
import org.phonebank.banking.HolderNameInquiry;
import org.phonebank.banking.MiniStatementInquiry;
import org.phonebank.banking.PinChange;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.SwitchRequest;
import org.phonebank.banking.Transfer;
import org.phonebank.card.CardNumber;
import org.phonebank.card.PinSealer;
import org.phonebank.card.SealedPin;
import org.phonebank.card.TelephonePin;
import org.phonebank.switchlink.keys.AesKey;
import org.phonebank.switchlink.keys.SwitchCredentials;
import org.phonebank.switchlink.keys.ZoneKey;
import org.phonebank.switchlink.mac.MessageMac;
import org.phonebank.switchlink.pin.PinBlock;
import org.phonebank.switchlink.pin.PinEncipherment;
import org.phonebank.switchlink.pin.PinFormat;
import org.phonebank.switchlink.pin.SealedPinBlock;
import org.phonebank.switchlink.tls.MutualTls;
import org.phonebank.switchlink.tls.TlsClientSocketFactory;

/**
 * The bank switch reached over ISO 8583:1987 with jPOS, on mutual TLS 1.3. It is also the phone
 * bank's {@link PinSealer}: a PIN is enciphered into an ISO-0 (TDES) or ISO-4 (AES) block, as the
 * settings choose, the moment it is collected ({@link #seal}), and each request copies the block
 * into its message, wiped once the message has gone; financial messages carry a retail MAC under
 * the ZAK and so must their responses.
 *
 * <p>Life cycle: construct, {@link #start()} (connects, signs on, reconnects and fails over in the
 * background), use from any number of threads, {@link #close()} (signs off). A request while the
 * link is not signed on is {@code Unreachable} and never sent; one that gets no answer in the
 * response timeout, a malformed answer or one whose MAC fails is {@code TimedOut} (outcome unknown:
 * the journal fires its reversal).
 *
 * <p>{@link #reversalAdvice} and {@link #sendAdvice} are the two calls store-and-forward makes.
 */
public final class JposBankSwitch implements BankSwitch, PinSealer, AutoCloseable {

  private static final System.Logger LOG = System.getLogger(JposBankSwitch.class.getName());

  private final SwitchSettings settings;
  private final ZoneKey pinKey;
  private final AesKey aesPinKey;
  private final ZoneKey macKey;
  private final SwitchLink link;

  public JposBankSwitch(SwitchSettings settings, SwitchCredentials credentials) {
    this.settings = Objects.requireNonNull(settings, "Switch settings are required.");
    Objects.requireNonNull(credentials, "Switch credentials are required.");
    this.pinKey = credentials.pinKey();
    this.aesPinKey = settings.pinFormat() == PinFormat.ISO_4 ? credentials.aesPinKey() : null;
    this.macKey = credentials.macKey();
    this.link =
        new SwitchLink(
            settings,
            new TlsClientSocketFactory(
                MutualTls.context(credentials.client(), credentials.trustAnchors()),
                settings.connectTimeout()),
            macKey);
    LOG.log(
        Level.INFO,
        "Switch keys: ZPK {0} ({1}), ZAK KCV {2}",
        settings.pinFormat(),
        aesPinKey == null ? "TDES KCV " + pinKey.checkValue() : "AES KCV " + aesPinKey.checkValue(),
        macKey.checkValue());
  }

  public void start() {
    link.start();
  }

  /** True while the link is up and signed on. */
  public boolean isReady() {
    return link.isReady();
  }

  /** Waits for the link to sign on, for start-up checks and tests. */
  public boolean awaitReady(Duration timeout) {
    return link.awaitReady(timeout);
  }

  /** The endpoint signed on to now, or null while down. */
  /** See {@link SwitchLink#onSignOn}. */
  public void onSignOn(Consumer<SwitchEndpoint> listener) {
    link.onSignOn(listener);
  }

  public SwitchEndpoint activeEndpoint() {
    return link.activeEndpoint();
  }

  @Override
  public SwitchOutcome send(SwitchRequest request) {
    Objects.requireNonNull(request, "Switch request is required.");
    if (!link.isReady()) {
      return new SwitchOutcome.Unreachable("no signed-on link to the switch");
    }
    // The blocks were enciphered when the PINs were collected (seal); the message takes copies,
    // wiped once it has gone, and the handles keep theirs for the call's next request.
    SealedPin pin = request instanceof PinChange change ? change.oldPin() : pinOf(request);
    PinBlock block = SealedPinBlock.blockOf(pin, request.card(), this);
    PinBlock newBlock =
        request instanceof PinChange change
            ? SealedPinBlock.blockOf(change.newPin(), request.card(), this)
            : null;
    ISOMsg message =
        SwitchMessages.financialRequest(request, block, newBlock, settings.pinFormat(), settings);
    LinkReply reply;
    try {
      reply = link.exchange(message, settings.responseTimeout());
    } finally {
      SwitchMessages.wipePinData(message);
    }
    if (reply instanceof LinkReply.Answered answered) {
      try {
        return SwitchMessages.outcome(request, answered.response());
      } catch (IllegalArgumentException e) {
        LOG.log(
            Level.WARNING,
            "Malformed response {0}: {1}",
            SwitchMessages.describe(answered.response()),
            e.getMessage());
        return new SwitchOutcome.TimedOut();
      }
    }
    if (reply instanceof LinkReply.NotSent notSent) {
      return new SwitchOutcome.Unreachable(notSent.reason());
    }
    LOG.log(Level.WARNING, "No valid answer to {0}: {1}", SwitchMessages.describe(message), reply);
    return new SwitchOutcome.TimedOut();
  }

  private static SealedPin pinOf(SwitchRequest request) {
    if (request instanceof BalanceInquiry r) {
      return r.pin();
    } else if (request instanceof MiniStatementInquiry r) {
      return r.pin();
    } else if (request instanceof HolderNameInquiry r) {
      return r.pin();
    } else if (request instanceof Transfer r) {
      return r.pin();
    } else if (request instanceof BillPayment r) {
      return r.pin();
    } else if (request instanceof CardBlock r) {
      return r.pin();
    }
    throw new IllegalArgumentException("Request " + request.type() + " carries no PIN.");
  }

  /**
   * Builds and enciphers the PIN block for {@code card} now, in the format the settings choose, so
   * that the caller can wipe the clear PIN at once; every request of the call then carries the
   * handle. A format 4 block thus keeps the random fill of its collection for the whole call (an
   * ISO 9564 block may be re-sent unchanged: its fill protects against dictionary attacks across
   * PINs, not repeats of one); the key does not change while the link object lives.
   */
  @Override
  public SealedPin seal(TelephonePin pin, CardNumber card) {
    Objects.requireNonNull(pin, "PIN is required.");
    Objects.requireNonNull(card, "Card is required.");
    PinBlock block =
        settings.pinFormat() == PinFormat.ISO_0
            ? PinEncipherment.encipher(pin, card, pinKey)
            : PinEncipherment.encipherFormat4(pin, card, aesPinKey);
    return new SealedPinBlock(block, card, this);
  }

  /**
   * The packed, MACed 0420 that reverses {@code request} (it holds the card number: seal it before
   * storing). It carries no PIN data.
   */
  public byte[] reversalAdvice(SwitchRequest request) {
    Objects.requireNonNull(request, "Switch request is required.");
    ISOMsg advice = SwitchMessages.reversalAdvice(request, Instant.now(), settings);
    MessageMac.sign(advice, macKey);
    try {
      return advice.pack();
    } catch (ISOException e) {
      throw new IllegalArgumentException("Cannot pack the reversal of " + request.type() + ".", e);
    }
  }

  /**
   * Sends a stored advice once: as packed when {@code repeat} is false, else as its repeat (0421,
   * same STAN and RRN), re-MACed. The packed bytes are wiped. Codes in {@link
   * SwitchSettings#safRetryCodes()} are not an acknowledgement.
   */
  public AdviceReply sendAdvice(byte[] packed, boolean repeat) {
    Objects.requireNonNull(packed, "Packed advice is required.");
    ISOMsg advice = new ISOMsg();
    advice.setPackager(SwitchFraming.packager());
    try {
      advice.unpack(packed);
    } catch (ISOException e) {
      return new AdviceReply.Unacknowledged("stored advice cannot be unpacked");
    } finally {
      Arrays.fill(packed, (byte) 0);
    }
    if (repeat) {
      SwitchMessages.markRepeat(advice);
    }
    LinkReply reply = link.exchange(advice, settings.responseTimeout());
    if (!(reply instanceof LinkReply.Answered answered)) {
      return new AdviceReply.Unacknowledged(reply.toString());
    }
    String code;
    try {
      code = SwitchMessages.responseCode(answered.response());
    } catch (IllegalArgumentException e) {
      return new AdviceReply.Unacknowledged("malformed 0430");
    }
    if (settings.safRetryCodes().contains(code)) {
      return new AdviceReply.Unacknowledged("switch answered " + code + ", to be retried");
    }
    return new AdviceReply.Acknowledged(code);
  }

  public SwitchSettings settings() {
    return settings;
  }

  @Override
  public void close() {
    link.close();
    pinKey.close();
    macKey.close();
    if (aesPinKey != null) {
      aesPinKey.close();
    }
  }

  @Override
  public String toString() {
    return "JposBankSwitch[" + settings.endpoints() + ", terminal " + settings.terminalId() + "]";
  }
}
