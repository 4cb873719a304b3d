package eu.empact.oap;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The EMPACT OAP workflow: the registry, the processes in {@code processes/} and their forms. */
@SpringBootApplication
@EnableProcessApplication("empact-oap")
public class EmpactOapApplication {

  public static void main(String[] args) {
    SpringApplication.run(EmpactOapApplication.class, args);
  }
}
