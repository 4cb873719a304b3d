# Builds the application jar and runs it on the `postgres` profile.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
RUN ./mvnw -B -q package -DskipTests
# the jar extracted (app.jar beside lib/), as Spring Boot recommends for running in a container:
# it starts faster and maps less than the single jar
RUN cp target/empact-oap-*.jar app.jar && java -Djarmode=tools -jar app.jar extract --destination extracted

FROM eclipse-temurin:17-jre
RUN useradd --system --home /app empact
WORKDIR /app
COPY --from=build /src/extracted/ /app/
USER empact
EXPOSE 8080
ENV SPRING_PROFILES_ACTIVE=postgres
# memory: under 400 MB resident on a 2-core machine (README, "Performance"): a heap of 160 MB
# (twice what stays live), the serial collector (a small heap on few cores), bounded metaspace,
# code cache, direct memory and thread stacks, and two malloc arenas instead of eight per core
ENV JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -Xss512k -Xmx160m -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=32m"
ENV MALLOC_ARENA_MAX=2
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
