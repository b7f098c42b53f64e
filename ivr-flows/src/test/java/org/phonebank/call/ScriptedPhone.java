// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.phonebank.call.KeypadEntry.Ending;
import org.phonebank.prompt.Prompt;
import org.phonebank.prompt.PromptCatalogue;
import org.phonebank.prompt.PromptFile;

/**
 * A caller who answers each question with the next group of keys in a script, and a transcript of
 * what they heard (the catalogue text of every prompt, in order). {@link #NO_INPUT} lets a question
 * time out; {@link #HANG_UP} hangs up instead of answering. Keys past the question's maximum are
 * dropped, as a real switch would. Asking a question the script has no answer for fails the test,
 * as does using the line after it was hung up.
 */
public final class ScriptedPhone implements Phone {

  public static final String NO_INPUT = "<no input>";
  public static final String HANG_UP = "<hang up>";

  private final String callId;
  private final PromptCatalogue catalogue;
  private final Deque<String> script;
  private final List<String> transcript = new ArrayList<>();
  private final List<DigitCollection> questions = new ArrayList<>();
  private final List<SecretEntry> secretsHandedOut = new ArrayList<>();
  private final Deque<BridgeOutcome> officerPhones = new ArrayDeque<>();
  private final List<String> bridged = new ArrayList<>();
  private String callerNumber;
  private java.util.function.Consumer<String> onQuestion = heard -> {};
  private Runnable duringConversation = () -> {};
  private boolean answered;
  private boolean hungUp;
  private String transferredTo;
  private String hangUpDuring;

  public ScriptedPhone(String callId, PromptCatalogue catalogue, String... keyGroups) {
    this.callId = callId;
    this.catalogue = catalogue;
    this.script = new ArrayDeque<>(List.of(keyGroups));
  }

  /** A caller already past the language menu, for tests that start inside the call. */
  public static ScriptedPhone answered(
      String callId, PromptCatalogue catalogue, String... keyGroups) {
    ScriptedPhone phone = new ScriptedPhone(callId, catalogue, keyGroups);
    phone.answer();
    return phone;
  }

  @Override
  public String callId() {
    return callId;
  }

  @Override
  public void answer() {
    lineMustBeUp();
    answered = true;
  }

  @Override
  public void play(Prompt prompt) {
    lineMustBeUp();
    String heard = textOf(prompt);
    transcript.add(heard);
    if (heard.equals(hangUpDuring)) {
      hungUp = true;
      throw new CallerHungUp("The scripted caller hung up during: " + heard);
    }
  }

  /**
   * Hangs up while the prompt whose words are {@code heard} plays, as a caller who stops listening.
   */
  public ScriptedPhone hangsUpDuring(String heard) {
    this.hangUpDuring = heard;
    return this;
  }

  /** The catalogue's words; a file it lacks (a synthesised name) shows as {@code [<id>]}. */
  private String textOf(Prompt prompt) {
    List<String> words = new ArrayList<>();
    for (PromptFile file : prompt.files()) {
      words.add(catalogue.contains(file) ? catalogue.textOf(file) : "[" + file.id() + "]");
    }
    return String.join(" ", words);
  }

  @Override
  public KeypadEntry collect(DigitCollection request) {
    return ask(request);
  }

  @Override
  public SecretEntry collectSecret(DigitCollection request) {
    KeypadEntry keyed = ask(request);
    SecretEntry entry = new SecretEntry(keyed.ending(), keyed.keys().toCharArray());
    secretsHandedOut.add(entry);
    return entry;
  }

  @Override
  public void hangUp() {
    lineMustBeUp();
    hungUp = true;
  }

  @Override
  public void transferTo(String destination) {
    lineMustBeUp();
    transferredTo = destination;
  }

  /** The caller id the network gives, or null (the default). */
  public ScriptedPhone withCallerNumber(String number) {
    this.callerNumber = number;
    return this;
  }

  /** Runs {@code action} with the text of every question as it is asked (to move the world on). */
  public ScriptedPhone onQuestion(java.util.function.Consumer<String> action) {
    this.onQuestion = action;
    return this;
  }

