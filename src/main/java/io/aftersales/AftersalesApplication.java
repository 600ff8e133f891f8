package io.aftersales;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The after-sales platform. As a Camunda process application it deploys every model and form under
 * {@code processes/} and {@code forms/} at start-up (see {@code META-INF/processes.xml}).
 */
@SpringBootApplication
@EnableProcessApplication("aftersales")
@ConfigurationPropertiesScan
@EnableScheduling
public class AftersalesApplication {
  public static void main(String[] args) {
    SpringApplication.run(AftersalesApplication.class, args);
  }
}
