package vn.chibo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

import vn.chibo.operations.OperatorCommands;

/**
 * Chi bộ số: meetings, roster and records of the grassroots party cells.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(sharedModules = "system")
public class ChiboApplication {

    public static void main(String[] args) {
        if (OperatorCommands.isCommand(args)) {
            System.exit(OperatorCommands.run(args));
        }
        SpringApplication.run(ChiboApplication.class, args);
    }
}
