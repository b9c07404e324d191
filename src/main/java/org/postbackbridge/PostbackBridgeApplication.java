package org.postbackbridge;

import org.postbackbridge.platform.database.CopyDatabaseCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PostbackBridgeApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(CopyDatabaseCommand.NAME)) {
            System.exit(CopyDatabaseCommand.run(args));
        }
        SpringApplication.run(PostbackBridgeApplication.class, args);
    }
}
