package eu.empact.oap.benchmark;

import static org.awaitility.Awaitility.await;

import eu.empact.oap.support.EmbeddedPostgresDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Start-up time and memory of the packaged application as the Dockerfile runs it (its
 * {@code ENV} lines, read from the Dockerfile: the JVM's flags and the allocator's arenas), on embedded PostgreSQL: seconds from the
 * JVM's start to the first answer, on a new database and again on the same database, and the
 * resident memory after start and after the Tasklist and API calls of a working morning. Not a
 * test; run {@code ./mvnw package -DskipTests} first (README, "Performance").
 */
public final class StartupBenchmark {

  private static final List<String> USERS = List.of("driver", "al-it", "nec-fr", "esu", "cosi");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private StartupBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> dockerfile = dockerfileEnvironment();
    Path jar = jar();
    String database = EmbeddedPostgresDatabase.newDatabase();
    dockerfile.forEach((name, value) -> System.out.println(name + "=" + value));
    System.out.printf("%-22s %12s %14s %16s %14s%n", "start", "first answer", "RSS started", "RSS after load",
        "peak RSS");
    for (String start : List.of("new database", "same database", "same database")) {
      measure(start, jar, dockerfile, database);
    }
    System.exit(0);
  }

  private static void measure(String start, Path jar, Map<String, String> dockerfile, String database)
      throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    ProcessBuilder builder = new ProcessBuilder(java(), "-jar", jar.toString(), "--spring.profiles.active=postgres", "--server.port=" + port,
        "--empact.demo.enabled=true", "--logging.level.root=WARN");
    builder.environment().putAll(EmbeddedPostgresDatabase.environment(database));
    builder.environment().putAll(dockerfile);
    builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    long begin = System.nanoTime();
    Process app = builder.start();
    try {
      String base = "http://localhost:" + port;
      await("the first answer").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
          .failFast("the application stopped", () -> !app.isAlive())
          .until(() -> status(base + "/camunda/app/welcome/default/", null) == 200);
      double seconds = (System.nanoTime() - begin) / 1e9;
      long started = memory(app.pid(), "VmRSS");
      for (int i = 0; i < 40; i++) {
        for (String user : USERS) {
          status(base + "/engine-rest/task?maxResults=50&sortBy=dueDate&sortOrder=asc", user);
          status(base + "/api/oaps", user);
          status(base + "/api/oaps/1", user);
        }
        status(base + "/api/oaps/1/versions", "esu");
      }
      System.out.printf("%-22s %10.1f s %11d MB %13d MB %11d MB%n", start, seconds, started,
          memory(app.pid(), "VmRSS"), memory(app.pid(), "VmHWM"));
    } finally {
      app.destroy();
      app.waitFor();
    }
  }

  /** The environment the Dockerfile gives the application: the JVM's flags, the allocator's arenas ... */
  static Map<String, String> dockerfileEnvironment() throws IOException {
    Map<String, String> environment = new LinkedHashMap<>();
    Matcher line = Pattern.compile("(?m)^ENV (\\w+)=\"?([^\"\\n]*)\"?$").matcher(Files.readString(Path.of("Dockerfile")));
    while (line.find()) {
      environment.put(line.group(1), line.group(2));
    }
    if (!environment.containsKey("JAVA_TOOL_OPTIONS")) {
      throw new IllegalStateException("the Dockerfile sets no JAVA_TOOL_OPTIONS");
    }
    return environment;
  }

  /** The packaged application extracted as the Dockerfile extracts it: {@code app.jar} beside its {@code lib/}. */
  private static Path jar() throws IOException, InterruptedException {
    Path packaged;
    try (Stream<Path> built = Files.list(Path.of("target"))) {
      packaged = built.filter(p -> p.getFileName().toString().matches("empact-oap-.*\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no target/empact-oap-*.jar: run ./mvnw package -DskipTests"));
    }
    Path extracted = Path.of("target", "startup");
    Files.createDirectories(extracted);
    Files.copy(packaged, extracted.resolve("app.jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Process extract = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", "app.jar", "extract", "--force",
        "--destination", "extracted").directory(extracted.toFile()).inheritIO().start();
    if (extract.waitFor() != 0) {
      throw new IllegalStateException("could not extract " + packaged);
    }
    return extracted.resolve("extracted").resolve("app.jar");
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** A line of /proc/{pid}/status, in MB. */
  private static long memory(long pid, String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    throw new IllegalStateException("no " + field + " for process " + pid);
  }

  private static int status(String url, String user) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
