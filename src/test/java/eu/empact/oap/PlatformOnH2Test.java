package eu.empact.oap;

import org.springframework.test.context.TestPropertySource;

/** The platform contract on H2 (the default profile's database), in memory for the tests. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:empact-platform;DB_CLOSE_DELAY=-1")
class PlatformOnH2Test extends PlatformContract {}
