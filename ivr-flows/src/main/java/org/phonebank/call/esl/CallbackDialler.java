// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call.esl;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.phonebank.escalation.CallbackCall;
import org.phonebank.escalation.Callbacks;
import org.phonebank.escalation.OfferResult;
import org.phonebank.esl.EslCommand;
import org.phonebank.esl.EslEvent;
import org.phonebank.esl.EslHeader;

/**
 * Places callback calls through FreeSWITCH's <b>inbound</b> Event Socket: one connection per call,
 * on which the phone bank authenticates, subscribes to the three events it needs and runs {@code
 * bgapi originate}, the customer's leg first and then {@code &bridge} to the reserved officer. What
 * FreeSWITCH does (signalwire/freeswitch at cc93a683):
 *
 * <ul>
 *   <li>{@code mod_event_socket.c}, {@code listener_run}: a new connection gets {@code
 *       Content-Type: auth/request}; {@code parse_command} answers {@code auth <password>} with
 *       {@code +OK accepted}, or {@code -ERR invalid} and drops the connection.
 *   <li>{@code parse_command}, {@code bgapi}: replies at once {@code +OK Job-UUID: <job>} (the
 *       {@code Job-UUID} header we send is used as the job's id), runs the API in a thread ({@code
 *       api_exec}) and fires BACKGROUND_JOB with {@code Job-UUID} and the API's output as body.
 *   <li>{@code mod_commands.c}, {@code originate_function}: the output is {@code +OK <uuid>} once
 *       the customer's leg answered (then the leg runs {@code &bridge(...)}), or {@code -ERR
 *       <cause>} ({@code NO_ANSWER}, {@code USER_BUSY}, {@code CALL_REJECTED}...). {@code
 *       ignore_early_media=true} keeps {@code switch_ivr_originate} from returning on the network's
 *       early media (ringback) before the customer answers.
 *   <li>On the customer's leg ({@code origination_uuid}, our id): {@code switch_ivr_bridge.c} fires
 *       CHANNEL_BRIDGE when the officer answers; the leg hangs up after the bridge ({@code
 *       hangup_after_bridge=true}) or when the bridge fails (no {@code continue_on_fail}: {@code
 *       switch_channel_handle_cause}), and CHANNEL_HANGUP_COMPLETE carries {@code DIALSTATUS}.
 * </ul>
 *
 * The customer's number is in the originate string and therefore in FreeSWITCH's own log and in the
 * BACKGROUND_JOB event ({@code Job-Command-Arg}); the phone bank logs none of it.
 */
public final class CallbackDialler implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(CallbackDialler.class.getName());
  private static final Object CLOSED = new Object();

  /** The longest a callback conversation may last before the dialler stops waiting for it. */
  static final Duration LONGEST_CONVERSATION = Duration.ofHours(4);

  private final InboundEslSettings settings;
  private final EventLoopGroup loop;

  public CallbackDialler(InboundEslSettings settings) {
    this.settings = Objects.requireNonNull(settings, "Inbound Event Socket settings are required.");
    this.loop = new NioEventLoopGroup(1, new DefaultThreadFactory("callback-dialler", true));
  }

  /** How far one callback call got, for what to report when FreeSWITCH goes away mid-call. */
  private enum Stage {
    DIALLING,
    CUSTOMER_ANSWERED,
    BRIDGED
  }

  /**
   * Places {@code call} and reports each step to {@code callbacks}; blocks until the call is over.
   * Never throws for a telephony failure: an Event Socket that cannot be reached or refuses the
   * password is a customer not reached (cause {@code DIALLER_FAILED}), logged without the number.
   */
  public void place(CallbackCall call, Callbacks callbacks) {
    String legUuid = UUID.randomUUID().toString();
    String jobUuid = UUID.randomUUID().toString();
    Stage stage = Stage.DIALLING;
    try (InboundConversation esl = connect()) {
      esl.authenticate();
      esl.command(
          EslCommand.of("event plain BACKGROUND_JOB CHANNEL_BRIDGE CHANNEL_HANGUP_COMPLETE"));
      esl.command(
          new EslCommand(
              "bgapi originate " + originate(call, legUuid),
              List.of(new EslHeader("Job-UUID", jobUuid)),
              new byte[0]));
      EslEvent job =
          esl.event(
              e ->
                  "BACKGROUND_JOB".equals(e.eventName())
                      && jobUuid.equals(e.header("Job-UUID").orElse("")),
              call.customerRing().plus(settings.replyTimeout()).plusSeconds(5));
      String output = job.bodyText().trim();
      if (!output.startsWith("+OK")) {
        callbacks.notReached(call, cause(output));
        return;
      }
      stage = Stage.CUSTOMER_ANSWERED;
      while (true) {
        EslEvent event =
            esl.event(e -> legUuid.equals(e.header("Unique-ID").orElse("")), LONGEST_CONVERSATION);
        if ("CHANNEL_BRIDGE".equals(event.eventName()) && stage != Stage.BRIDGED) {
          stage = Stage.BRIDGED;
          callbacks.officerAnswered(call);
        } else if ("CHANNEL_HANGUP_COMPLETE".equals(event.eventName())) {
          if (stage == Stage.BRIDGED) {
            callbacks.ended(call);
          } else {
            callbacks.officerMissed(call, officerResult(event));
          }
          return;
        }
      }
    } catch (InboundConversation.Failure e) {
      LOG.log(Level.WARNING, "Callback " + call + " failed: " + e.getMessage());
      switch (stage) {
        case DIALLING -> callbacks.notReached(call, "DIALLER_FAILED");
        case CUSTOMER_ANSWERED -> callbacks.officerMissed(call, OfferResult.FAILED);
        case BRIDGED -> callbacks.ended(call);
      }
    }
  }

  /**
   * {@code {vars}<prefix><number> &bridge(<officer>)}: the customer's leg rings for the callback
   * ring time, then bridges to the officer's endpoint for the ring timeout.
   */
  String originate(CallbackCall call, String legUuid) {
    StringBuilder vars =
        new StringBuilder("{origination_uuid=")
            .append(legUuid)
            .append(",ignore_early_media=true")
            .append(",originate_timeout=")
            .append(Math.max(1, call.customerRing().toSeconds()))
            .append(",call_timeout=")
            .append(Math.max(1, call.officerRing().toSeconds()))
            .append(",hangup_after_bridge=true");
    if (!settings.callerId().isEmpty()) {
      vars.append(",origination_caller_id_number=").append(settings.callerId());
    }
    return vars.append('}')
        .append(settings.dialPrefix())
        .append(call.number())
        .append(" &bridge(")
        .append(call.officerEndpoint())
        .append(')')
        .toString();
  }

  /** {@code -ERR NO_ANSWER} is NO_ANSWER; anything unexpected, ORIGINATE_FAILED. */
  static String cause(String output) {
    String cause = output.startsWith("-ERR ") ? output.substring(5).trim() : "";
    return cause.matches("[A-Z_]{1,24}") ? cause : "ORIGINATE_FAILED";
  }

  /** The officer's phone, as the customer's leg's DIALSTATUS tells it. */
  private static OfferResult officerResult(EslEvent hangup) {
    return switch (hangup.variable("DIALSTATUS").orElse("")) {
      case "NOANSWER" -> OfferResult.NO_ANSWER;
      case "BUSY", "DONTCALL" -> OfferResult.REFUSED;
      default -> OfferResult.FAILED;
    };
  }

  private InboundConversation connect() {
    return InboundConversation.open(loop, settings);
  }

  @Override
  public void close() {
    loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }
}
