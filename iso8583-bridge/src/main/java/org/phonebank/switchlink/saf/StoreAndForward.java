// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink.saf;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.phonebank.banking.ReversalAcknowledgement;
import org.phonebank.banking.ReversalStage;
import org.phonebank.banking.Reversals;
import org.phonebank.banking.SwitchRequest;
import org.phonebank.saf.AdviceQueue;
import org.phonebank.saf.DeadLetter;
import org.phonebank.saf.DeadLetters;
import org.phonebank.saf.QueuedAdvice;
import org.phonebank.switchlink.AdviceReply;
import org.phonebank.switchlink.JposBankSwitch;
import org.phonebank.switchlink.keys.AesKey;

/**
 * Reversals by store-and-forward, the acquirer's duty when an outcome is unknown (ISO 8583
 * 0420/0421).
 *
 * <p>{@link #arm} builds the 0420 for a money movement before it is sent (original fields 2, 3, 4,
 * 11, 37, 41, field 90 naming the original, MAC) and stores it sealed under the storage key; {@link
 * #disarm} discards it when a definite answer came; {@link #fire} releases it to the sending queue.
 * One sender thread sends released advices strictly in release order while the link is signed on:
 * the first time as 0420, then as 0421 with the same STAN and RRN, every retry interval, until an
 * 0430 arrives whose code is not a retry code (91, 96 by default). Then the queue forgets it and
 * the {@link ReversalAcknowledgement} is told, so the journal records REVERSED.
 *
 * <p>The queue is durable, so advices released before a restart are sent after it: call {@link
 * #start()} once the bridge is started.
 */
public final class StoreAndForward implements Reversals, DeadLetters, AutoCloseable {

  private static final System.Logger LOG = System.getLogger(StoreAndForward.class.getName());
  private static final String REVERSAL_ADVICE = "0420";

  private final AdviceQueue queue;
  private final JposBankSwitch bankSwitch;
  private final AesKey storageKey;
  private final ReversalAcknowledgement acknowledgement;
  private final long retryMillis;
  private final int deadLetterAttempts;
  private final Duration deadLetterAge;
  private final Object wakeUp = new Object();
  private volatile boolean closed;
  private Thread sender;

  /**
   * @param queue the durable advice queue (JDBC in the server)
   * @param bankSwitch the bridge that builds and sends the advices
   * @param storageKey the AES key that seals stored advices ({@code
   *     SwitchCredentials.storageKey()}); closed with this object
   * @param acknowledgement told of every acknowledged reversal (the server passes its {@code
   *     JournalledSwitch})
   */
  public StoreAndForward(
      AdviceQueue queue,
      JposBankSwitch bankSwitch,
      AesKey storageKey,
      ReversalAcknowledgement acknowledgement) {
    this.queue = Objects.requireNonNull(queue, "Advice queue is required.");
    this.bankSwitch = Objects.requireNonNull(bankSwitch, "Bank switch is required.");
    this.storageKey = Objects.requireNonNull(storageKey, "Storage key is required.");
    this.acknowledgement =
        Objects.requireNonNull(acknowledgement, "Reversal acknowledgement is required.");
    this.retryMillis = bankSwitch.settings().safRetryInterval().toMillis();
    this.deadLetterAttempts = bankSwitch.settings().safDeadLetterAttempts();
    this.deadLetterAge = bankSwitch.settings().safDeadLetterAge();
  }

  /** Starts the sender thread, which first picks up whatever was released before a restart. */
  public synchronized void start() {
    if (sender != null) {
      throw new IllegalStateException("Store-and-forward is already started.");
    }
    sender = new Thread(this::sendLoop, "switch-saf-sender");
    sender.setDaemon(true);
    sender.start();
  }

  @Override
  public void arm(long journalEntryId, SwitchRequest request) {
    Objects.requireNonNull(request, "Switch request is required.");
    byte[] packed = bankSwitch.reversalAdvice(request);
    try {
      queue.arm(
          new QueuedAdvice(
              journalEntryId,
              REVERSAL_ADVICE,
              request.ids().stan(),
              request.ids().rrn(),
              SealedAdvice.seal(packed, journalEntryId, storageKey),
              0,
              Instant.now()));
    } finally {
      Arrays.fill(packed, (byte) 0);
    }
  }

  @Override
  public void disarm(long journalEntryId) {
    queue.discard(journalEntryId);
  }

