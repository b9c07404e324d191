package org.postbackbridge.console;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.postbackbridge.console.queries.SourceFigures.Cohort;
import org.postbackbridge.console.queries.SourceFigures.Grouping;
import org.postbackbridge.console.queries.SourceFigures;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Which traffic source brings depositors: users who started the bot in a period, by their /start
 * payload or by day, how far they got and what they deposited; the deep link to give each source.
 */
@Controller
class SourcesController {

    private static final List<String> GROUPINGS = List.of("source", "day");

    private final SourceFigures figures;
    private final StartLinks links;
    private final ConsoleProperties properties;
    private final Clock clock;
    private final boolean gate;

    SourcesController(SourceFigures figures, StartLinks links, ConsoleProperties properties, Clock clock,
                      @Value("${postback-bridge.bot.required-channel-id:}") String requiredChannel) {
        this.figures = figures;
        this.links = links;
        this.properties = properties;
        this.clock = clock;
        this.gate = !requiredChannel.isBlank();
    }

    /** What the page and its export are asked for. */
    record Query(Period period, Grouping grouping, String source, String sort, boolean descending) {
    }

    @GetMapping("/admin/sources")
    String sources(@RequestParam(defaultValue = "30d") String period, @RequestParam(defaultValue = "source") String by,
                   @RequestParam(required = false) String source, @RequestParam(defaultValue = "users") String sort,
                   @RequestParam(defaultValue = "desc") String dir, Model model) {
        Query query = query(period, by, source, sort, dir);
        SourceReport report = report(query);
        model.addAttribute("query", query);
        model.addAttribute("periods", Period.values());
        model.addAttribute("report", report);
        model.addAttribute("gate", gate);
        model.addAttribute("columns", SourceReport.SORTS.stream()
                .filter(column -> !column.equals("key") && (gate || !column.equals("subscribed"))).toList());
        model.addAttribute("botKnown", links.botUsername().isPresent());
        model.addAttribute("links", report.rows().stream().map(SourceReport.Row::source)
                .filter(s -> s != null && !s.isEmpty())
                .collect(Collectors.toMap(Function.identity(), links::forSource, (a, b) -> a, LinkedHashMap::new)));
        model.addAttribute("exampleLink", links.forSource("channel_post_1"));
        return "admin/sources";
    }

    @GetMapping("/admin/export/sources.csv")
    void export(@RequestParam(defaultValue = "30d") String period, @RequestParam(defaultValue = "source") String by,
                @RequestParam(required = false) String source, @RequestParam(defaultValue = "users") String sort,
                @RequestParam(defaultValue = "desc") String dir,
                @RequestParam(name = CsvStyle.PARAMETER, required = false) String separator, Locale locale,
                HttpServletResponse response) throws IOException {
        SourceReport report = report(query(period, by, source, sort, dir));
        List<String> header = new ArrayList<>(List.of(report.grouping() == Grouping.DAY ? "day" : "source", "users"));
        if (gate) {
            header.add("subscribed");
        }
        header.addAll(List.of("registered", "first_deposits", "deposits", "registered_share", "first_deposit_share",
                "users_to_first_deposit"));
        report.currencies().forEach(currency -> header.add("sum_" + currency));
        try (CsvExport csv = CsvExport.start(response, CsvStyle.of(separator, locale), "sources.csv", header.toArray(String[]::new))) {
            for (SourceReport.Row row : report.rows()) {
                List<Object> cells = new ArrayList<>(List.of(
                        report.grouping() == Grouping.DAY ? row.day().toString() : row.source(), row.users()));
                if (gate) {
                    cells.add(row.subscribed());
                }
                cells.addAll(Arrays.asList(row.registered(), row.firstDeposits(), row.deposits(),
                        csv.number(share(row.registeredShare())), csv.number(share(row.firstDepositShare())),
                        csv.number(share(row.overallShare()))));
                report.currencies().forEach(currency -> cells.add(csv.number(row.sum(currency).toPlainString())));
                csv.row(cells.toArray());
            }
        }
    }

    private SourceReport report(Query query) {
        long since = query.period().startMillis(clock, properties.timeZone());
        long offset = properties.timeZone().getRules().getOffset(clock.instant()).getTotalSeconds() * 1000L;
        Cohort cohort = new Cohort(query.grouping(), since, query.source(), offset);
        return SourceReport.of(query.grouping(), figures.users(cohort), figures.deposits(cohort), gate, query.sort(),
                query.descending());
    }

    private static Query query(String period, String by, String source, String sort, String dir) {
        Map<String, Period> periods = Arrays.stream(Period.values())
                .collect(Collectors.toMap(Period::key, p -> p, (a, b) -> a, LinkedHashMap::new));
        HistoryFilter.oneOf("period", period, periods.keySet());
        HistoryFilter.oneOf("by", by, GROUPINGS);
        HistoryFilter.oneOf("dir", dir, List.of("asc", "desc"));
        if (!sort.startsWith("sum:")) {
            HistoryFilter.oneOf("sort", sort, SourceReport.SORTS);
        }
        return new Query(periods.get(period), by.equals("day") ? Grouping.DAY : Grouping.SOURCE,
                HistoryFilter.blankToNull(source), sort,
                dir.equals("desc"));
    }

    /** A share for a spreadsheet: a plain fraction with four decimals, empty where there is nothing to divide. */
    private static String share(Double share) {
        return share == null ? "" : String.format(Locale.ROOT, "%.4f", share);
    }
}
