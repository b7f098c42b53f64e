// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call.esl;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.phonebank.call.BridgeOutcome;
import org.phonebank.call.DigitCollection;
import org.phonebank.call.KeypadEntry;
import org.phonebank.call.Phone;
import org.phonebank.call.SecretEntry;
import org.phonebank.esl.EslEvent;
import org.phonebank.prompt.Prompt;

/**
 * A {@link Phone} on a FreeSWITCH channel: each operation is one or a few dialplan applications run
 * with {@code sendmsg}. Digits come back as channel variables in the application's
 * CHANNEL_EXECUTE_COMPLETE.
 *
 * @see <a
 *     href="https://developer.signalwire.com/freeswitch/FreeSWITCH-Explained/Modules/mod_dptools_1970333">
 *     mod_dptools: playback, set, unset, hangup</a>
 * @see <a
 *     href="https://developer.signalwire.com/freeswitch/FreeSWITCH-Explained/Modules/mod-dptools/6586933">
 *     mod_dptools: play_and_get_digits</a>
 */
final class EslPhone implements Phone {

  private static final System.Logger LOG = System.getLogger(EslPhone.class.getName());

  static final String DIGITS_VARIABLE = "pb_digits";
  static final String SECRET_VARIABLE = "pb_secret";

  /**
   * The variables a secret collection may fill, which the frame decoder parses into wipeable arrays
   * instead of Strings ({@link org.phonebank.esl.EslEvent#parse(byte[], Set)}). {@code
   * pb_secret_invalid} is only ever set when a regular expression refuses the keys, which a secret
   * collection no longer gives; it is listed for a FreeSWITCH whose dialplan would add one.
   */
  static final Set<String> SECRET_VARIABLES = Set.of(SECRET_VARIABLE, SECRET_VARIABLE + "_invalid");

  /** Any keypad key; the terminator {@code #} never reaches the variable. */
  private static final String ANY_KEYS = "[0-9*#]+";

  /**
   * No regular expression, written as FreeSWITCH's argument splitter reads an empty argument
   * ({@code switch_separate_string} in src/switch_utils.c strips the quotes): with one, {@code
   * switch_play_and_get_digits} (src/switch_ivr_play_say.c) logs the keys at DEBUG1 as {@code Test
   * Regex [%s][%s]}. The phone bank checks a secret's keys itself.
   */
  static final String NO_REGEX = "''";

  private static final String BETWEEN_TRIES = "silence_stream://250";

  private final EslLine line;
  private final String callId;
  private final PromptPaths paths;
  private boolean keysSensitive;

  /**
   * The longest an officer's conversation may last before the line gives up waiting for the
   * bridge's completion.
   */
  static final Duration LONGEST_CONVERSATION = Duration.ofHours(4);

  private final String callerNumber;

  EslPhone(EslLine line, String callId, PromptPaths paths) {
    this(line, callId, paths, null);
  }

  /** {@code callerNumber}: the connect reply's {@code Caller-Caller-ID-Number}, or null. */
  EslPhone(EslLine line, String callId, PromptPaths paths, String callerNumber) {
    this.line = Objects.requireNonNull(line, "Line is required.");
    this.callId = Objects.requireNonNull(callId, "Call id is required.");
    this.paths = Objects.requireNonNull(paths, "Prompt paths are required.");
    this.callerNumber = callerNumber;
  }

  @Override
  public Optional<String> callerNumber() {
    return Optional.ofNullable(callerNumber).filter(n -> !n.isBlank());
  }

