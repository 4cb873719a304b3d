package eu.empact.oap;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The EMPACT OAP workflow: the registry, the processes in {@code processes/} and their forms. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableProcessApplication("empact-oap")
public class EmpactOapApplication {

  public static void main(String[] args) {
    SpringApplication.run(EmpactOapApplication.class, args);
  }
}
