// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call.esl;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.phonebank.call.CallerHungUp;
import org.phonebank.call.PeerWaits;
import org.phonebank.esl.EslCommand;
import org.phonebank.esl.EslEvent;
import org.phonebank.esl.EslFrame;
import org.phonebank.esl.EslHeader;

/**
 * One call's socket as a blocking conversation for the flow's thread: send a command, wait for its
 * {@code command/reply}, and for {@code sendmsg} also for the CHANNEL_EXECUTE_COMPLETE carrying the
 * {@code event-uuid} that was sent. The event loop only drops frames into an inbox; everything else
 * happens on the flow's thread, one command at a time, so FreeSWITCH's replies come back in order.
 *
 * <p>A CHANNEL_HANGUP, a disconnect notice, a closed socket, a {@code -ERR}, a malformed frame or a
 * command left unanswered past the timeout all end the call: the waiting call throws {@link
 * CallerHungUp} and so does every later one.
 */
final class EslLine {

  /**
   * Events the flow has not read yet; a peer flooding past this is cut off rather than buffered.
   */
  static final int MAX_UNREAD_FRAMES = 10_000;

  private static final Object CLOSED = new Object();
  private static final String EXECUTE_COMPLETE = "CHANNEL_EXECUTE_COMPLETE";
  private static final String COLLECTION = "play_and_get_digits";

  /** Applications that only change variables: the caller still waits for the next prompt. */
  private static final Set<String> NOT_PROMPTS = Set.of("set", "unset", "export");

  private final Channel channel;
  private final Duration timeout;
  private final Duration handshakeTimeout;
  private final int maxUnreadBytes;
  private final KeyTimes keyTimes;
  private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
  private final AtomicReference<CallEnd> failure = new AtomicReference<>();
  private final AtomicLong unreadBytes = new AtomicLong();
  private volatile boolean discarding;

  // Touched by the flow's thread only.
  private boolean callerGone;
  private boolean appHangingUp;
  private boolean down;
  private boolean handedOver;
  private EslEvent earlyCompletion;
  private Consumer<EslEvent> watcher = event -> {};
  // The keys being answered: when their completion arrived, the waits on peers since then.
  private long keysArrivedAt;
  private long freeSwitchWaitNanos;
  private long switchNanosAtKeys;
  private long lastArrival;

  /**
   * @param timeout longest wait for one command, a whole application included
   * @param handshakeTimeout longest wait for the reply to a one-line command ({@code myevents},
   *     {@code linger}, {@code resume}), which FreeSWITCH answers at once
   * @param maxUnreadBytes most bytes of frames waiting for the flow before the call is cut off
   * @param keyTimes told, for each collection of keys, the app's own share of answering them
   */
  EslLine(
      Channel channel,
      Duration timeout,
      Duration handshakeTimeout,
      int maxUnreadBytes,
      KeyTimes keyTimes) {
    this.channel = channel;
    this.timeout = timeout;
    this.handshakeTimeout = handshakeTimeout;
    this.maxUnreadBytes = maxUnreadBytes;
    this.keyTimes = keyTimes;
  }

  // ---- event loop side ----

  void received(EslFrame frame) {
    if (discarding) {
      wipe(frame);
      return;
    }
    long unread = unreadBytes.addAndGet(sizeOf(frame));
    if (inbox.size() >= MAX_UNREAD_FRAMES || unread > maxUnreadBytes) {
      wipe(frame);
      failed(CallEnd.TOO_MANY_EVENTS);
      channel.close();
      return;
    }
    inbox.add(new Arrived(frame, System.nanoTime()));
  }

  /** A frame and when the event loop handed it over, so the flow's own delays can be measured. */
  private record Arrived(EslFrame frame, long at) {}

  /** About what the frame took on the wire: its body and header lines. */
  private static long sizeOf(EslFrame frame) {
    long size = frame.bodyLength();
    for (EslHeader header : frame.headers()) {
      size += header.name().length() + header.value().length() + 3;
    }
    return size;
  }

  /** Records why the socket is about to close; the first reason wins. */
  void failed(CallEnd reason) {
    failure.compareAndSet(null, reason);
  }

  void closed() {
    inbox.add(CLOSED);
  }

  // ---- flow thread side ----

  void send(EslCommand command) {
    channel.writeAndFlush(command).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
  }

