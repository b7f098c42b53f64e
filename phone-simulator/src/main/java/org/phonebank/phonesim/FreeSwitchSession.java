// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.phonebank.esl.EslCommand;
import org.phonebank.esl.EslFrame;
import org.phonebank.esl.EslHeader;
import org.phonebank.phonesim.CallScript.HangUp;
import org.phonebank.phonesim.CallScript.HangUpMidEntry;
import org.phonebank.phonesim.CallScript.Keys;
import org.phonebank.phonesim.CallScript.NoInput;
import org.phonebank.phonesim.CallScript.Step;
import org.phonebank.phonesim.Transcript.Ending;

/**
 * FreeSWITCH's side of one outbound Event Socket session, as far as the phone bank uses it: answers
 * {@code connect}, {@code myevents} and {@code linger}, acknowledges each {@code sendmsg} with
 * {@code +OK} and then raises the events the real application would (CHANNEL_EXECUTE, DTMF,
 * CHANNEL_EXECUTE_COMPLETE, CHANNEL_HANGUP, ...). Runs on the event loop; one instance per call.
 *
 * <p>A caller who takes {@code thinkTime} over every prompt (a playback lasts that long, and keys
 * come that long after a digit prompt starts) keeps the call up the way a real caller does, which
 * is what holding many calls at once needs.
 */
final class FreeSwitchSession extends SimpleChannelInboundHandler<EslCommand> {

  private static final String GOODBYE =
      "Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n";

  private final Deque<Step> steps;
  private final PromptTexts texts;
  private final FakeChannel channel;
  private final CompletableFuture<Transcript> result;
  private final Duration thinkTime;
  private final CallListener listener;
  private final OfficerPhones officers;
  private final List<String> lines = new ArrayList<>();
  private final List<String> applications = new ArrayList<>();
  private final DtmfQueue dtmf = new DtmfQueue();
  private final Deque<Character> typedAhead = new ArrayDeque<>();
  private int dtmfEventsRaised;
  private boolean hangUpWhenDry;
  private Map<String, String> atHangup = Map.of();
  private Map<String, String> atReporting = Map.of();
  private String hookOutcome = "";
  private int stepNumber;
  private boolean resumed;
  private boolean eventLockHeld;
  private final java.util.ArrayDeque<EslCommand> waitingForTheLock = new java.util.ArrayDeque<>();
  private boolean lingering;
  private boolean finished;

  FreeSwitchSession(
      CallScript script,
      PromptTexts texts,
      FakeChannel channel,
      CompletableFuture<Transcript> result) {
    this(script, texts, channel, result, Duration.ZERO, CallListener.NONE);
  }

  FreeSwitchSession(
      CallScript script,
      PromptTexts texts,
      FakeChannel channel,
      CompletableFuture<Transcript> result,
      Duration thinkTime,
      CallListener listener) {
    this(script, texts, channel, result, thinkTime, listener, OfficerPhones.answeringAll());
  }

  FreeSwitchSession(
      CallScript script,
      PromptTexts texts,
      FakeChannel channel,
      CompletableFuture<Transcript> result,
      Duration thinkTime,
      CallListener listener,
      OfficerPhones officers) {
    this.officers = officers;
    this.steps = new ArrayDeque<>(script.steps());
    this.texts = texts;
    this.channel = channel;
    this.result = result;
    this.thinkTime = thinkTime;
    this.listener = listener;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, EslCommand command) {
    if (finished) {
      return;
    }
    boolean sendmsg = command.name().equals("sendmsg");
    listener.commandReceived(
        sendmsg
            ? command
                .header("execute-app-name")
                .orElse(command.header("call-command").orElse("sendmsg"))
            : command.name(),
        sendmsg ? command.header("execute-app-arg").orElse("") : "",
        System.nanoTime());
    switch (command.name()) {
      case "connect" -> ctx.writeAndFlush(channel.connectReply());
      case "myevents" ->
          ctx.writeAndFlush(EslFrame.ofCommandReply("+OK event listener enabled plain"));
      case "linger" -> {
        lingering = true;
        ctx.writeAndFlush(EslFrame.ofCommandReply("+OK will linger"));
      }
      case "sendmsg" -> sendmsg(ctx, command);
      case "resume" -> {
        // The channel goes on in the dialplan when the socket closes, instead of being hung up.
        resumed = true;
        ctx.writeAndFlush(EslFrame.ofCommandReply("+OK"));
      }
      case "exit" -> {
        ctx.write(EslFrame.ofCommandReply("+OK bye"));
        disconnect(ctx, Ending.ERROR, "the phone bank left with exit, without hanging up");
      }
      default -> ctx.writeAndFlush(EslFrame.ofCommandReply("-ERR command not found"));
    }
  }

