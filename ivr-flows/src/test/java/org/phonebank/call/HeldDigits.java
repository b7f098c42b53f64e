// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.phonebank.testing.ByteSearch;

/**
 * Where an object holds some digits: a walk over everything reachable from it through the phone
 * bank's own fields, arrays, strings and the JDK's collections and optionals, naming each place
 * that holds the digits as text (a {@code String}, a {@code char[]}, or a {@code byte[]} in ASCII
 * or UTF-16). Objects passed as {@code skip} (the scripted phone, which keeps its script as
 * strings) are not entered. What a heap dump would show of a session, without the dump.
 */
public final class HeldDigits {

  private final String digits;
  private final Set<Object> visited = Collections.newSetFromMap(new IdentityHashMap<>());
  private final List<String> found = new ArrayList<>();

  private HeldDigits(String digits, Object... skip) {
    this.digits = digits;
    visited.addAll(List.of(skip));
  }

  /** The paths from {@code root} at which {@code digits} are held; empty when none. */
  public static List<String> in(Object root, String digits, Object... skip) {
    HeldDigits search = new HeldDigits(digits, skip);
    search.walk(root, root.getClass().getSimpleName());
    return search.found;
  }

  private void walk(Object value, String path) {
    if (value == null || value instanceof Class<?> || !visited.add(value)) {
      return;
    }
    if (value instanceof String text) {
      check(text.contains(digits), path);
    } else if (value instanceof char[] chars) {
      check(new String(chars).contains(digits), path);
    } else if (value instanceof byte[] bytes) {
      check(
          ByteSearch.contains(bytes, digits.getBytes(StandardCharsets.US_ASCII))
              || ByteSearch.contains(bytes, digits.getBytes(StandardCharsets.UTF_16LE))
              || ByteSearch.contains(bytes, digits.getBytes(StandardCharsets.UTF_16BE)),
          path);
    } else if (value instanceof Object[] array) {
      for (int i = 0; i < array.length; i++) {
        walk(array[i], path + "[" + i + "]");
      }
    } else if (value instanceof Collection<?> collection) {
      int i = 0;
      for (Object element : List.copyOf(collection)) {
        walk(element, path + "[" + i++ + "]");
      }
    } else if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : Map.copyOf(map).entrySet()) {
        walk(entry.getKey(), path + ".key");
        walk(entry.getValue(), path + "[" + entry.getKey() + "]");
      }
    } else if (value instanceof Optional<?> optional) {
      walk(optional.orElse(null), path + ".get");
    } else if (value.getClass().getName().startsWith("org.phonebank.")) {
      // Our own classes only: the JDK's (java.lang.Enum, Record) hold nothing of a call.
      for (Class<?> type = value.getClass();
          type != null && type.getName().startsWith("org.phonebank.");
          type = type.getSuperclass()) {
        for (Field field : type.getDeclaredFields()) {
          if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
            continue;
          }
          field.setAccessible(true);
          try {
            walk(field.get(value), path + "." + field.getName());
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
  }

  private void check(boolean holds, String path) {
    if (holds) {
      found.add(path);
    }
  }
}