  /**
   * Sends a one-line command ({@code myevents}, {@code linger}, {@code resume}) and insists on
   * {@code +OK} within the handshake timeout: FreeSWITCH answers these at once.
   */
  EslFrame command(String line) {
    ensureUp();
    send(EslCommand.of(line));
    return acceptedReply(null, System.nanoTime() + handshakeTimeout.toNanos());
  }

  /**
   * Runs dialplan application {@code app} and returns its CHANNEL_EXECUTE_COMPLETE, which carries
   * the channel's variables as they stood when the application finished.
   */
  EslEvent execute(String app, String arg) {
    return execute(app, arg, timeout);
  }

  /**
   * As {@link #execute(String, String)}, for an application that may rightly run longer than the
   * usual command timeout ({@code bridge} lasts as long as the conversation).
   */
  EslEvent execute(String app, String arg, Duration patience) {
    return execute(app, arg, patience, false);
  }

  /**
   * As {@link #execute(String, String, Duration)}, but a caller who hung up while the application
   * ran does not throw: the completion is returned (it says how the application ended, e.g. a
   * bridge that was answered before the hang-up) and the line is down afterwards.
   */
  EslEvent executeToTheEnd(String app, String arg, Duration patience) {
    return execute(app, arg, patience, true);
  }

  /**
   * As {@link #executeToTheEnd(String, String, Duration)}, handing {@code watcher} every other
   * event of the call that arrives while the application runs (before its secrets are wiped), on
   * the flow's thread: how a {@code bridge} tells the flow that the far end answered long before
   * the application completes.
   */
  EslEvent executeToTheEnd(String app, String arg, Duration patience, Consumer<EslEvent> watcher) {
    this.watcher = watcher;
    try {
      return execute(app, arg, patience, true);
    } finally {
      this.watcher = event -> {};
    }
  }

  private EslEvent execute(String app, String arg, Duration patience, boolean toTheEnd) {
    ensureUp();
    if (keysArrivedAt != 0 && !NOT_PROMPTS.contains(app)) {
      keysAnswered();
    }
    String eventUuid = UUID.randomUUID().toString();
    earlyCompletion = null;
    send(EslCommand.execute(app, arg, eventUuid));
    long deadline = System.nanoTime() + patience.toNanos();
    acceptedReply(eventUuid, deadline);
    EslEvent completion = earlyCompletion;
    while (completion == null) {
      EslFrame frame = next(deadline);
      completion = completionIn(frame, eventUuid);
      if (completion == null) {
        watch(frame);
        wipe(frame);
      }
    }
    if ("hangup".equals(completion.header("Answer-State").orElse("")) && !appHangingUp) {
      // The caller hung up while the application ran; CHANNEL_HANGUP follows, but the call is over
      // now.
      callerGone = true;
      down = true;
      if (!toTheEnd) {
        // Keys half typed into a secret collection end here.
        completion.wipeSecrets();
        throw gone();
      }
    }
    if (COLLECTION.equals(app)) {
      // The completion is the last frame taken: it carries the keys.
      keysArrivedAt = lastArrival;
      freeSwitchWaitNanos = 0;
      switchNanosAtKeys = PeerWaits.switchNanos();
    }
    return completion;
  }

  private void keysAnswered() {
    long own =
        System.nanoTime()
            - keysArrivedAt
            - freeSwitchWaitNanos
            - (PeerWaits.switchNanos() - switchNanosAtKeys);
    boolean switchAsked = PeerWaits.switchNanos() != switchNanosAtKeys;
    keysArrivedAt = 0;
    keyTimes.answered(Duration.ofNanos(Math.max(0, own)), switchAsked);
  }

  /**
   * Hangs up with NORMAL_CLEARING unless the line is already down; never throws for a call already
   * gone.
   */
  void hangUp() {
    if (down) {
      return;
    }
    appHangingUp = true;
    try {
      execute("hangup", "NORMAL_CLEARING");
    } catch (CallerHungUp alreadyGone) {
      // The call is over either way, which is what was asked.
    }
    down = true;
  }

  /** The call went elsewhere in the dialplan: no hang-up from us, and no further commands. */
  void handedOver() {
    handedOver = true;
    down = true;
  }

  boolean isDown() {
    return down;
  }

  void close() {
    down = true;
    channel.close();
    discardUnread();
  }