  private void sendmsg(ChannelHandlerContext ctx, EslCommand command) {
    if (eventLockHeld) {
      // mod_event_socket.c (parse_command, "sendmsg") queues the message on the session and
      // answers +OK at once; the session runs it when the locked application is over.
      ctx.writeAndFlush(EslFrame.ofCommandReply("+OK"));
      waitingForTheLock.add(command);
      return;
    }
    run(ctx, command, true);
  }

  /**
   * Runs one {@code sendmsg}; {@code reply} false when its +OK went out as it was queued. An
   * application sent with {@code event-lock: true} holds the session until it completes, as
   * FreeSWITCH's CF_EVENT_LOCK does (switch_ivr.c, switch_ivr_parse_event): playback, which parses
   * queued messages while it plays, then cannot run the next one (a hang-up) before it is over.
   */
  private void run(ChannelHandlerContext ctx, EslCommand command, boolean reply) {
    String callCommand = command.header("call-command").orElse("");
    String eventUuid = command.header("event-uuid").orElse(UUID.randomUUID().toString());
    if (callCommand.equals("hangup")) {
      if (reply) {
        ctx.write(EslFrame.ofCommandReply("+OK"));
      }
      appHangsUp(
          ctx, "hangup", command.header("hangup-cause").orElse("NORMAL_CLEARING"), eventUuid);
      return;
    }
    if (!callCommand.equals("execute")) {
      ctx.writeAndFlush(EslFrame.ofCommandReply("-ERR unsupported call-command"));
      return;
    }
    String app = command.header("execute-app-name").orElse("");
    String arg = command.header("execute-app-arg").orElse("");
    if (!app.equals("play_and_get_digits")) {
      typeAheadOneKey();
    }
    if (reply) {
      ctx.write(EslFrame.ofCommandReply("+OK"));
    }
    eventLockHeld = "true".equalsIgnoreCase(command.header("event-lock").orElse(""));
    applications.add(arg.isEmpty() ? app : app + " " + arg);
    ctx.write(
        channel.event(
            "CHANNEL_EXECUTE",
            new EslHeader("Application", app),
            new EslHeader("Application-Data", arg),
            new EslHeader("Application-UUID", eventUuid)));
    switch (app) {
      case "answer" -> {
        channel.answered();
        ctx.write(channel.event("CHANNEL_ANSWER"));
        complete(ctx, app, arg, eventUuid, "_none_");
      }
      case "playback" -> {
        say(texts.wordsOf(arg));
        afterThinking(ctx, () -> complete(ctx, app, arg, eventUuid, "FILE PLAYED"));
      }
      case "set" -> {
        int equals = arg.indexOf('=');
        if (equals > 0) {
          channel.variables().put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        complete(ctx, app, arg, eventUuid, "_none_");
      }
      case "unset" -> {
        channel.variables().remove(arg.trim());
        complete(ctx, app, arg, eventUuid, "_none_");
      }
      case "play_and_get_digits" -> playAndGetDigits(ctx, arg, eventUuid);
      case "hangup" -> appHangsUp(ctx, app, arg.isEmpty() ? "NORMAL_CLEARING" : arg, eventUuid);
      case "transfer" -> transfer(ctx, arg, eventUuid);
      case "bridge" -> bridgeToOfficer(ctx, arg, eventUuid);
      default -> complete(ctx, app, arg, eventUuid, "_none_");
    }
  }

  /** Plays the prompt, then does what the script's next group says. */
  private void playAndGetDigits(ChannelHandlerContext ctx, String arg, String eventUuid) {
    String app = "play_and_get_digits";
    DigitRequest request = DigitRequest.parse(arg);
    if (request == null) {
      say("[play_and_get_digits with unusable arguments]");
      complete(ctx, app, arg, eventUuid, "_none_");
      return;
    }
    say(texts.wordsOf(request.file()));
    afterThinking(ctx, () -> answer(ctx, request, arg, eventUuid));
  }

  /**
   * The caller's answer to a digit prompt: keys still queued or typed ahead, else the script's next
   * group; then FreeSWITCH's reading of them ({@link DigitReader}), with a DTMF event for every key
   * it reads that was queued while {@code sensitive_dtmf} was not true.
   */
  private void answer(
      ChannelHandlerContext ctx, DigitRequest request, String arg, String eventUuid) {
    String app = "play_and_get_digits";
    DigitReader reader =
        new DigitReader(
            dtmf,
            channel.variables(),
            key -> {
              if (!key.sensitive()) {
                dtmfEventsRaised++;
                ctx.write(
                    channel.event(
                        "DTMF",
                        new EslHeader("DTMF-Digit", String.valueOf(key.digit())),
                        new EslHeader("DTMF-Duration", "2000"),
                        new EslHeader("DTMF-Source", "RTP")));
              }
            });
    reader.hangingUp(
        () -> hangUpWhenDry,
        () -> {
          // The hang-up is raised first, by the thread that saw the caller go; the reader sets
          // the variable to the keys so far only afterwards.
          channel.hungUp();
          raiseHangup(ctx, "NORMAL_CLEARING");
        });
    try {
      reader.playAndGetDigits(request, () -> keysFor(request));
    } catch (CallerHangsUp hangsUp) {
      callerHangsUp(ctx, app, arg, eventUuid);
      return;
    }
    if (reader.channelDown()) {
      lines.add(Transcript.caller("hangs up in the middle of the entry"));
      ctx.write(completion(app, arg, "_none_", eventUuid));
      report(ctx, "NORMAL_CLEARING");
      disconnect(ctx, Ending.CALLER_HUNG_UP, Ending.CALLER_HUNG_UP.description());
      return;
    }
    complete(ctx, app, arg, eventUuid, "_none_");
    if (hangUpWhenDry) {
      // Every key fitted: the entry completed, and the caller hangs up before the next command.
      lines.add(Transcript.caller("hangs up right after the entry"));
      channel.hungUp();
      raiseHangup(ctx, "NORMAL_CLEARING");
      report(ctx, "NORMAL_CLEARING");
      disconnect(ctx, Ending.CALLER_HUNG_UP, Ending.CALLER_HUNG_UP.description());
    }
  }

  /** CHANNEL_HANGUP, with the variables as they stand at the hang-up (kept for the transcript). */
  private void raiseHangup(ChannelHandlerContext ctx, String cause) {
    atHangup = new LinkedHashMap<>(channel.variables());
    ctx.write(channel.event("CHANNEL_HANGUP", new EslHeader("Hangup-Cause", cause)));
  }

  /**
   * What {@code switch_core_session_hangup_state} and {@code switch_core_session_reporting_state}
   * (src/switch_core_state_machine.c) do after the hang-up: {@code hangup_cause} set, the {@code
   * api_hangup_hook} run ({@link HangupHook}), then the reporting state, where the CDR modules read
   * the variables and CHANNEL_HANGUP_COMPLETE carries them.
   */
  private void report(ChannelHandlerContext ctx, String cause) {
    channel.variables().put("hangup_cause", cause);
    hookOutcome = HangupHook.run(channel.variables());
    atReporting = new LinkedHashMap<>(channel.variables());
    ctx.write(channel.event("CHANNEL_HANGUP_COMPLETE", new EslHeader("Hangup-Cause", cause)));
  }

  /** Thrown out of a read when the script makes the caller hang up instead of answering. */
  private static final class CallerHangsUp extends RuntimeException {
    CallerHangsUp() {
      super(null, null, false, false);
    }
  }

  /**
   * Queues the caller's keys for one try of a question: typed-ahead keys first; when none are
   * queued, the script's next group, of which the keys after its first {@code #} are typed ahead.
   */
  private void keysFor(DigitRequest request) {
    boolean sensitive = sensitive();
    boolean hadTypedAhead = !typedAhead.isEmpty();
    while (!typedAhead.isEmpty()) {
      dtmf.queue(typedAhead.pollFirst(), sensitive);
    }
    if (!dtmf.isEmpty()) {
      lines.add(
          Transcript.caller(
              hadTypedAhead ? "had typed " + dtmf.size() + " keys ahead" : "keys still queued"));
      return;
    }
    Step step = steps.poll();
    stepNumber++;
    if (step instanceof HangUpMidEntry midEntry) {
      lines.add(
          Transcript.caller(
              (sensitive ? "keys a secret (" : "keys ")
                  + midEntry.typed().length()
                  + (sensitive ? " keys)" : " digits")));
      for (char key : midEntry.typed().toCharArray()) {
        dtmf.queue(key, sensitive);
      }
      hangUpWhenDry = true;
      listener.keysDelivered(stepNumber, sensitive, System.nanoTime());
      return;
    }
    if (step == null || step instanceof HangUp) {
      lines.add(Transcript.caller(step == null ? "hangs up (end of the key script)" : "hangs up"));
      throw new CallerHangsUp();
    }
    if (step instanceof NoInput) {
      lines.add(Transcript.caller("keys nothing"));
      return;
    }
    Keys keys = (Keys) step;
    lines.add(Transcript.caller(describe(request, keys, sensitive)));
    for (char key : keys.now().toCharArray()) {
      dtmf.queue(key, sensitive);
    }
    for (char key : keys.ahead().toCharArray()) {
      typedAhead.addLast(key);
    }
    listener.keysDelivered(stepNumber, sensitive, System.nanoTime());
  }

  /**
   * A key typed ahead reaches the queue as each command arrives, with the sensitivity the channel
   * has at that moment: a caller keeps typing while the phone bank talks to FreeSWITCH.
   */
  private void typeAheadOneKey() {
    if (!typedAhead.isEmpty()) {
      dtmf.queue(typedAhead.pollFirst(), sensitive());
    }
  }

  private boolean sensitive() {
    return "true".equalsIgnoreCase(channel.variables().get("sensitive_dtmf"));
  }

  /** What the transcript says the caller did: never the keys of an entry longer than one key. */
  private static String describe(DigitRequest request, Keys keys, boolean sensitive) {
    String now = keys.now();
    String typed = now.endsWith("#") ? now.substring(0, now.length() - 1) : now;
    String said;
    if (typed.isEmpty()) {
      said = "presses # only";
    } else if (request.max() == 1 && typed.length() == 1) {
      said = "presses " + typed;
    } else if (sensitive) {
      said = "keys a secret (" + typed.length() + " keys)";
    } else {
      said = "keys " + typed.length() + " digits";
    }
    return keys.ahead().isEmpty()
        ? said
        : said + ", then types " + keys.ahead().length() + " keys ahead";
  }

  /** Runs {@code next} once the caller's think time is over, unless the call ended meanwhile. */
  private void afterThinking(ChannelHandlerContext ctx, Runnable next) {
    if (thinkTime.isZero()) {
      next.run();
      return;
    }
    // The +OK and CHANNEL_EXECUTE go out now, as FreeSWITCH sends them when the application starts.
    ctx.flush();
    ctx.executor()
        .schedule(
            () -> {
              if (!finished && ctx.channel().isActive()) {
                next.run();
              }
            },
            thinkTime.toNanos(),
            TimeUnit.NANOSECONDS);
  }

  private void say(String words) {
    if (!words.isEmpty()) {
      lines.add(Transcript.ivr(words));
    }
  }

  private void complete(
      ChannelHandlerContext ctx, String app, String arg, String eventUuid, String response) {
    ctx.writeAndFlush(completion(app, arg, response, eventUuid));
    eventLockHeld = false;
    EslCommand next;
    while (!eventLockHeld && !finished && (next = waitingForTheLock.poll()) != null) {
      run(ctx, next, false);
    }
  }

  /**
   * The transfer application moves the channel to another extension; after {@code resume} the
   * socket closing leaves the call up, now with whoever answers that extension (the officers'
   * queue).
   */
  private void transfer(ChannelHandlerContext ctx, String destination, String eventUuid) {
    say("[transferred to " + destination + "]");
    complete(ctx, "transfer", destination, eventUuid, "_none_");
    finish(
        resumed ? Ending.TRANSFERRED : Ending.ERROR,
        resumed
            ? "transferred to " + destination
            : "transferred without resume: the channel would hang up when the socket closes");
  }

  /**
   * The officer's phone, as FreeSWITCH's {@code bridge} application reports it on the caller's
   * socket (signalwire/freeswitch at cc93a683), doing what {@link OfficerPhones} scripts for the
   * endpoint:
   *
   * <ul>
   *   <li>{@code mod_dptools.c}, {@code audio_bridge_function}, originates with {@code
   *       switch_ivr_originate} ({@code switch_ivr_originate.c}), which rings for the caller's
   *       {@code call_timeout} (60 s when unset). With {@code ignore_early_media=true} it returns
   *       only once the officer answers, setting {@code originate_disposition=call accepted} and
   *       {@code DIALSTATUS} (to {@code EARLY} for an answered leg: the source has it so).
   *   <li>{@code switch_ivr_bridge.c}, {@code switch_ivr_multi_threaded_bridge}, then fires
   *       CHANNEL_BRIDGE with the caller's channel data and {@code Bridge-A-Unique-ID} / {@code
   *       Bridge-B-Unique-ID}, sets {@code bridge_to} and {@code last_bridge_to}, and runs the
   *       conversation; when a side hangs up it fires CHANNEL_UNBRIDGE and returns. Only then does
   *       {@code switch_core_session_exec} ({@code switch_core_session.c}) raise the application's
   *       CHANNEL_EXECUTE_COMPLETE. With {@code hangup_after_bridge=false} the caller's channel
   *       stays up and the socket goes on.
   *   <li>A failed originate sets {@code originate_disposition} to the cause name and {@code
   *       DIALSTATUS} from it ({@code NO_ANSWER}: NOANSWER, {@code CALL_REJECTED}: DONTCALL, any
   *       other: the cause name), no CHANNEL_BRIDGE; with {@code continue_on_fail=true} the
   *       application simply completes.
   * </ul>
   */
  private void bridgeToOfficer(ChannelHandlerContext ctx, String arg, String eventUuid) {
    // {origination_uuid=...}user/1001: switch_core_session_outgoing_channel names the new leg so.
    String endpoint = arg;
    String legUuid = UUID.randomUUID().toString();
    if (arg.startsWith("{") && arg.indexOf('}') > 0) {
      endpoint = arg.substring(arg.indexOf('}') + 1);
      for (String pair : arg.substring(1, arg.indexOf('}')).split(",")) {
        if (pair.startsWith("origination_uuid=")) {
          legUuid = pair.substring("origination_uuid=".length());
        }
      }
    }
    officerLeg = legUuid;
    String dialled = endpoint;
    Leg leg = new Leg(legUuid);
    currentLeg = leg;
    officers.legUp(
        legUuid, cause -> ctx.executor().execute(() -> killed(ctx, leg, arg, eventUuid, cause)));
    say("[ringing officer " + dialled + "]");
    ctx.flush();
    OfficerPhone phone = officers.ring(dialled);
    Duration ringLimit = ringLimit();
    if (phone instanceof OfficerPhone.Answers answers) {
      if (answers.ring().compareTo(ringLimit) >= 0) {
        later(ctx, leg, ringLimit, () -> originateFailed(ctx, leg, arg, eventUuid, "NO_ANSWER"));
        return;
      }
      later(
          ctx,
          leg,
          answers.ring(),
          () -> {
            officerAnswers(ctx, leg);
            later(ctx, leg, answers.talk(), () -> officerHangsUp(ctx, leg, arg, eventUuid));
          });
    } else if (phone instanceof OfficerPhone.TalksUntil talks) {
      later(
          ctx,
          leg,
          talks.ring(),
          () -> {
            officerAnswers(ctx, leg);
            talks
                .hangUp()
                .thenRun(
                    () ->
                        ctx.executor()
                            .execute(
                                () -> {
                                  if (!finished && !leg.over && ctx.channel().isActive()) {
                                    officerHangsUp(ctx, leg, arg, eventUuid);
                                  }
                                }));
          });
    } else if (phone instanceof OfficerPhone.Refuses refuses) {
      Duration after = refuses.ring().compareTo(ringLimit) < 0 ? refuses.ring() : ringLimit;
      String cause = after.equals(refuses.ring()) ? "CALL_REJECTED" : "NO_ANSWER";
      later(ctx, leg, after, () -> originateFailed(ctx, leg, arg, eventUuid, cause));
    } else if (phone instanceof OfficerPhone.Unreachable) {
      originateFailed(ctx, leg, arg, eventUuid, "USER_NOT_REGISTERED");
    } else {
      later(ctx, leg, ringLimit, () -> originateFailed(ctx, leg, arg, eventUuid, "NO_ANSWER"));
    }
  }

  /** One officer's leg of a bridge: ringing, then answered, then over. */
  private static final class Leg {
    final String uuid;
    boolean answered;
    boolean over;

    Leg(String uuid) {
      this.uuid = uuid;
    }
  }

  /**
   * {@code uuid_kill <leg> [cause]} from the inbound Event Socket ({@code mod_commands.c}, {@code
   * kill_function}: {@code switch_ivr_kill_uuid} hangs the leg up with the cause, NORMAL_CLEARING
   * when none is given). While the leg rings, {@code switch_ivr_originate} finds it no longer ready
   * and takes its hang-up cause as the originate's ({@code switch_ivr_originate.c}: {@code reason =
   * switch_channel_get_cause(peer_channel)}), so the bridge fails as a refusal on the phone would
   * (CALL_REJECTED: DONTCALL). Once answered, the bridge ends as when the officer hangs up.
   */
  private void killed(
      ChannelHandlerContext ctx, Leg leg, String arg, String eventUuid, String cause) {
    if (finished || leg.over || !ctx.channel().isActive()) {
      return;
    }
    say("[officer's leg killed: " + cause + "]");
    if (leg.answered) {
      officerHangsUp(ctx, leg, arg, eventUuid);
    } else {
      originateFailed(ctx, leg, arg, eventUuid, cause);
    }
  }

  /** The caller's {@code call_timeout}, as {@code switch_ivr_originate} reads it; 60 s unset. */
  private Duration ringLimit() {
    try {
      long seconds = Long.parseLong(channel.variables().getOrDefault("call_timeout", "60").trim());
      return Duration.ofSeconds(seconds > 0 ? seconds : 60);
    } catch (NumberFormatException e) {
      return Duration.ofSeconds(60);
    }
  }

  private void officerAnswers(ChannelHandlerContext ctx, Leg leg) {
    leg.answered = true;
    say("[officer answered; talking]");
    channel.variables().put("originate_disposition", "call accepted");
    channel.variables().put("DIALSTATUS", "EARLY");
    ctx.write(
        channel.event(
            "CHANNEL_BRIDGE",
            new EslHeader("Bridge-A-Unique-ID", channel.uuid()),
            new EslHeader("Bridge-B-Unique-ID", officerLeg)));
    channel.variables().put("bridge_to", officerLeg);
    channel.variables().put("last_bridge_to", officerLeg);
    ctx.flush();
  }

  private void officerHangsUp(ChannelHandlerContext ctx, Leg leg, String arg, String eventUuid) {
    legOver(leg);
    say("[officer hung up]");
    channel.variables().remove("bridge_to");
    ctx.write(
        channel.event(
            "CHANNEL_UNBRIDGE",
            new EslHeader("Bridge-A-Unique-ID", channel.uuid()),
            new EslHeader("Bridge-B-Unique-ID", officerLeg)));
    complete(ctx, "bridge", arg, eventUuid, "_none_");
  }

  /** The leg is gone: nothing more happens on it, and uuid_kill no longer finds it. */
  private void legOver(Leg leg) {
    leg.over = true;
    officers.legGone(leg.uuid);
  }

  /** What {@code switch_ivr_originate} leaves on the caller for a failed originate. */
  private void originateFailed(
      ChannelHandlerContext ctx, Leg leg, String arg, String eventUuid, String cause) {
    legOver(leg);
    say(
        switch (cause) {
          case "NO_ANSWER" -> "[officer did not answer]";
          case "CALL_REJECTED" -> "[officer refused]";
          default -> "[officer's phone unreachable: " + cause + "]";
        });
    channel.variables().put("originate_disposition", cause);
    channel
        .variables()
        .put(
            "DIALSTATUS",
            switch (cause) {
              case "NO_ANSWER" -> "NOANSWER";
              case "CALL_REJECTED" -> "DONTCALL";
              case "USER_BUSY" -> "BUSY";
              default -> cause;
            });
    complete(ctx, "bridge", arg, eventUuid, "_none_");
  }

  /**
   * Runs {@code next} on the call's loop after {@code delay}, unless the call or the officer's leg
   * ended meanwhile.
   */
  private void later(ChannelHandlerContext ctx, Leg leg, Duration delay, Runnable next) {
    ctx.executor()
        .schedule(
            () -> {
              if (!finished && !leg.over && ctx.channel().isActive()) {
                next.run();
              }
            },
            delay.toMillis(),
            TimeUnit.MILLISECONDS);
  }

  /** The officer's leg's UUID, as the CHANNEL_BRIDGE names it. */
  private String officerLeg = UUID.randomUUID().toString();

  /** The officer's leg of the last bridge, if any; gone with the call. */
  private Leg currentLeg;

  /** The order FreeSWITCH uses: the hangup app hangs the channel up, then completes. */
  private void appHangsUp(ChannelHandlerContext ctx, String app, String cause, String eventUuid) {
    channel.hungUp();
    raiseHangup(ctx, cause);
    ctx.write(completion(app, cause, "_none_", eventUuid));
    report(ctx, cause);
    disconnect(ctx, Ending.APP_HUNG_UP, Ending.APP_HUNG_UP.description());
  }

  /**
   * The caller hangs up while an application runs: it completes unsuccessfully, then the hang-up.
   */
  private void callerHangsUp(ChannelHandlerContext ctx, String app, String arg, String eventUuid) {
    channel.hungUp();
    channel.variables().put("read_result", "failure");
    ctx.write(completion(app, arg, "_none_", eventUuid));
    raiseHangup(ctx, "NORMAL_CLEARING");
    report(ctx, "NORMAL_CLEARING");
    disconnect(ctx, Ending.CALLER_HUNG_UP, Ending.CALLER_HUNG_UP.description());
  }

  private void disconnect(ChannelHandlerContext ctx, Ending ending, String detail) {
    List<EslHeader> headers = new ArrayList<>();
    headers.add(new EslHeader("Content-Type", EslFrame.DISCONNECT_NOTICE));
    headers.add(new EslHeader("Controlled-Session-UUID", channel.uuid()));
    byte[] body;
    if (lingering) {
      headers.add(new EslHeader("Content-Disposition", "linger"));
      headers.add(new EslHeader("Channel-Name", channel.channelName()));
      headers.add(new EslHeader("Linger-Time", "-1"));
      body = new byte[0];
    } else {
      headers.add(new EslHeader("Content-Disposition", "disconnect"));
      body = GOODBYE.getBytes(StandardCharsets.UTF_8);
    }
    headers.add(new EslHeader("Content-Length", Integer.toString(body.length)));
    finish(ending, detail);
    ctx.writeAndFlush(new EslFrame(headers, body)).addListener(ChannelFutureListener.CLOSE);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    finish(Ending.ERROR, "the phone bank closed the socket without hanging up");
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    finish(
        Ending.ERROR,
        cause instanceof DecoderException
            ? "the phone bank sent a malformed command"
            : "connection failed: " + cause);
    ctx.close();
  }

  /** Ends the call when the caller gave up waiting; call on the event loop. */
  void timedOut(Duration timeout) {
    finish(Ending.ERROR, "timed out after " + timeout.toSeconds() + " s");
  }

  private void finish(Ending ending, String detail) {
    if (currentLeg != null && !currentLeg.over) {
      legOver(currentLeg);
    }
    if (!finished) {
      finished = true;
      Transcript transcript =
          new Transcript(channel.uuid(), lines, applications, dtmfEventsRaised, ending, detail)
              .withHangup(atHangup, atReporting, hookOutcome);
      try {
        listener.ended(transcript);
      } finally {
        result.complete(transcript);
      }
    }
  }

  /** CHANNEL_EXECUTE_COMPLETE for the application the bank ran under {@code eventUuid}. */
  private EslFrame completion(String app, String data, String response, String eventUuid) {
    return channel.event(
        "CHANNEL_EXECUTE_COMPLETE",
        new EslHeader("Application", app),
        new EslHeader("Application-Data", data),
        new EslHeader("Application-Response", response),
        new EslHeader("Application-UUID", eventUuid));
  }
}
