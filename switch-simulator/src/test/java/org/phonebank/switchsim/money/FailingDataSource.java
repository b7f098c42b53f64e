// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchsim.money;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A data source that fails one step of the work done through it, for fault tests: a step is the
 * execution of a statement or a commit, counted across every thread from when the wrapper is armed.
 * At step {@code failAt} it throws an {@link SQLException} with the given SQLState instead of doing
 * the step (so nothing of it reaches the database), or halts the JVM there ({@link #halting}), as a
 * kill -9 would. Built on JDK proxies: every other call goes straight to the real driver.
 *
 * <p>Auto-committed SELECTs of the store-and-forward sender are not counted: it polls its queue on
 * a timer, and counting the polls would make step numbers depend on timing. Its writes, and the
 * reads inside its transactions, are counted.
 */
public final class FailingDataSource {

  /** SQLState of a lost connection: not retried by the journal, so the failure is felt. */
  public static final String CONNECTION_LOST = "08006";

  /** SQLState of Derby's lock time-out: the database undid the work, which may be run again. */
  public static final String LOCK_TIME_OUT = "40XL1";

  /** Exit status of a JVM halted at its step. */
  public static final int HALTED = 86;

  private static final String SAF_SENDER = "switch-saf-sender";

  private final DataSource target;
  private final int failAt;
  private final String sqlState;
  private final boolean halt;
  private final AtomicInteger steps = new AtomicInteger();
  private final List<String> trace = Collections.synchronizedList(new ArrayList<>());
  // Connections with a transaction begun and not yet committed or rolled back.
  private final java.util.Set<Connection> inTransaction =
      Collections.synchronizedSet(Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
  private volatile boolean armed;
  private volatile boolean failed;

  private FailingDataSource(DataSource target, int failAt, String sqlState, boolean halt) {
    this.target = target;
    this.failAt = failAt;
    this.sqlState = sqlState;
    this.halt = halt;
  }

  /** Throws {@code sqlState} at step {@code failAt} (1-based), once. */
  public static FailingDataSource throwing(DataSource target, int failAt, String sqlState) {
    return new FailingDataSource(target, failAt, sqlState, false);
  }

  /** Halts the JVM with {@link #HALTED} just before step {@code failAt}. */
  public static FailingDataSource halting(DataSource target, int failAt) {
    return new FailingDataSource(target, failAt, null, true);
  }

  /** Starts counting steps; before this, work passes untouched. */
  public void arm() {
    armed = true;
  }

  /** Stops counting and failing: what follows is the recovery's, on a healthy database. */
  public void disarm() {
    armed = false;
  }

  /** Whether the failure happened (false: the work had fewer steps than {@code failAt}). */
  public boolean failed() {
    return failed;
  }

  /** Steps counted so far. */
  public int steps() {
    return steps.get();
  }

  /** What each counted step was, in order, for a failure message. */
  public List<String> trace() {
    return List.copyOf(trace);
  }

  public DataSource dataSource() {
    return proxy(DataSource.class, target, this::onDataSource);
  }

  private Object onDataSource(Object real, Method method, Object[] args) throws Throwable {
    Object result = invoke(real, method, args);
    return result instanceof Connection connection
        ? proxy(Connection.class, connection, (r, m, a) -> onConnection(connection, r, m, a))
        : result;
  }

  private Object onConnection(Connection connection, Object real, Method method, Object[] args)
      throws Throwable {
    if (method.getName().equals("commit")) {
      step(connection, "commit", false);
    }
    if (method.getName().equals("commit") || method.getName().equals("rollback")) {
      inTransaction.remove(connection);
    }
    Object result = invoke(real, method, args);
    if (result instanceof Statement statement) {
      String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : "";
      Class<? extends Statement> type =
          result instanceof java.sql.PreparedStatement
              ? java.sql.PreparedStatement.class
              : Statement.class;
      return proxy(type, statement, (r, m, a) -> onStatement(connection, sql, r, m, a));
    }
    return result;
  }

  private Object onStatement(
      Connection connection, String preparedSql, Object real, Method method, Object[] args)
      throws Throwable {
    if (method.getName().startsWith("execute")) {
      String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : preparedSql;
      boolean poll =
          Thread.currentThread().getName().equals(SAF_SENDER)
              && sql.strip().toUpperCase(Locale.ROOT).startsWith("SELECT")
              && connection.getAutoCommit();
      if (!poll) {
        boolean cut = connection.getAutoCommit() || inTransaction.add(connection);
        step(connection, sql, cut);
      }
    }
    return invoke(real, method, args);
  }

  /**
   * @param cut whether the database's durable state may differ just before this step from just
   *     before the step counted last in the same thread: true for a statement that commits on its
   *     own and the first of a transaction, false inside one, where nothing is durable before the
   *     commit
   */
  private void step(Connection connection, String what, boolean cut) throws SQLException {
    if (!armed) {
      return;
    }
    int step = steps.incrementAndGet();
    trace.add(
        step
            + (cut ? " cut" : " in-tx")
            + ": "
            + Thread.currentThread().getName()
            + ": "
            + shorten(what));
    if (step != failAt) {
      return;
    }
    failed = true;
    if (halt) {
      System.out.println("HALT at step " + step + ": " + shorten(what));
      System.out.flush();
      Runtime.getRuntime().halt(HALTED);
    }
    throw new SQLException("Injected failure at step " + step + ": " + shorten(what), sqlState);
  }

  private static String shorten(String sql) {
    String oneLine = sql.replaceAll("\\s+", " ").strip();
    return oneLine.length() > 70 ? oneLine.substring(0, 70) + "…" : oneLine;
  }

  private static Object invoke(Object real, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(real, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @FunctionalInterface
  private interface Handler {
    Object handle(Object real, Method method, Object[] args) throws Throwable;
  }

  private static <T> T proxy(Class<T> type, Object real, Handler handler) {
    InvocationHandler invocation = (p, method, args) -> handler.handle(real, method, args);
    return type.cast(
        Proxy.newProxyInstance(
            FailingDataSource.class.getClassLoader(), new Class<?>[] {type}, invocation));
  }
}
