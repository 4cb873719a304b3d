package eu.empact.oap.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The application once more, in a JVM of its own from the test's classpath, on the same database
 * (the `postgres` profile): a second node beside the test's context, which a test can kill.
 */
public final class SecondNode implements AutoCloseable {

  private final Process process;

  private SecondNode(Process process) {
    this.process = process;
  }

  /** Starts the node with these command-line arguments and waits until it has started. */
  public static SecondNode start(String databaseUrl, String... arguments) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        "eu.empact.oap.EmpactOapApplication", "--spring.profiles.active=postgres", "--server.port=0"));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(EmbeddedPostgresDatabase.environment(databaseUrl));
    Process process = builder.redirectErrorStream(true).start();
    CountDownLatch started = new CountDownLatch(1);
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          if (line.contains("Started EmpactOapApplication")) {
            started.countDown();
          }
        }
      } catch (IOException e) {
        // the node stopped
      }
    });
    reader.setDaemon(true);
    reader.start();
    SecondNode node = new SecondNode(process);
    if (!started.await(120, TimeUnit.SECONDS)) {
      node.kill();
      throw new AssertionError("the second node did not start within two minutes");
    }
    return node;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** As {@code kill -9}: the node ends at once, in whatever it was doing. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("second node killed").isTrue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