  /** What the officers' phones do when rung, in order; ringing one more fails the test. */
  public ScriptedPhone officersWill(BridgeOutcome... outcomes) {
    officerPhones.addAll(List.of(outcomes));
    return this;
  }

  @Override
  public Optional<String> callerNumber() {
    return Optional.ofNullable(callerNumber);
  }

  /**
   * Runs {@code action} while the caller talks with an officer who answered: after the phone
   * reported the answer and before the conversation ends (to move the world on meanwhile).
   */
  public ScriptedPhone duringConversation(Runnable action) {
    this.duringConversation = action;
    return this;
  }

  /**
   * The next scripted outcome; for {@link BridgeOutcome#TALKED} the answer is reported first, then
   * the conversation runs, as FreeSWITCH's CHANNEL_BRIDGE comes long before the bridge completes.
   */
  @Override
  public BridgeOutcome bridge(String endpoint, Duration ringFor, Runnable answered) {
    lineMustBeUp();
    bridged.add(endpoint);
    transcript.add("<ringing " + endpoint + " for " + ringFor.toSeconds() + " s>");
    if (officerPhones.isEmpty()) {
      throw new AssertionError("The flow rang an officer the script has no outcome for.");
    }
    BridgeOutcome outcome = officerPhones.removeFirst();
    if (outcome == BridgeOutcome.TALKED) {
      answered.run();
      duringConversation.run();
    }
    return outcome;
  }

  /** The officers' endpoints rung, in order. */
  public List<String> bridged() {
    return List.copyOf(bridged);
  }

  /**
   * The next group as FreeSWITCH would report it: a group ending in {@code #} is terminated, one
   * without stops at the maximum or pauses, {@code #} alone is a lone terminator; hangs up when the
   * script says so.
   */
  private KeypadEntry ask(DigitCollection request) {
    lineMustBeUp();
    if (!answered) {
      throw new AssertionError("Collected digits on a call that was never answered.");
    }
    questions.add(request);
    transcript.add(textOf(request.prompt()));
    onQuestion.accept(textOf(request.prompt()));
    if (script.isEmpty()) {
      throw new AssertionError(
          "The flow asked a question the script has no keys for: " + transcript);
    }
    String next = script.removeFirst();
    if (next.equals(HANG_UP)) {
      hungUp = true;
      throw new CallerHungUp("The scripted caller hung up.");
    }
    if (next.equals(NO_INPUT)) {
      return KeypadEntry.noInput();
    }
    if (next.equals("#")) {
      return KeypadEntry.hashOnly();
    }
    boolean terminated = next.endsWith("#");
    String typed = terminated ? next.substring(0, next.length() - 1) : next;
    // Like play_and_get_digits, collection stops at the maximum; extra keys are lost.
    String keys = typed.substring(0, Math.min(typed.length(), request.maxDigits()));
    Ending ending;
    if (keys.length() < request.minDigits()) {
      ending = Ending.TOO_FEW;
    } else if (keys.length() == request.maxDigits()) {
      ending = Ending.FULL;
    } else {
      ending = terminated ? Ending.TERMINATED : Ending.PAUSED;
    }
    return new KeypadEntry(ending, keys);
  }

  private void lineMustBeUp() {
    if (hungUp) {
      throw new AssertionError("The flow used the line after the call ended.");
    }
    if (transferredTo != null) {
      throw new AssertionError("The flow used the line after handing the call to " + transferredTo);
    }
  }

  /** The extension the call was handed to, or null. */
  public String transferredTo() {
    return transferredTo;
  }

  public List<String> transcript() {
    return List.copyOf(transcript);
  }

  public List<DigitCollection> questions() {
    return List.copyOf(questions);
  }

  public List<SecretEntry> secretsHandedOut() {
    return List.copyOf(secretsHandedOut);
  }

  public boolean hungUp() {
    return hungUp;
  }

  public boolean scriptFinished() {
    return script.isEmpty();
  }
}