  /**
   * {@code set call_timeout}, {@code set continue_on_fail=true}, {@code set
   * hangup_after_bridge=false}, {@code set ignore_early_media=true}, then {@code bridge
   * <endpoint>}; {@code answered} runs at the caller's CHANNEL_BRIDGE and the outcome is read from
   * the application's CHANNEL_EXECUTE_COMPLETE. What FreeSWITCH does (signalwire/freeswitch at
   * cc93a683):
   *
   * <ul>
   *   <li>{@code mod_dptools.c audio_bridge_function} originates with {@code switch_ivr_originate},
   *       which takes its ring time from the caller's {@code call_timeout} ({@code
   *       switch_ivr_originate.c}, {@code SWITCH_CALL_TIMEOUT_VARIABLE}).
   *   <li>On a failed originate it sets {@code originate_disposition} to the cause name and {@code
   *       DIALSTATUS} to NOANSWER, BUSY, DONTCALL (call rejected) or the cause, then calls {@code
   *       switch_channel_handle_cause}, which hangs the caller up unless {@code continue_on_fail}
   *       is true ({@code switch_channel.c}): with it the app just ends and the socket goes on.
   *   <li>{@code switch_ivr_originate} returns the officer's leg once it is answered, or, unless
   *       {@code ignore_early_media} is set, as soon as it sends early media ({@code
   *       oglobals.early_ok}); then {@code switch_ivr_multi_threaded_bridge} ({@code
   *       switch_ivr_bridge.c}) fires CHANNEL_BRIDGE with the caller's channel data ({@code
   *       Unique-ID} and {@code Bridge-A-Unique-ID} the caller, {@code Bridge-B-Unique-ID} the
   *       officer), which {@code myevents} delivers on this socket ({@code mod_event_socket.c},
   *       {@code event_handler}, {@code LFLAG_MYEVENTS} keeps events of this {@code Unique-ID}).
   *       With {@code ignore_early_media=true} the bridge starts only at the officer's answer, so
   *       CHANNEL_BRIDGE is the answer. The officer's own CHANNEL_ANSWER carries the officer's
   *       {@code Unique-ID} and never reaches this socket.
   *   <li>The bridge lasts until one side hangs up: CHANNEL_UNBRIDGE, and only then does {@code
   *       switch_core_session_exec} send the application's CHANNEL_EXECUTE_COMPLETE, with {@code
   *       originate_disposition} {@code call accepted}. With {@code hangup_after_bridge=false} the
   *       caller's channel stays ({@code switch_ivr_bridge.c}), so the flow hangs up itself.
   *   <li>If the caller hangs up, the bridge's completion (with {@code Answer-State: hangup}) comes
   *       before CHANNEL_HANGUP; it is read for the outcome and the line is down afterwards.
   * </ul>
   */
  @Override
  public BridgeOutcome bridge(String endpoint, Duration ringFor, Runnable answered) {
    return bridge(endpoint, null, ringFor, answered);
  }

  /**
   * As {@link #bridge(String, Duration, Runnable)}, the officer's leg created with {@code
   * {origination_uuid=<legId>}} before the dial string ({@code switch_core_session.c}, {@code
   * switch_core_session_outgoing_channel}, takes the new session's UUID from it), so that {@code
   * uuid_kill <legId>} on the inbound Event Socket ends that leg: while it rings, the originate
   * fails with the given cause (CALL_REJECTED: {@code DIALSTATUS} DONTCALL, a refusal); once
   * answered, the bridge ends as when the officer hangs up (TALKED).
   */
  @Override
  public BridgeOutcome bridge(String endpoint, String legId, Duration ringFor, Runnable answered) {
    if (!endpoint.matches("[A-Za-z0-9_./@:+=${}-]{1,128}")) {
      throw new IllegalArgumentException("An officer's endpoint is one dial string.");
    }
    if (legId != null) {
      java.util.UUID.fromString(legId);
      endpoint = "{origination_uuid=" + legId + "}" + endpoint;
    }
    long seconds = Math.max(1, ringFor.toSeconds());
    line.execute("set", "call_timeout=" + seconds);
    line.execute("set", "continue_on_fail=true");
    line.execute("set", "hangup_after_bridge=false");
    line.execute("set", "ignore_early_media=true");
    boolean[] told = {false};
    // The caller may hang up first: the completion still tells whether the officer had answered.
    EslEvent done =
        line.executeToTheEnd(
            "bridge",
            endpoint,
            LONGEST_CONVERSATION,
            event -> {
              if (!told[0] && connects(event, callId)) {
                told[0] = true;
                tell(answered);
              }
            });
    if ("call accepted".equals(done.variable("originate_disposition").orElse(""))) {
      if (!told[0]) {
        // A bridge whose CHANNEL_BRIDGE never arrived (lost event): the answer is known now.
        tell(answered);
      }
      return BridgeOutcome.TALKED;
    }
    switch (done.variable("DIALSTATUS").orElse("")) {
      case "NOANSWER":
        return BridgeOutcome.NO_ANSWER;
      case "BUSY":
      case "DONTCALL":
        return BridgeOutcome.REFUSED;
      case "CANCEL":
        return BridgeOutcome.CALLER_LEFT;
      default:
        return BridgeOutcome.FAILED;
    }
  }

  /**
   * Whether {@code event} is FreeSWITCH connecting this caller ({@code callId}) to the far end: a
   * CHANNEL_BRIDGE whose A leg is the caller (see {@link #bridge}).
   */
  static boolean connects(EslEvent event, String callId) {
    return "CHANNEL_BRIDGE".equals(event.eventName())
        && callId.equals(
            event.header("Bridge-A-Unique-ID").orElse(event.header("Unique-ID").orElse("")));
  }

