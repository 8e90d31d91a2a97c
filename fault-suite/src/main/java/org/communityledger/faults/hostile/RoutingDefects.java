package org.communityledger.faults.hostile;

import java.util.ArrayList;
import java.util.List;

/** Methods and paths the services do not route, and URLs their HTTP layers refuse. */
final class RoutingDefects {

    private RoutingDefects() {
    }

    static void wrongMethod(Draft draft, Dice dice, KnownTargets targets) {
        Refusals.spoil(draft, dice, null);
        List<String> others = Values.METHODS.stream().filter(method -> !method.equals(draft.endpoint.method))
                .toList();
        draft.method = dice.pick(others);
        boolean mayCarryBody = !draft.method.equals("GET") && !draft.method.equals("DELETE");
        if (draft.body == null && mayCarryBody && dice.chance(0.5)) {
            draft.body = new JsonBody().put(Values.SPOILER_FIELD, Json.str("refuse me"));
            draft.contentType = "application/json";
        } else if (draft.body != null && !mayCarryBody) {
            draft.dropBody();
        }
    }

    static void unknownPath(Draft draft, Dice dice, KnownTargets targets) {
        Refusals.spoil(draft, dice, null);
        if (draft.endpoint == Endpoint.DASHBOARD) {
            draft.rawPath = dice.pickOf("/index.php", "/admin", "/.env", "/wp-login.php", "/server-status",
                    "/index.html.bak", "/dashboard.jsx", "/api", "/api/", "/.git/config", "/actuator/env");
            return;
        }
        String rendered = draft.renderedTemplate();
        // A suffix glued to a trailing id would only make another id; there it starts a new segment instead.
        boolean endsWithId = draft.endpoint.template.endsWith("}");
        switch (endsWithId ? dice.pickOf(0, 1, 3) : dice.below(4)) {
            case 0 -> draft.pathSuffix = "/";
            case 1 -> draft.pathSuffix = "/" + dice.pickOf("x-unknown", "undo", "v2", "admin", "all", "batch",
                    "export", "delete");
            case 2 -> draft.pathSuffix = dice.pickOf(".json", ".xml", "~", "-old", "_", ".bak");
            default -> draft.rawPath = "/api/" + dice.pickOf("v2/", "v1/", "internal/", "private/")
                    + rendered.substring("/api/".length());
        }
    }

    static void pathTraversal(Draft draft, Dice dice, KnownTargets targets) {
        Refusals.spoil(draft, dice, null);
        String rendered = draft.renderedTemplate();
        if (rendered.equals("/")) {
            draft.rawPath = dice.pickOf("/..", "/./", "//", "/%2e%2e/", "/%2F", "/%5C", "/../../etc/passwd",
                    "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "/x/../");
            return;
        }
        int cut = rendered.lastIndexOf('/');
        String head = rendered.substring(0, cut);
        String last = rendered.substring(cut + 1);
        draft.rawPath = switch (dice.below(9)) {
            case 0 -> head + "/x/../" + last;
            case 1 -> head + "/./" + last;
            case 2 -> head + "//" + last;
            case 3 -> head + "/%2e%2e/" + last;
            case 4 -> head + "%2F" + last;
            case 5 -> head + "/%5C..%5C" + last;
            case 6 -> rendered + "/..";
            case 7 -> rendered + "/../../../../etc/passwd";
            default -> head + "/%2E%2E%2F%2E%2E%2F" + last;
        };
    }

    static void malformedPath(Draft draft, Dice dice, KnownTargets targets) {
        Refusals.spoil(draft, dice, null);
        String addition = dice.pickOf(";jsessionid=" + dice.hex(16), ";x=1", "%25", "%2525", "%00", "%0a", "%0d",
                "%0D%0ASet-Cookie:%20x=1", "%C0%AF", "%FF", "%ED%A0%80", "%E4%B8", "%F8%88%80%80%80",
                "%E2%80%A8");
        draft.pathSuffix = addition;
    }

    static void exoticMethod(Draft draft, Dice dice, KnownTargets targets) {
        Refusals.spoil(draft, dice, null);
        draft.method = dice.pick(Values.EXOTIC_METHODS);
    }

    static void oversizedUri(Draft draft, Dice dice, KnownTargets targets) {
        Refusals.spoil(draft, dice, null);
        String huge = "A".repeat(dice.between(9_000, 20_000));
        List<String> keys = new ArrayList<>(draft.pathValues.keySet());
        if (keys.isEmpty()) {
            draft.pathSuffix = "/" + huge;
        } else {
            draft.pathValues.put(dice.pick(keys), huge);
        }
    }
}
