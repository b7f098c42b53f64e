// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * A data source whose connections stop before preparing the first statement that starts with a
 * given text, until a test lets them go on: the way to hold one transaction between two of its
 * statements while another runs. Everything else is passed to the real connection.
 */
final class PausingDataSource {

  private PausingDataSource() {}

  /**
   * {@code data}, with a pause before the first statement starting with {@code sqlStart}: counts
   * {@code reached} down there, then waits (at most a minute) for {@code goOn}.
   */
  static DataSource before(
      DataSource data, String sqlStart, CountDownLatch reached, CountDownLatch goOn) {
    CountDownLatch once = new CountDownLatch(1);
    InvocationHandler sources =
        (proxy, method, args) -> {
          Object result = call(data, method, args);
          return result instanceof Connection connection
              ? pausing(connection, sqlStart, once, reached, goOn)
              : result;
        };
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, sources);
  }

  private static Connection pausing(
      Connection connection,
      String sqlStart,
      CountDownLatch once,
      CountDownLatch reached,
      CountDownLatch goOn) {
    InvocationHandler statements =
        (proxy, method, args) -> {
          if (method.getName().equals("prepareStatement")
              && args[0] instanceof String sql
              && sql.startsWith(sqlStart)
              && once.getCount() > 0) {
            once.countDown();
            reached.countDown();
            if (!goOn.await(1, TimeUnit.MINUTES)) {
              throw new IllegalStateException("the test never let the paused statement go on");
            }
          }
          return call(connection, method, args);
        };
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, statements);
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