  /**
   * Wipes the secrets of every frame not read yet (a collection's completion that came after the
   * hang-up, say) and of every frame that still arrives: the call is over.
   */
  void discardUnread() {
    discarding = true;
    Object item;
    while ((item = inbox.poll()) != null) {
      wipe(item);
    }
  }

  /** Zeroes the secret variables an event frame carries; anything else is left alone. */
  private static void wipe(Object item) {
    if (item instanceof Arrived arrived) {
      wipe(arrived.frame());
    } else if (item instanceof EslFrame frame && frame.isEvent()) {
      frame.event().wipeSecrets();
    }
  }

  /** Why the session ended, judged once the call is over. */
  CallEnd end() {
    if (handedOver) {
      return CallEnd.HANDED_OVER;
    }
    if (callerGone) {
      return CallEnd.CALLER_HUNG_UP;
    }
    CallEnd failed = failure.get();
    if (failed != null) {
      return failed;
    }
    return appHangingUp ? CallEnd.APP_HUNG_UP : CallEnd.CONNECTION_LOST;
  }

  private EslFrame acceptedReply(String eventUuid, long deadline) {
    while (true) {
      EslFrame frame = next(deadline);
      if (frame.isCommandReply()) {
        if (!frame.replyOk()) {
          noteQueuedHangup();
          failed(CallEnd.COMMAND_REJECTED);
          down = true;
          throw gone();
        }
        return frame;
      }
      EslEvent completion = null;
      if (eventUuid != null && earlyCompletion == null) {
        // FreeSWITCH may queue the completion before the reply; keep it for the wait that follows.
        completion = completionIn(frame, eventUuid);
        earlyCompletion = completion;
      }
      if (completion == null) {
        watch(frame);
        wipe(frame);
      }
    }
  }

  private void watch(EslFrame frame) {
    if (frame.isEvent()) {
      watcher.accept(frame.event());
    }
  }

  private static EslEvent completionIn(EslFrame frame, String eventUuid) {
    if (frame.isEvent()) {
      EslEvent event = frame.event();
      if (EXECUTE_COMPLETE.equals(event.eventName())
          && eventUuid.equals(event.header("Application-UUID").orElse(""))) {
        return event;
      }
    }
    return null;
  }

  /** The next frame, having noted whether it ends the call; throws once the call is over. */
  private EslFrame next(long deadline) {
    ensureUp();
    Object item;
    long waitFrom = System.nanoTime();
    try {
      item = inbox.poll(Math.max(0, deadline - waitFrom), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failed(CallEnd.INTERRUPTED);
      down = true;
      channel.close();
      throw gone();
    }
    if (item == null) {
      failed(CallEnd.NO_REPLY);
      down = true;
      channel.close();
      throw gone();
    }
    if (item == CLOSED) {
      down = true;
      throw gone();
    }
    Arrived arrived = (Arrived) item;
    EslFrame frame = arrived.frame();
    lastArrival = arrived.at();
    if (keysArrivedAt != 0) {
      // Waiting for FreeSWITCH is its share; the wake-up after the frame arrived is ours.
      freeSwitchWaitNanos += Math.max(0, arrived.at() - waitFrom);
    }
    unreadBytes.addAndGet(-sizeOf(frame));
    if (endsTheCall(frame)) {
      wipe(frame);
      callerGone = !appHangingUp;
      down = true;
      throw gone();
    }
    return frame;
  }

  private static boolean endsTheCall(EslFrame frame) {
    return frame.isDisconnectNotice()
        || (frame.isEvent() && "CHANNEL_HANGUP".equals(frame.event().eventName()));
  }

  /**
   * A -ERR right after the caller hung up is the hang-up's doing: look at what has already arrived.
   */
  private void noteQueuedHangup() {
    Object item;
    while ((item = inbox.poll()) != null && item != CLOSED) {
      if (endsTheCall(((Arrived) item).frame()) && !appHangingUp) {
        callerGone = true;
      }
      wipe(item);
    }
    if (item == CLOSED) {
      inbox.add(CLOSED);
    }
  }

  private void ensureUp() {
    if (down) {
      throw gone();
    }
  }

  private CallerHungUp gone() {
    return new CallerHungUp("Call over: " + end().description() + ".");
  }

  private long deadline() {
    return System.nanoTime() + timeout.toNanos();
  }
}
