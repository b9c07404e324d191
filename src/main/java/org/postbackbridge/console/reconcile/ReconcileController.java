package org.postbackbridge.console.reconcile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.postbackbridge.console.ConsoleProperties;
import org.postbackbridge.console.ConsoleText;
import org.postbackbridge.intake.EventType;
import org.postbackbridge.intake.NetworkProfile;
import org.postbackbridge.intake.PostbackProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.postbackbridge.console.queries.OurConversions;

/**
 * Reconciliation with the partner cabinet: upload its CSV export, confirm which column is what,
 * and see the conversions that never reached us and the ones the cabinet does not have. Between
 * the steps the file is kept server-side ({@link ReconcileUploads}); the confirmation form carries
 * its ID, the column choices and the meaning of at most {@value #LISTED_EVENT_NAMES} event names.
 */
@Controller
class ReconcileController {

    private static final int PREVIEW_ROWS = 5;
    /**
     * Event names offered for confirmation. A cabinet has a handful; hundreds mean the guessed
     * column is not the event column, and the rest keep their guessed meaning.
     */
    static final int LISTED_EVENT_NAMES = 100;

    /** A row that could not be read, said in the operator's language. */
    record ShownProblem(long line, String message) {
    }
    private static final List<String> PLAYER_HINTS = List.of("player", "игрок", "user_id", "user", "id");
    private static final List<String> EVENT_HINTS = List.of("event", "событ", "type", "тип", "action", "действ");
    private static final List<String> AMOUNT_HINTS = List.of("amount", "сумм", "sum");
    private static final List<String> DATE_HINTS = List.of("date", "дата", "time", "время");

    private final PostbackProperties properties;
    private final OurConversions ours;
    private final ReconcileUploads uploads;
    private final ZoneId zone;
    private final ConsoleText text;

    ReconcileController(PostbackProperties properties, OurConversions ours, ReconcileUploads uploads,
                        ConsoleProperties console, ConsoleText text) {
        this.properties = properties;
        this.ours = ours;
        this.uploads = uploads;
        this.zone = console.timeZone();
        this.text = text;
    }

    /** Where the language switch of a preview leads: the preview itself is the answer to an upload. */
    @GetMapping("/admin/reconcile/preview")
    String previewAgain() {
        return "redirect:/admin/reconcile";
    }

    @GetMapping("/admin/reconcile")
    String form(Model model) {
        model.addAttribute("networks", properties.networks().keySet());
        return "admin/reconcile";
    }

    /** Step 1: the file, read, with a guessed mapping to confirm. */
    @PostMapping("/admin/reconcile/preview")
    String preview(@RequestParam MultipartFile file, @RequestParam String network, Model model) throws IOException {
        form(model);
        model.addAttribute("network", network);
        CabinetTable table;
        String csv;
        try {
            csv = decode(file.getBytes());
            table = CabinetTable.parse(csv);
        } catch (CabinetProblem e) {
            model.addAttribute("error", e.describe(this.text));
            return "admin/reconcile";
        }
        int eventColumn = table.guess(EVENT_HINTS);
        model.addAttribute("upload", uploads.keep(csv));
        model.addAttribute("header", table.header());
        model.addAttribute("sample", table.rows().stream().limit(PREVIEW_ROWS).map(CabinetTable.Row::cells).toList());
        model.addAttribute("rowCount", table.rows().size());
        model.addAttribute("guess", Map.of("player", table.guess(PLAYER_HINTS), "event", eventColumn,
                "amount", table.guess(AMOUNT_HINTS), "date", table.guess(DATE_HINTS)));
        Map<String, String> names = eventColumn < 0 ? Map.of() : eventNames(table, eventColumn, aliases(network));
        model.addAttribute("eventNames", names.entrySet().stream().limit(LISTED_EVENT_NAMES)
                .collect(LinkedHashMap<String, String>::new, (m, e) -> m.put(e.getKey(), e.getValue()), Map::putAll));
        model.addAttribute("unlistedEventNames", Math.max(0, names.size() - LISTED_EVENT_NAMES));
        model.addAttribute("meanings", meanings());
        return "admin/reconcile";
    }

    /** Step 2: the report. */
    @PostMapping("/admin/reconcile")
    String report(@RequestParam String upload, @RequestParam String network, @RequestParam int player,
                  @RequestParam int event, @RequestParam(defaultValue = "-1") int amount, @RequestParam int date,
                  @RequestParam(required = false) List<String> eventName,
                  @RequestParam(required = false) List<String> eventMeaning, Model model) {
        form(model);
        model.addAttribute("network", network);
        if (player < 0 || event < 0 || date < 0) {
            model.addAttribute("error", this.text.message("reconcile.error.columns"));
            return "admin/reconcile";
        }
        Optional<String> csv = uploads.find(upload);
        if (csv.isEmpty()) {
            model.addAttribute("error", this.text.message("reconcile.error.expired"));
            return "admin/reconcile";
        }
        CabinetTable table;
        try {
            table = CabinetTable.parse(csv.get());
        } catch (CabinetProblem e) {
            model.addAttribute("error", e.describe(this.text));
            return "admin/reconcile";
        }
        Map<String, String> events = eventNames(table, event, aliases(network));
        if (eventName != null && eventMeaning != null) {
            for (int i = 0; i < Math.min(eventName.size(), eventMeaning.size()); i++) {
                events.put(eventName.get(i), eventMeaning.get(i));
            }
        }
        CabinetRows.Result cabinet = CabinetRows.read(table, new CabinetRows.Mapping(player, event, amount, date,
                events), zone);
        model.addAttribute("problems", cabinet.problems().stream()
                .map(problem -> new ShownProblem(problem.line(), problem.problem().describe(this.text))).toList());
        model.addAttribute("ignored", events.entrySet().stream().filter(e -> e.getValue().isEmpty())
                .map(Map.Entry::getKey).toList());
        if (cabinet.conversions().isEmpty()) {
            model.addAttribute("error", this.text.message("reconcile.error.noConversion"));
            return "admin/reconcile";
        }
        Instant first = cabinet.conversions().stream().map(Conversion::at).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = cabinet.conversions().stream().map(Conversion::at).max(Comparator.naturalOrder()).orElseThrow();
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        model.addAttribute("report", Reconciliation.of(cabinet.conversions(),
                ours.between(network, first.minus(Reconciliation.TOLERANCE), last.plus(Reconciliation.TOLERANCE))));
        return "admin/reconcile";
    }

    /** Each distinct event name in the column with its guessed meaning. */
    private static Map<String, String> eventNames(CabinetTable table, int column, Map<String, String> aliases) {
        Map<String, String> names = new LinkedHashMap<>();
        new TreeSet<>(table.rows().stream().filter(row -> column < row.cells().size())
                .map(row -> row.cells().get(column).trim()).toList())
                .forEach(name -> names.put(name, EventNames.guess(name, aliases)));
        return names;
    }

    private Map<String, String> aliases(String network) {
        NetworkProfile profile = properties.networks().get(network);
        return profile == null ? Map.of() : profile.eventAliases();
    }

    private static List<String> meanings() {
        return Arrays.stream(EventType.values()).map(EventType::canonicalName).toList();
    }

    /** UTF-8, or Windows-1251 as spreadsheet programs in Russian write CSV. */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("windows-1251"));
        }
    }
}
