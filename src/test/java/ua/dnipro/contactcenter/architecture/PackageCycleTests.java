package ua.dnipro.contactcenter.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The feature packages depend on each other in one direction only: no package reaches, through any
 * chain of others, back to itself. Read from the sources (every import and fully qualified name of
 * another of the application's packages), so that a cycle fails the build the day it comes back.
 */
class PackageCycleTests {

  static final Path SOURCES = Path.of("src/main/java/ua/dnipro/contactcenter");
  static final Pattern REFERENCE = Pattern.compile("ua\\.dnipro\\.contactcenter\\.([a-z0-9]+)\\.([A-Z]\\w*)");

  @Test
  void noPackageDependsOnItselfThroughOthers() throws IOException {
    Map<String, Map<String, Set<String>>> dependencies = dependencies();
    List<List<String>> cycles = stronglyConnected(dependencies).stream().filter(component -> component.size() > 1)
        .toList();
    List<String> explained = new ArrayList<>();
    for (List<String> cycle : cycles) {
      for (String from : cycle) {
        for (String to : cycle) {
          Set<String> because = dependencies.getOrDefault(from, Map.of()).get(to);
          if (because != null) {
            explained.add(from + " -> " + to + " " + because);
          }
        }
      }
    }
    assertThat(explained).as("package cycles").isEmpty();
    assertThat(dependencies).as("the sources were read").containsKeys("intake", "complaint", "security");
  }

  /** package -> package it refers to -> the classes that refer (file -> class). */
  static Map<String, Map<String, Set<String>>> dependencies() throws IOException {
    Map<String, Map<String, Set<String>>> graph = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
        String from = SOURCES.relativize(file).getName(0).toString();
        if (from.endsWith(".java")) {
          continue;
        }
        Matcher matcher = REFERENCE.matcher(Files.readString(file));
        while (matcher.find()) {
          String to = matcher.group(1);
          if (!to.equals(from)) {
            graph.computeIfAbsent(from, any -> new TreeMap<>()).computeIfAbsent(to, any -> new TreeSet<>())
                .add(file.getFileName() + "->" + matcher.group(2));
          }
        }
      }
    }
    return graph;
  }

  /** Tarjan's strongly connected components. */
  static List<List<String>> stronglyConnected(Map<String, Map<String, Set<String>>> graph) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new TreeSet<>();
    List<List<String>> components = new ArrayList<>();
    int[] counter = {0};
    for (String node : graph.keySet()) {
      if (!index.containsKey(node)) {
        visit(node, graph, index, low, stack, onStack, components, counter);
      }
    }
    return components;
  }

  private static void visit(String node, Map<String, Map<String, Set<String>>> graph, Map<String, Integer> index,
      Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<List<String>> components, int[] counter) {
    index.put(node, counter[0]);
    low.put(node, counter[0]++);
    stack.push(node);
    onStack.add(node);
    for (String next : graph.getOrDefault(node, Map.of()).keySet()) {
      if (!index.containsKey(next)) {
        visit(next, graph, index, low, stack, onStack, components, counter);
        low.put(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.contains(next)) {
        low.put(node, Math.min(low.get(node), index.get(next)));
      }
    }
    if (low.get(node).equals(index.get(node))) {
      List<String> component = new ArrayList<>();
      String member;
      do {
        member = stack.pop();
        onStack.remove(member);
        component.add(member);
      } while (!member.equals(node));
      components.add(component);
    }
  }
}