  @Override
  public void fire(long journalEntryId) {
    queue.release(journalEntryId);
    wake();
  }

  private void wake() {
    synchronized (wakeUp) {
      wakeUp.notifyAll();
    }
  }

  @Override
  public Set<Long> armed() {
    return queue.armed();
  }

  @Override
  public Map<Long, ReversalStage> stages(Collection<Long> journalEntryIds) {
    return queue.stages(journalEntryIds);
  }

  @Override
  public List<DeadLetter> deadLetters(int max) {
    return queue.deadLetters(max);
  }

  @Override
  public boolean retry(long journalEntryId) {
    boolean retried = queue.retry(journalEntryId, Instant.now());
    if (retried) {
      LOG.log(Level.WARNING, "Dead letter of entry {0} retried by an operator", journalEntryId);
      wake();
    }
    return retried;
  }

  /**
   * Closes the dead letter and tells the journal the reversal is settled; if that fails, the
   * journal's sweeper finds the CLOSED advice and records it.
   */
  @Override
  public boolean close(long journalEntryId, String reason) {
    boolean closed = queue.close(journalEntryId, reason, Instant.now());
    if (closed) {
      LOG.log(
          Level.WARNING,
          "Dead letter of entry {0} closed by an operator: {1}",
          journalEntryId,
          reason);
      acknowledgement.acknowledged(journalEntryId);
    }
    return closed;
  }

  private void sendLoop() {
    while (!closed) {
      boolean progressed = false;
      try {
        progressed = sendHead();
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "Store-and-forward sender failed; will retry", e);
      }
      if (!progressed) {
        waitFor(retryMillis);
      }
    }
  }

  /**
   * Sends the oldest released advice once; true when it left the queue, acknowledged or set aside
   * (so the next can go at once).
   */
  private boolean sendHead() {
    List<QueuedAdvice> head = queue.released(1);
    if (head.isEmpty() || !bankSwitch.isReady()) {
      return false;
    }
    QueuedAdvice advice = head.get(0);
    byte[] packed;
    try {
      packed = SealedAdvice.open(advice.sealedMessage(), advice.journalEntryId(), storageKey);
    } catch (IllegalArgumentException e) {
      LOG.log(Level.ERROR, "Stored advice {0} cannot be opened: set aside for an operator", advice);
      queue.deadLetter(advice.journalEntryId(), "sealed message cannot be opened", Instant.now());
      return true;
    }
    queue.attempted(advice.journalEntryId(), Instant.now());
    AdviceReply reply = bankSwitch.sendAdvice(packed, advice.attempts() > 0);
    if (reply instanceof AdviceReply.Acknowledged acknowledged) {
      // The journal first: an advice left RELEASED by a failure between the two is sent again (a
      // repeat the switch answers as before), while one ACKNOWLEDGED before its entry is REVERSED
      // would leave the entry where the journal no longer looks for it (JdbcJournal#swept).
      acknowledgement.acknowledged(advice.journalEntryId());
      queue.acknowledged(advice.journalEntryId(), acknowledged.responseCode(), Instant.now());
      LOG.log(
          Level.INFO, "Reversal {0} acknowledged with {1}", advice, acknowledged.responseCode());
      return true;
    }
    String reason = ((AdviceReply.Unacknowledged) reply).reason();
    LOG.log(Level.WARNING, "Reversal {0} not acknowledged: {1}", advice, reason);
    int sent = advice.attempts() + 1;
    Instant released = advice.releasedAt() != null ? advice.releasedAt() : advice.armedAt();
    boolean tooOld = Duration.between(released, Instant.now()).compareTo(deadLetterAge) >= 0;
    if (sent >= deadLetterAttempts || tooOld) {
      LOG.log(Level.ERROR, "Reversal {0} set aside for an operator after {1} sends", advice, sent);
      queue.deadLetter(
          advice.journalEntryId(),
          "not acknowledged after " + sent + " sends; last: " + reason,
          Instant.now());
      return true;
    }
    return false;
  }

  private void waitFor(long millis) {
    synchronized (wakeUp) {
      try {
        wakeUp.wait(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        closed = true;
      }
    }
  }

  /** Stops the sender; released advices stay in the queue for the next start. */
  @Override
  public void close() {
    closed = true;
    Thread running;
    synchronized (this) {
      running = sender;
    }
    if (running != null) {
      running.interrupt();
      try {
        running.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    storageKey.close();
  }
}
