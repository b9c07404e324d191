package org.postbackbridge.console;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.postbackbridge.console.queries.DashboardFigures;

/** The console's front page: the funnel for a period, deposits per day, the registration → deposit gap. */
@Controller
class DashboardController {

    private static final int CHART_DAYS = 30;

    private final DashboardFigures figures;
    private final ConsoleProperties properties;
    private final Clock clock;
    private final boolean gated;

    /** {@code requiredChannel}: the bot's subscription gate, read as a setting since the console does not use the bot. */
    DashboardController(DashboardFigures figures, ConsoleProperties properties, Clock clock,
                        @Value("${postback-bridge.bot.required-channel-id:}") String requiredChannel) {
        this.figures = figures;
        this.properties = properties;
        this.clock = clock;
        this.gated = !requiredChannel.isBlank();
    }

    @GetMapping("/admin")
    String dashboard(@RequestParam(defaultValue = "7d") String period,
                     @RequestParam(name = "include_test", defaultValue = "false") boolean includeTests, Model model) {
        Period chosen = Period.of(period);
        long since = chosen.startMillis(clock, properties.timeZone());
        LocalDate today = LocalDate.now(clock.withZone(properties.timeZone()));
        LocalDate firstChartDay = today.minusDays(CHART_DAYS - 1);
        long chartSince = firstChartDay.atStartOfDay(properties.timeZone()).toInstant().toEpochMilli();
        Funnel funnel = figures.funnel(since, gated);
        model.addAttribute("periods", Period.values());
        model.addAttribute("period", chosen);
        model.addAttribute("funnel", funnel);
        model.addAttribute("gap", DepositGap.of(figures.registrationToFirstDeposit(since, includeTests)));
        model.addAttribute("chart", DepositChart.of(firstChartDay, today,
                figures.depositsPerDay(chartSince, properties.timeZone(), clock.millis(), includeTests)));
        model.addAttribute("timeZone", properties.timeZone());
        model.addAttribute("includeTests", includeTests);
        return "admin/dashboard";
    }
}
