package jp.renkei.dashboard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the dashboard: pages, JSON API, charts and exports over the published marts. */
@SpringBootApplication
public class DashboardApplication {

    public static void main(String[] args) {
        // Charts are rendered off-screen; set before any AWT class loads (Spring would set it too, but later).
        System.setProperty("java.awt.headless", "true");
        SpringApplication.run(DashboardApplication.class, args);
    }
}