  /** The conversation goes on whatever recording the answer does. */
  private void tell(Runnable answered) {
    try {
      answered.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not record an officer's answer on call " + callId, e);
    }
  }

  @Override
  public String callId() {
    return callId;
  }

  /**
   * Marks every key of the call sensitive, then answers. FreeSWITCH decides whether a key is
   * sensitive when the key is queued, not when it is read ({@code switch_channel_queue_dtmf} in
   * src/switch_channel.c flags it, {@code switch_channel_dequeue_dtmf} then raises no DTMF event
   * and logs no digit), so a PIN typed ahead between two questions would be queued in the clear if
   * the flag were ever lowered. The phone bank reads keys from variables, never from DTMF events:
   * the flag stays up for the whole call.
   */
  @Override
  public void answer() {
    keysSensitive();
    line.execute("answer", "");
  }

  @Override
  public void play(Prompt prompt) {
    line.execute("playback", paths.of(prompt));
  }

  @Override
  public KeypadEntry collect(DigitCollection request) {
    keysSensitive();
    EslEvent done =
        line.execute("play_and_get_digits", digitsArgument(request, DIGITS_VARIABLE, ANY_KEYS));
    DigitResult result = DigitResult.of(done, DIGITS_VARIABLE, request.maxDigits());
    forgetTerminator(done);
    return new KeypadEntry(result.ending(), result.keys());
  }

  /**
   * Collects the keys into a variable of their own and unsets it at once: every later event and the
   * CDR would otherwise carry it. The keys are sensitive (no DTMF events, no log lines) as every
   * key of the call is, see {@link #answer()}.
   */
  @Override
  public SecretEntry collectSecret(DigitCollection request) {
    keysSensitive();
    EslEvent done =
        line.execute("play_and_get_digits", digitsArgument(request, SECRET_VARIABLE, NO_REGEX));
    // The keys never become a String: the decoder parsed them into the event's own array.
    try (SecretEntry entry = DigitResult.secret(done, SECRET_VARIABLE, request.maxDigits())) {
      done.wipeSecrets();
      line.execute("unset", SECRET_VARIABLE);
      if (done.secretVariable(SECRET_VARIABLE + "_invalid").isPresent()) {
        line.execute("unset", SECRET_VARIABLE + "_invalid");
      }
      forgetTerminator(done);
      return new SecretEntry(entry.ending(), entry.keys());
    } finally {
      done.wipeSecrets();
    }
  }

  /**
   * {@code resume} first, so that the socket closing afterwards lets the channel go on in the
   * dialplan instead of hanging it up; then the {@code transfer} application moves it to {@code
   * destination}. The line is handed over: the call runner closes the socket without hanging up.
   */
  @Override
  public void transferTo(String destination) {
    if (!destination.matches("[A-Za-z0-9_.+-]{1,64}")) {
      throw new IllegalArgumentException("Transfer destination must be one dialplan extension.");
    }
    line.command("resume");
    line.execute("transfer", destination);
    line.handedOver();
  }

  @Override
  public void hangUp() {
    line.hangUp();
  }

  /**
   * {@code <min> <max> <tries> <timeout> <terminators> <file> <invalid_file> <var> <regexp>
   * <digit_timeout>}: one try, since the flows explain a mistake and ask again themselves.
   */
  private String digitsArgument(DigitCollection request, String variable, String regex) {
    long millis = request.timeout().toMillis();
    return String.join(
        " ",
        Integer.toString(request.minDigits()),
        Integer.toString(request.maxDigits()),
        "1",
        Long.toString(millis),
        "#",
        paths.of(request.prompt()),
        BETWEEN_TRIES,
        variable,
        regex,
        Long.toString(millis));
  }

  /** Raises {@code sensitive_dtmf} once, before the first key can be queued; never lowers it. */
  private void keysSensitive() {
    if (!keysSensitive) {
      line.execute("set", "sensitive_dtmf=true");
      keysSensitive = true;
    }
  }

  /**
   * FreeSWITCH never clears {@code read_terminator_used} before a read ({@link DigitResult}): unset
   * it once seen, so the next question's completion shows only its own terminator.
   */
  private void forgetTerminator(EslEvent done) {
    if (done.variable(DigitResult.TERMINATOR_USED).isPresent()) {
      line.execute("unset", DigitResult.TERMINATOR_USED);
    }
  }

  @Override
  public String toString() {
    return "EslPhone[" + callId + "]";
  }
}
