package org.postbackbridge.console.reconcile;

import java.util.Locale;
import java.util.Map;

/** What a cabinet's event name most likely means: the network's own aliases, then common words. */
final class EventNames {

    private EventNames() {
    }

    /** The canonical event, or "" when it is not one we receive. */
    static String guess(String cabinetName, Map<String, String> aliases) {
        String name = cabinetName.trim().toLowerCase(Locale.ROOT);
        if (aliases.containsKey(name)) {
            return aliases.get(name);
        }
        if (name.contains("ftd") || name.contains("first") || name.contains("перв")) {
            return "first_deposit";
        }
        if (name.contains("reg") || name.contains("рег")) {
            return "registration";
        }
        if (name.contains("dep") || name.contains("деп")) {
            return "deposit";
        }
        if (name.contains("withdraw") || name.contains("вывод")) {
            return "withdrawal";
        }
        if (name.contains("win") || name.contains("выигр")) {
            return "win";
        }
        return "";
    }
}
